import { Client } from 'pg';
import { TEST_ADMIN_DATABASE_URL, TEST_DB_PREFIX } from './test-env';

/** Drops the per-file databases a crashed run may have left behind. */
export default async function globalTeardown(): Promise<void> {
  const admin = new Client({ connectionString: TEST_ADMIN_DATABASE_URL });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE $1 || '\\_%'",
      [TEST_DB_PREFIX],
    );
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
