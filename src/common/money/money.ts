/**
 * Money crosses the API as a decimal string in yuan with at most two decimals ("12345.67") and lives in the
 * database as integer fen (bigint). Conversions are string arithmetic: no floating point anywhere.
 */

/** Up to 12 integer digits (under a trillion yuan), optional 1–2 decimals, no sign, no exponent, no spaces. */
export const YUAN_PATTERN = /^(0|[1-9]\d{0,11})(\.\d{1,2})?$/;

export function isYuanString(value: unknown): value is string {
  return typeof value === 'string' && YUAN_PATTERN.test(value);
}

/** "12345.6" → 1234560n. Throws on anything YUAN_PATTERN rejects. */
export function yuanToFen(yuan: string): bigint {
  if (!YUAN_PATTERN.test(yuan)) throw new Error('not a yuan amount');
  const [whole = '0', fraction = ''] = yuan.split('.');
  return BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
}

/** 1234560n → "12345.60"; negative amounts (ledger corrections) keep their sign. */
export function fenToYuan(fen: bigint | string | number): string {
  const value = BigInt(fen);
  const sign = value < 0n ? '-' : '';
  const abs = value < 0n ? -value : value;
  return `${sign}${(abs / 100n).toString()}.${(abs % 100n).toString().padStart(2, '0')}`;
}
