import { loadConfig } from 'src/config/app-config';
import { dataSourceOptions } from 'src/database/data-source-options';
import { SEEDERS } from 'src/seed/seeders';
import { DataSource } from 'typeorm';

/** Loads the demo data (idempotent). `npm run seed`; the local start runs it after migrating. */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const dataSource = new DataSource(dataSourceOptions({ ...config.database, poolSize: 2 }));
  await dataSource.initialize();
  try {
    for (const seeder of SEEDERS) {
      const summary = await seeder.run(dataSource);
      process.stdout.write(`[seed] ${seeder.name}: ${summary}\n`);
    }
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[seed] failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
