import { ErrorCode } from 'src/common/errors/error-code';

export interface FieldError {
  /** Dotted path of the failing field, e.g. `claims.0.amount`. */
  field: string;
  /** Human-readable reasons, one per failed rule. */
  reasons: string[];
}

/**
 * An error the domain raises on purpose. Services throw these; the exception filter turns them into HTTP.
 * `details` must never hold personal data: it is returned to the client and logged.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export class ValidationFailedError extends DomainError {
  constructor(readonly fieldErrors: FieldError[]) {
    super(
      ErrorCode.ValidationFailed,
      `Validation failed for: ${fieldErrors.map((f) => f.field).join(', ')}`,
      fieldErrors,
    );
  }
}
