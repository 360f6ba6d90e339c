import { ValidationFailedError } from 'src/common/errors/domain.error';

/**
 * Opaque keyset cursors: the sort key of the last item of a page, base64url-encoded. One implementation for every
 * keyset-paginated list, so they all reject a forged or foreign cursor the same way (400 on `cursor`).
 */
export function encodeCursor(key: readonly string[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The sort key in a cursor this API issued; `valid` checks each part. */
export function decodeCursor(cursor: string, valid: readonly ((part: string) => boolean)[]): string[] {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  if (
    !Array.isArray(key) ||
    key.length !== valid.length ||
    !key.every((part, i) => typeof part === 'string' && valid[i]?.(part))
  ) {
    throw new ValidationFailedError([{ field: 'cursor', reasons: ['cursor is not one this API returned'] }]);
  }
  return key as string[];
}

export const isIsoInstant = (part: string): boolean => !Number.isNaN(Date.parse(part));
/** A timestamptz as PostgreSQL prints it (microseconds kept, which a JavaScript Date would drop). */
export const isPgTimestamp = (part: string): boolean => /^\d{4}-\d{2}-\d{2} [\d:.]+[+-]\d{2}(:\d{2})?$/.test(part);
export const isUuid = (part: string): boolean => /^[0-9a-f-]{36}$/.test(part);

/** A page from `limit + 1` rows: the first `limit`, and a cursor when there were more. */
export function keysetPage<T, I>(
  rows: T[],
  limit: number,
  map: (row: T) => I,
  keyOf: (row: T) => readonly string[],
): { items: I[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(map),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
}
