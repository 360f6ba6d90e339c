import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { finalize, Observable } from 'rxjs';
import { errorBodyFor, sendError } from 'src/server/all-exceptions.filter';
import { DomainError } from 'src/common/errors/domain.error';
import { ErrorCode } from 'src/common/errors/error-code';

/** How long refusals are answered before the listener closes. */
export const SHUTDOWN_GRACE_MS = 1000;

/**
 * Graceful shutdown for HTTP. On SIGTERM the gate closes first: requests already accepted run to the end, new ones
 * are refused at once with the service's own error body (503 SHUTTING_DOWN, Retry-After), every response from then
 * on says `Connection: close` so keep-alive clients reconnect elsewhere, and only once nothing is in flight do
 * modules start closing their database and Redis connections. Fastify's own 503-on-close (another body) is off.
 *
 * "In flight" counts both the exchange (until its response is sent or the client is gone) and the handler (until
 * it returns: a client that hangs up does not stop a transaction that is still running).
 */
@Injectable()
export class ShutdownGate {
  private readonly logger = new Logger(ShutdownGate.name);
  private closing = false;
  private exchanges = 0;
  private handlers = 0;
  private idle: (() => void) | undefined;

  install(fastify: FastifyInstance): void {
    const refused = new WeakSet<object>();
    fastify.addHook('onRequest', (request, reply, done) => {
      if (this.closing) {
        refused.add(request);
        done();
        return;
      }
      this.exchanges += 1;
      // 'close' fires once whether the response was sent or the client went away.
      reply.raw.once('close', () => {
        this.exchanges -= 1;
        this.settle();
      });
      done();
    });
    // Refused after the body is read, not before: closing a socket with an unread request body in it makes the
    // kernel answer with a reset, and the client would see ECONNRESET instead of the 503.
    fastify.addHook('preValidation', (request, reply, done) => {
      if (!refused.has(request)) {
        done();
        return;
      }
      const refusal = new DomainError(ErrorCode.ShuttingDown, 'The service is restarting; try again in a moment');
      sendError(reply, errorBodyFor(refusal, request.id));
    });
    fastify.addHook('onSend', (_request, reply, payload, done) => {
      if (this.closing) void reply.header('connection', 'close');
      done(null, payload);
    });
  }

  /** Marks a route handler as running; call the returned function when it is done. */
  enter(): () => void {
    this.handlers += 1;
    return () => {
      this.handlers -= 1;
      this.settle();
    };
  }

  /**
   * Stops taking requests and resolves when the accepted ones are done (after `timeoutMs` at the latest), but not
   * before `graceMs`: a client that was about to reuse a keep-alive connection gets the 503 and `Connection: close`
   * in that time instead of a reset when the listener closes.
   */
  async close(timeoutMs: number, graceMs = SHUTDOWN_GRACE_MS): Promise<void> {
    this.closing = true;
    const grace = new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref());
    await Promise.all([grace, this.drained(timeoutMs)]);
  }

  private async drained(timeoutMs: number): Promise<void> {
    if (this.busy === 0) return;
    this.logger.log(`waiting for ${String(this.busy)} request(s) in flight`);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.logger.warn(`${String(this.busy)} request(s) still running after ${String(timeoutMs)} ms`);
        resolve();
      }, timeoutMs);
      timer.unref();
      this.idle = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private get busy(): number {
    return Math.max(this.exchanges, this.handlers);
  }

  private settle(): void {
    if (this.exchanges === 0 && this.handlers === 0) this.idle?.();
  }
}

/** Counts route handlers for the gate, from the first interceptor to the last byte of their work. */
export class InFlightInterceptor implements NestInterceptor {
  constructor(private readonly gate: ShutdownGate) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const done = this.gate.enter();
    return next.handle().pipe(finalize(done));
  }
}
