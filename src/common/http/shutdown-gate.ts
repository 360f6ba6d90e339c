import { Injectable, Logger } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { errorBodyFor, sendError } from 'src/common/errors/all-exceptions.filter';
import { DomainError } from 'src/common/errors/domain.error';
import { ErrorCode } from 'src/common/errors/error-code';

/**
 * Graceful shutdown for HTTP. On SIGTERM the gate closes first: requests already accepted run to the end, new ones
 * are refused at once with the service's own error body (503 SHUTTING_DOWN, Retry-After, Connection: close, so
 * keep-alive clients reconnect elsewhere), and only once no request is in flight do modules start closing their
 * database and Redis connections under them. Fastify's own 503-on-close (a different body) is switched off.
 */
@Injectable()
export class ShutdownGate {
  private readonly logger = new Logger(ShutdownGate.name);
  private closing = false;
  private inFlight = 0;
  private idle: (() => void) | undefined;

  install(fastify: FastifyInstance): void {
    fastify.addHook('onRequest', (request, reply, done) => {
      if (this.closing) {
        void reply.header('connection', 'close');
        const refusal = new DomainError(ErrorCode.ShuttingDown, 'The service is restarting; try again in a moment');
        sendError(reply, errorBodyFor(refusal, request.id));
        return;
      }
      this.inFlight += 1;
      // 'close' fires once whether the response was sent or the client went away.
      reply.raw.once('close', () => {
        this.inFlight -= 1;
        if (this.inFlight === 0) this.idle?.();
      });
      done();
    });
  }

  get isClosing(): boolean {
    return this.closing;
  }

  /** Stops taking requests and resolves when the accepted ones are done, or after `timeoutMs` at the latest. */
  async close(timeoutMs: number): Promise<void> {
    this.closing = true;
    if (this.inFlight === 0) return;
    this.logger.log(`waiting for ${String(this.inFlight)} request(s) in flight`);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.logger.warn(`${String(this.inFlight)} request(s) still running after ${String(timeoutMs)} ms`);
        resolve();
      }, timeoutMs);
      timer.unref();
      this.idle = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
