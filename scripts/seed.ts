import { NestFactory } from '@nestjs/core';
import { loadConfig } from 'src/config/app-config';
import { readEnvironment } from 'src/config/environment';
import { DemoUsersSeeder } from 'src/seed/demo-users.seeder';
import { OrgTreeSeeder } from 'src/seed/org-tree.seeder';
import { SeedModule } from 'src/seed/seed.module';
import { SlaPolicySeeder } from 'src/seed/sla-policy.seeder';

/** Loads the demo data (idempotent). `npm run seed`; the local start runs it after migrating. */
async function main(): Promise<void> {
  const config = loadConfig(readEnvironment());
  const app = await NestFactory.createApplicationContext(SeedModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    process.stdout.write(`[seed] SLA policies: ${await app.get(SlaPolicySeeder).run()}\n`);
    // `--reference-only`: what every installation needs (used for the test template); no demo tree or accounts.
    if (process.argv.includes('--reference-only')) return;
    process.stdout.write(`[seed] org tree: ${await app.get(OrgTreeSeeder).run()}\n`);
    process.stdout.write(`[seed] demo users: ${await app.get(DemoUsersSeeder).run()}\n`);
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[seed] failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
