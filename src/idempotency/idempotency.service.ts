import { Injectable } from '@nestjs/common';
import { DomainError, ValidationFailedError } from 'src/common/errors/domain.error';
import { ErrorCode } from 'src/common/errors/error-code';
import { DbContext } from 'src/database/db-context';
import { IdempotencyRepository } from 'src/idempotency/idempotency.repository';
import { PiiCipher } from 'src/pii/pii-cipher';

const KEY_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;

/** Stable JSON (sorted keys) so the same body hashes the same whatever its key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Runs a creating command at most once per (user, route, Idempotency-Key). The claim, the work and the stored
 * response share one transaction, so a retry — even one racing the first request — gets the first response and
 * creates nothing; the same key with a different request (body or path parameters) is 422.
 */
@Injectable()
export class IdempotencyService {
  constructor(
    private readonly db: DbContext,
    private readonly keys: IdempotencyRepository,
    private readonly pii: PiiCipher,
  ) {}

  /** `status` is what the route answers on success, stored with the response. */
  async run<T>(
    userId: string,
    route: string,
    key: string,
    request: unknown,
    status: number,
    work: () => Promise<T>,
  ): Promise<T> {
    if (!KEY_PATTERN.test(key)) {
      throw new ValidationFailedError([
        { field: 'Idempotency-Key', reasons: ['Idempotency-Key must be 8–128 letters, digits or ._:-'] },
      ]);
    }
    // Keyed: the request can hold a phone number, an ID number or a new user's password.
    const hash = this.pii.fingerprint('idempotency-request', canonical(request));
    return this.db.transaction(async () => {
      if (await this.keys.claim(userId, route, key, hash)) {
        const result = await work();
        await this.keys.complete(userId, route, key, status, result);
        return result;
      }
      const stored = await this.keys.find(userId, route, key);
      if (stored?.requestHash !== hash) {
        throw new DomainError(ErrorCode.IdempotencyKeyReused, 'This Idempotency-Key was used with a different request');
      }
      return stored.body as T;
    });
  }
}
