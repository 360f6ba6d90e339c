import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { FieldError, ValidationFailedError } from 'src/common/errors/domain.error';

/** Flattens class-validator's nested tree into one entry per failing field, with dotted paths. */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own: FieldError[] = error.constraints ? [{ field, reasons: Object.values(error.constraints) }] : [];
    return [...own, ...toFieldErrors(error.children ?? [], field)];
  });
}

/** Dotted paths of the strings (and keys) holding a NUL character, which PostgreSQL cannot store in text or jsonb. */
export function nulFields(value: unknown, path = ''): string[] {
  const at = (key: string) => (path ? `${path}.${key}` : key);
  if (typeof value === 'string') return value.includes('\u0000') ? [path || 'body'] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => nulFields(item, at(String(i))));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) =>
      key.includes('\u0000') ? [at(key.replaceAll('\u0000', '\\u0000'))] : nulFields(item, at(key)),
    );
  }
  return [];
}

/**
 * class-validator's checks, plus one it has no decorator for: a NUL character anywhere in the input is a 400 on
 * its field, not a database error at insert (a 500, after part of the command ran).
 */
class AppValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Only what the client sent: custom parameters (the caller, files) are the server's own objects.
    const fields = metadata.type === 'custom' ? [] : nulFields(value);
    if (fields.length > 0) {
      throw new ValidationFailedError(
        fields.map((field) => ({ field, reasons: [`${field} must not contain NUL characters`] })),
      );
    }
    return super.transform(value, metadata) as Promise<unknown>;
  }
}

export function createValidationPipe(): ValidationPipe {
  return new AppValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    // Bad input is about the input, not the server: never echo values back (they may be personal data).
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationFailedError(toFieldErrors(errors)),
  });
}
