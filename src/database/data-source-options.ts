import { join } from 'node:path';
import { PreparingClient } from 'src/database/preparing-client';
import { SnakeNamingStrategy } from 'src/database/snake-naming.strategy';
import type { DataSourceOptions } from 'typeorm';

const ROOT = join(__dirname, '..', '..');

/** The one description of how we talk to PostgreSQL, shared by the app, the CLI, the seed and the tests. */
export function dataSourceOptions(database: { url: string; poolSize: number }): DataSourceOptions {
  return {
    type: 'postgres',
    url: database.url,
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: 'migrations',
    // gen_random_uuid() is built into PostgreSQL 13+; no uuid-ossp extension needed.
    uuidExtension: 'pgcrypto',
    namingStrategy: new SnakeNamingStrategy(),
    entities: [join(ROOT, 'src', '**', '*.entity.{ts,js}')],
    migrations: [join(ROOT, 'migrations', '*.{ts,js}')],
    extra: {
      max: database.poolSize,
      connectionTimeoutMillis: 5000,
      // A server that vanishes without resetting connections (a network partition) is noticed, not waited on.
      keepAlive: true,
      application_name: 'grievance-desk',
      Client: PreparingClient,
    },
  };
}
