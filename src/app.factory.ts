import { INestApplicationContext } from '@nestjs/common';
import multipart from '@fastify/multipart';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AppModule } from 'src/app.module';
import { AllExceptionsFilter } from 'src/server/all-exceptions.filter';
import { createValidationPipe } from 'src/common/errors/validation';
import { correlationIdFor, REQUEST_ID_HEADER } from 'src/common/http/correlation-id';
import { InFlightInterceptor, ShutdownGate } from 'src/server/shutdown-gate';
import { DatabaseOutage } from 'src/database/database-outage';
import { AppConfig, AppRole } from 'src/config/app-config';
import { mountSwaggerUi } from 'src/openapi/openapi';
import { mountQueueBoard } from 'src/queue-board/queue-board.plugin';

const BODY_LIMIT_BYTES = 1024 * 1024;

/** Builds the HTTP application (roles api and all) with every cross-cutting piece wired once. */
export async function createHttpApp(config: AppConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    genReqId: correlationIdFor,
    requestIdHeader: false,
    bodyLimit: BODY_LIMIT_BYTES,
    // Shutdown closes idle keep-alive sockets instead of waiting for clients to drop them.
    forceCloseConnections: 'idle',
    // ShutdownGate refuses requests during shutdown with the service's own error body instead.
    return503OnClosing: false,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  await app.register(multipart, { limits: { fileSize: config.storage.maxAttachmentBytes, files: 1, fields: 10 } });
  app.useGlobalFilters(new AllExceptionsFilter(app.get(DatabaseOutage)));
  app.useGlobalPipes(createValidationPipe());
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
    done();
  });
  // The console's own base path (Vite's `base`); Nest matches `/console` only.
  fastify.get('/console/', (_request, reply) => reply.redirect('/console', 301));
  const gate = app.get(ShutdownGate);
  gate.install(fastify);
  app.useGlobalInterceptors(new InFlightInterceptor(gate));
  mountSwaggerUi(app);
  if (config.role !== AppRole.Worker) await mountQueueBoard(app);
  await app.init();
  return app;
}

/** Builds the worker (role worker): no HTTP server, just the queue consumers. */
export async function createWorkerContext(config: AppConfig): Promise<INestApplicationContext> {
  const context = await NestFactory.createApplicationContext(AppModule.forRoot(config), { bufferLogs: true });
  context.useLogger(context.get(Logger));
  await context.init();
  return context;
}

export async function createApp(config: AppConfig): Promise<INestApplicationContext> {
  return config.role === AppRole.Worker ? createWorkerContext(config) : createHttpApp(config);
}
