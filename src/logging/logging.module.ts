import { Module } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';
import { APP_CONFIG, AppConfig } from 'src/config/app-config';
import { REDACT_PATHS } from 'src/logging/redaction';

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
          config.log.destination === ''
            ? pino.destination({ dest: 1, sync: true })
            : pino.destination({ dest: config.log.destination, sync: true, mkdir: true }),
        ],
      }),
    }),
  ],
})
export class LoggingModule {}
