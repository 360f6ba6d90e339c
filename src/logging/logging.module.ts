import { Module } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';
import pretty from 'pino-pretty';
import { APP_CONFIG, AppConfig } from 'src/config/app-config';
import { REDACT_PATHS } from 'src/logging/redaction';

// Synchronous streams: a crash or process.exit must not swallow the last lines.
function logStream(log: AppConfig['log']): pino.DestinationStream {
  if (log.pretty) {
    return pretty({
      colorize: log.colour,
      singleLine: true,
      sync: true,
      translateTime: 'SYS:HH:MM:ss.l',
      destination: log.destination === '' ? 1 : log.destination,
      mkdir: true,
    });
  }
  if (log.destination === '') return pino.destination({ dest: 1, sync: true });
  return pino.destination({ dest: log.destination, sync: true, mkdir: true });
}

@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        pinoHttp: [
          {
            level: config.log.level,
            redact: { paths: REDACT_PATHS, censor: '[redacted]' },
            // The id was chosen by Fastify (see correlation-id.ts); log the same one.
            genReqId: (req: IncomingMessage) => req.id,
            customProps: () => ({ role: config.role }),
            // Log the route, never the query string: filters may be sensitive, ids are enough.
            serializers: {
              req: (req: { id: string; method: string; url: string }) => ({
                id: req.id,
                method: req.method,
                url: req.url.split('?')[0],
              }),
            },
          },
          logStream(config.log),
        ],
      }),
    }),
  ],
})
export class LoggingModule {}
