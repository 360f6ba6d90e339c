/** Where the integration tests find their servers: the project's own local services unless overridden. */
export const TEST_ADMIN_DATABASE_URL =
  process.env.TEST_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:54329/postgres';
export const TEST_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:63799';
// Overridable so two checkouts can run their suites against the same local servers at once.
export const TEST_DB_PREFIX = process.env.GD_TEST_DB_PREFIX ?? 'gd_t';
export const TEMPLATE_DATABASE = `${TEST_DB_PREFIX}_template`;

export function databaseUrl(name: string): string {
  const url = new URL(TEST_ADMIN_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Secrets for test processes: fixed, so a failure reproduces; never used outside tests. */
export const TEST_KEYS: Record<string, string> = {
  JWT_SECRET: 'test-jwt-secret-0123456789abcdef0123456789',
  PII_KEYS: `t1:${Buffer.alloc(32, 11).toString('base64')},t2:${Buffer.alloc(32, 12).toString('base64')}`,
  PII_ACTIVE_KEY_ID: 't2',
  PII_HMAC_KEY: Buffer.alloc(32, 13).toString('base64'),
};
