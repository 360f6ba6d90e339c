import { QueryFailedError } from 'typeorm';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from 'src/common/errors/domain.error';
import { ERROR_HTTP_STATUS, ErrorCode, RETRY_AFTER_SECONDS } from 'src/common/errors/error-code';
import { DatabaseOutage, isDatabaseUnavailable } from 'src/database/database-outage';

export interface ErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string;
  details?: unknown;
  correlationId: string;
}

const STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  [HttpStatus.BAD_REQUEST]: ErrorCode.MalformedRequest,
  [HttpStatus.UNAUTHORIZED]: ErrorCode.Unauthenticated,
  [HttpStatus.FORBIDDEN]: ErrorCode.Forbidden,
  [HttpStatus.NOT_FOUND]: ErrorCode.NotFound,
  [HttpStatus.CONFLICT]: ErrorCode.Conflict,
  [HttpStatus.PAYLOAD_TOO_LARGE]: ErrorCode.PayloadTooLarge,
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: ErrorCode.UnsupportedMediaType,
  [HttpStatus.TOO_MANY_REQUESTS]: ErrorCode.TooManyRequests,
  [HttpStatus.SERVICE_UNAVAILABLE]: ErrorCode.NotReady,
};

interface FastifyLikeError {
  statusCode?: number;
  code?: string;
  message: string;
}

function isFastifyClientError(error: unknown): error is FastifyLikeError {
  if (!(error instanceof Error)) return false;
  const { statusCode, code } = error as FastifyLikeError;
  return typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500 && String(code).startsWith('FST_');
}

function messageOf(response: object, fallback: string): string {
  const message = (response as { message?: unknown }).message;
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.map(String).join('; ');
  return fallback;
}

/** The single mapping from anything thrown to the documented error body (Nest routes and Fastify-native ones). */
export function errorBodyFor(exception: unknown, correlationId: string): ErrorBody {
  if (exception instanceof DomainError) {
    return {
      statusCode: ERROR_HTTP_STATUS[exception.code],
      code: exception.code,
      message: exception.message,
      ...(exception.details === undefined ? {} : { details: exception.details }),
      correlationId,
    };
  }
  if (exception instanceof HttpException) {
    const statusCode = exception.getStatus();
    const response = exception.getResponse();
    const message = typeof response === 'string' ? response : messageOf(response, exception.message);
    const code =
      statusCode === 404 && message.startsWith('Cannot ') ? ErrorCode.RouteNotFound : STATUS_CODES[statusCode];
    return { statusCode, code: code ?? ErrorCode.Internal, message, correlationId };
  }
  if (isFastifyClientError(exception)) {
    // Body-parser and content-type errors from Fastify: the client's fault, say so plainly.
    const statusCode = exception.statusCode ?? HttpStatus.BAD_REQUEST;
    const code = STATUS_CODES[statusCode] ?? ErrorCode.MalformedRequest;
    return { statusCode, code, message: exception.message, correlationId };
  }
  if (isDatabaseUnavailable(exception)) {
    return {
      statusCode: HttpStatus.SERVICE_UNAVAILABLE,
      code: ErrorCode.DatabaseUnavailable,
      // A connection lost during COMMIT leaves the outcome unknown: say so, and how to retry safely.
      message:
        'The database cannot be reached right now, so the change may not have been saved. Try again shortly, with the same Idempotency-Key if you sent one.',
      correlationId,
    };
  }
  const conflict = databaseConflict(exception);
  if (conflict) return { statusCode: HttpStatus.CONFLICT, code: ErrorCode.Conflict, message: conflict, correlationId };
  return {
    statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
    code: ErrorCode.Internal,
    message: 'An unexpected error occurred. Quote the correlation id when reporting it.',
    correlationId,
  };
}

/**
 * PostgreSQL errors that are a race the client lost, not a fault: two creates of one unique value (a check before
 * the insert cannot close that window), or a deadlock / serialization failure between concurrent commands. The
 * message never repeats the database's detail, which can hold the conflicting value.
 */
function databaseConflict(exception: unknown): string | null {
  if (!(exception instanceof QueryFailedError)) return null;
  const code = (exception.driverError as { code?: unknown } | undefined)?.code;
  if (code === '23505') return 'A record with this unique value was created at the same time; reload and check';
  if (code === '40P01' || code === '40001') return 'A concurrent change got in the way; try again';
  return null;
}

/**
 * What of an unexpected error goes to the log. Never a database error's parameters, query or `detail`, nor a value
 * PostgreSQL quotes in its message ("invalid input syntax for type uuid: \"…\""): any of them can be personal data.
 */
export function loggableError(exception: unknown): Record<string, unknown> {
  if (!(exception instanceof Error)) return { type: typeof exception };
  if (!(exception instanceof QueryFailedError)) {
    return { type: exception.name, message: exception.message, stack: exception.stack };
  }
  const driver = exception.driverError as { code?: string; table?: string; constraint?: string; column?: string };
  return {
    type: exception.name,
    message: exception.message.replace(/"[^"]*"/g, '"…"'),
    code: driver.code,
    table: driver.table,
    column: driver.column,
    constraint: driver.constraint,
    // The first line of the stack repeats the message.
    stack: exception.stack?.split('\n').slice(1).join('\n'),
  };
}

/** Sends an error body, with Retry-After when the refusal is retriable. */
export function sendError(reply: FastifyReply, body: ErrorBody): void {
  const retryAfter = RETRY_AFTER_SECONDS[body.code];
  if (retryAfter !== undefined) void reply.header('retry-after', String(retryAfter));
  void reply.status(body.statusCode).header('x-request-id', body.correlationId).send(body);
}

/** Answers every error of a Nest route with the documented body. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(private readonly outage?: DatabaseOutage) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const body = errorBodyFor(exception, request.id);
    if (body.code === ErrorCode.DatabaseUnavailable) this.outage?.noteRefused(exception);
    if (body.statusCode >= 500 && body.code === ErrorCode.Internal) {
      this.logger.error({ err: loggableError(exception), correlationId: body.correlationId }, 'unhandled error');
    }
    sendError(reply, body);
  }
}
