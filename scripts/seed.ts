import { NestFactory } from '@nestjs/core';
import { parseArgs } from 'node:util';
import { loadConfig } from 'src/config/app-config';
import { readEnvironment } from 'src/config/environment';
import { DemoUsersSeeder } from 'src/seed/demo-users.seeder';
import { HistorySeeder, HistorySummary } from 'src/seed/history/history.seeder';
import { OrgTreeSeeder } from 'src/seed/org-tree.seeder';
import { SeedModule } from 'src/seed/seed.module';
import { SlaPolicySeeder } from 'src/seed/sla-policy.seeder';

const USAGE = `usage: npm run seed [-- --reference-only | --no-history | --cases N [--seed S] [--years Y] [--until ISO]]`;
/** What the local start shows on the dashboard: a few thousand cases, loaded in a second or two. */
const DEMO_CASES = 3000;
const DEFAULT_SEED = 12351;

const say = (line: string) => process.stdout.write(`[seed] ${line}\n`);

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive integer\n${USAGE}`);
  return n;
}

function report(summary: HistorySummary): void {
  const rows = Object.values(summary.rows).reduce((a, b) => a + b, 0);
  say(
    `history: ${summary.cases} cases, ${rows} rows in ${summary.seconds.toFixed(1)} s ` +
      `(${Math.round(rows / summary.seconds)} rows/s); recovered ${(summary.recoveredFen / 100).toFixed(2)} yuan`,
  );
  say(`rows: ${JSON.stringify(summary.rows)}; database ${(summary.databaseBytes / 2 ** 20).toFixed(0)} MiB`);
  if (!summary.triggersSkipped) say('triggers were not skipped (no privilege for session_replication_role)');
}

/**
 * Loads the demo data (idempotent). `npm run seed`; the local start runs it after migrating. With `--cases N` it
 * generates N cases of history into an empty case table (docs/seed.md); without, a small demo history is added
 * when there are no cases yet.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'reference-only': { type: 'boolean', default: false },
      'no-history': { type: 'boolean', default: false },
      cases: { type: 'string' },
      seed: { type: 'string' },
      years: { type: 'string' },
      until: { type: 'string' },
    },
  });
  const until = values.until === undefined ? Date.now() : Date.parse(values.until);
  if (Number.isNaN(until)) throw new Error(`--until must be a date or instant\n${USAGE}`);
  const options = {
    cases: positive('cases', values.cases, DEMO_CASES),
    seed: positive('seed', values.seed, DEFAULT_SEED),
    years: positive('years', values.years, 5),
    until,
  };
  const config = loadConfig(readEnvironment());
  const app = await NestFactory.createApplicationContext(SeedModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    say(`SLA policies: ${await app.get(SlaPolicySeeder).run()}`);
    // `--reference-only`: what every installation needs (used for the test template); no demo tree or accounts.
    if (values['reference-only']) return;
    say(`org tree: ${await app.get(OrgTreeSeeder).run()}`);
    say(`demo users: ${await app.get(DemoUsersSeeder).run()}`);
    if (values['no-history']) return;
    const history = app.get(HistorySeeder);
    if (values.cases === undefined && (await history.hasCases())) {
      say('history: cases exist, none generated');
      return;
    }
    report(await history.run(options, say));
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[seed] failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
