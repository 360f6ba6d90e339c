import { HttpStatus } from '@nestjs/common';

/** Stable, machine-readable error codes. Clients switch on these, never on messages. */
export enum ErrorCode {
  ValidationFailed = 'VALIDATION_FAILED',
  MalformedRequest = 'MALFORMED_REQUEST',
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  NotFound = 'NOT_FOUND',
  RouteNotFound = 'ROUTE_NOT_FOUND',
  Conflict = 'CONFLICT',
  VersionConflict = 'CASE_VERSION_CONFLICT',
  IllegalTransition = 'ILLEGAL_TRANSITION',
  /** An SLA clock extension beyond what its rule allows in total. */
  ExtensionCapExceeded = 'EXTENSION_CAP_EXCEEDED',
  IdempotencyKeyReused = 'IDEMPOTENCY_KEY_REUSED',
  /** More rows than a synchronous export streams: ask for it with POST /exports instead. */
  ExportTooLarge = 'EXPORT_TOO_LARGE',
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  UnsupportedMediaType = 'UNSUPPORTED_MEDIA_TYPE',
  TooManyRequests = 'TOO_MANY_REQUESTS',
  NotReady = 'NOT_READY',
  /** PostgreSQL cannot be reached (stopped, restarting, failing over): retry after Retry-After seconds. */
  DatabaseUnavailable = 'DATABASE_UNAVAILABLE',
  /** The process received SIGTERM and takes no new requests; another instance (or this one restarted) will. */
  ShuttingDown = 'SHUTTING_DOWN',
  Internal = 'INTERNAL_ERROR',
}

/** The one place error codes meet HTTP. */
export const ERROR_HTTP_STATUS: Record<ErrorCode, HttpStatus> = {
  [ErrorCode.ValidationFailed]: HttpStatus.BAD_REQUEST,
  [ErrorCode.MalformedRequest]: HttpStatus.BAD_REQUEST,
  [ErrorCode.Unauthenticated]: HttpStatus.UNAUTHORIZED,
  [ErrorCode.Forbidden]: HttpStatus.FORBIDDEN,
  [ErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [ErrorCode.RouteNotFound]: HttpStatus.NOT_FOUND,
  [ErrorCode.Conflict]: HttpStatus.CONFLICT,
  [ErrorCode.VersionConflict]: HttpStatus.CONFLICT,
  [ErrorCode.IllegalTransition]: HttpStatus.CONFLICT,
  [ErrorCode.ExtensionCapExceeded]: HttpStatus.CONFLICT,
  [ErrorCode.IdempotencyKeyReused]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorCode.ExportTooLarge]: HttpStatus.CONFLICT,
  [ErrorCode.PayloadTooLarge]: HttpStatus.PAYLOAD_TOO_LARGE,
  [ErrorCode.UnsupportedMediaType]: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  [ErrorCode.TooManyRequests]: HttpStatus.TOO_MANY_REQUESTS,
  [ErrorCode.NotReady]: HttpStatus.SERVICE_UNAVAILABLE,
  [ErrorCode.DatabaseUnavailable]: HttpStatus.SERVICE_UNAVAILABLE,
  [ErrorCode.ShuttingDown]: HttpStatus.SERVICE_UNAVAILABLE,
  [ErrorCode.Internal]: HttpStatus.INTERNAL_SERVER_ERROR,
};

/** Retriable refusals: how long a client should wait before trying again (the Retry-After header, seconds). */
export const RETRY_AFTER_SECONDS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.NotReady]: 5,
  [ErrorCode.DatabaseUnavailable]: 5,
  [ErrorCode.ShuttingDown]: 2,
};
