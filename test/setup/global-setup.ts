import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { databaseUrl, TEMPLATE_DATABASE, TEST_ADMIN_DATABASE_URL, TEST_KEYS } from './test-env';

const ROOT = join(__dirname, '..', '..');

/**
 * Starts the project's local PostgreSQL and Redis (idempotent) and builds a template database with every
 * migration applied through the real migration CLI. Each test file then clones it into a fresh database.
 */
export default async function globalSetup(): Promise<void> {
  execFileSync('bash', [join(ROOT, 'scripts', 'services.sh'), 'up'], { stdio: 'inherit' });
  const admin = new Client({ connectionString: TEST_ADMIN_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.end();
  }
  execFileSync(
    join(ROOT, 'node_modules', '.bin', 'typeorm-ts-node-commonjs'),
    ['migration:run', '-d', 'src/database/data-source.ts'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        NODE_PATH: ROOT,
        TS_NODE_TRANSPILE_ONLY: '1',
        DATABASE_URL: databaseUrl(TEMPLATE_DATABASE),
      },
    },
  );
  // Reference data every installation has (SLA policies), loaded by the real seed command.
  execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'scripts/seed.ts', '--reference-only'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      ...TEST_KEYS,
      NODE_ENV: 'test',
      NODE_PATH: ROOT,
      DATABASE_URL: databaseUrl(TEMPLATE_DATABASE),
    },
  });
}
