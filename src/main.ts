import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from 'src/app.factory';
import { ShutdownGate } from 'src/server/shutdown-gate';
import { AppConfig, AppRole, ConfigError, loadConfig } from 'src/config/app-config';
import { readEnvironment } from 'src/config/environment';

function readConfig(): AppConfig {
  try {
    return loadConfig(readEnvironment(), { stdoutIsTty: process.stdout.isTTY });
  } catch (error) {
    if (error instanceof ConfigError) {
      // One line, no stack: the operator needs to know which setting is wrong, nothing else.
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
}

async function bootstrap(): Promise<void> {
  const config = readConfig();
  const app = await createApp(config);
  const logger = new Logger('Main');
  if (config.role !== AppRole.Worker) {
    await (app as NestFastifyApplication).listen(config.http.port, config.http.host);
    logger.log(`API listening on http://${config.http.host}:${config.http.port} (role ${config.role})`);
  } else {
    logger.log('worker started');
  }

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: draining`);
    // One budget from the signal: whatever sends SIGTERM waits about SHUTDOWN_TIMEOUT_MS before it kills.
    const deadline = setTimeout(() => {
      logger.error(`shutdown took longer than ${String(config.shutdownTimeoutMs)} ms; exiting`);
      process.exit(1);
    }, config.shutdownTimeoutMs);
    deadline.unref();
    // First refuse new requests and let the accepted ones finish (at most half the budget; a worker has none to
    // wait for); then app.close() in what is left: drain workers, close HTTP, database and Redis.
    const gate = app.get(ShutdownGate);
    (config.role === AppRole.Worker ? Promise.resolve() : gate.close(config.shutdownTimeoutMs / 2))
      .then(() => app.close())
      .then(
        () => {
          logger.log('stopped cleanly');
          process.exit(0);
        },
        (error: unknown) => {
          logger.error({ err: error }, 'error while stopping');
          process.exit(1);
        },
      );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(`Failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
