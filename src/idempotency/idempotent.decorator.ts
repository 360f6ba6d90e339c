import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';

export const IDEMPOTENT_ROUTE = 'gd:idempotent';

/**
 * A creating POST that honours `Idempotency-Key` (IdempotencyInterceptor): a retry with the same key and request
 * returns the first response and creates nothing. Commands on a case need none: they carry its version, so a retry
 * is a 409.
 */
export function Idempotent(): MethodDecorator {
  return applyDecorators(
    SetMetadata(IDEMPOTENT_ROUTE, true),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'Retrying with the same key and request returns the first response and creates nothing.',
    }),
  );
}
