import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { ADMIN_URL, databaseUrl, freshDatabase, percentile, ROOT, startService, stopService } from './bench-support';

/**
 * `npm run bench:reports`: summary, timeseries and breakdown latency (p50/p95, over HTTP, as the dashboard sees
 * them) on a database of BENCH_CASES seeded cases, each beside the same figure computed from the raw tables in the
 * same run. The database (BENCH_DATABASE) is seeded once and reused: seeding a million cases takes minutes.
 */
const CASES = Number(process.env.BENCH_CASES ?? 1_000_000);
const DATABASE = process.env.BENCH_DATABASE ?? 'gd_bench_1m';
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const RAW_RUNS = Number(process.env.BENCH_RAW_RUNS ?? 3);
const PORT = 3198;

interface Scenario {
  name: string;
  path: string;
}

const thisYear = new Date().getUTCFullYear();
const SCENARIOS: Scenario[] = [
  { name: 'summary, this year, city', path: '/reports/summary' },
  {
    name: 'summary, 5 years, city',
    path: `/reports/summary?from=${String(thisYear - 4)}-01-01&to=${String(thisYear)}-12-31`,
  },
  {
    name: 'summary, ragged 14 months, category filter',
    path: `/reports/summary?from=${String(thisYear - 1)}-03-17&to=${String(thisYear)}-05-09&category=wage_arrears`,
  },
  {
    name: 'timeseries by month, 5 years',
    path: `/reports/timeseries?granularity=month&from=${String(thisYear - 4)}-01-01&to=${String(thisYear)}-12-31`,
  },
  { name: 'timeseries by week, this year', path: '/reports/timeseries?granularity=week' },
  { name: 'breakdown by district, this year', path: '/reports/breakdown?by=unit' },
  {
    name: 'breakdown by category, 5 years',
    path: `/reports/breakdown?by=category&from=${String(thisYear - 4)}-01-01&to=${String(thisYear)}-12-31`,
  },
];

async function prepareDatabase(): Promise<{ url: string; cases: number }> {
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE])).rowCount === 1;
  await admin.end();
  // Seeding a million cases takes minutes: done once (the seed refuses a database that has cases), then reused.
  if (!exists) process.stdout.write(`[bench] creating ${DATABASE} with ${String(CASES)} seeded cases\n`);
  const url = exists ? databaseUrl(DATABASE) : await freshDatabase(DATABASE, ['--cases', String(CASES)]);
  const env = { ...process.env, DATABASE_URL: url, NODE_PATH: join(ROOT, 'dist') };
  // An existing database may predate the latest migrations; each in its own transaction (two rebuilds of a million
  // cases' aggregates in one transaction ran PostgreSQL out of lock memory).
  execFileSync(
    join(ROOT, 'node_modules', '.bin', 'typeorm'),
    ['migration:run', '-t', 'each', '-d', 'dist/src/database/data-source.js'],
    {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    const have = Number((await db.query<{ n: string }>('SELECT count(*)::text AS n FROM "case"')).rows[0]?.n);
    if (have < CASES) {
      throw new Error(`${DATABASE} holds ${String(have)} cases, fewer than ${String(CASES)}: drop it to reseed`);
    }
    const facts = Number(
      (await db.query<{ n: string }>('SELECT count(*)::text AS n FROM report_case_fact')).rows[0]?.n,
    );
    if (facts === 0) {
      process.stdout.write('[bench] building the report aggregates (report_rebuild)\n');
      await db.query('SELECT report_rebuild()');
    }
    await db.query('ANALYZE');
    return { url, cases: have };
  } finally {
    await db.end();
  }
}

async function timed(
  url: string,
  token: string,
  runs: number,
  warmup: number,
): Promise<{ p50: number; p95: number; body: string }> {
  const times: number[] = [];
  let body = '';
  for (let i = 0; i < warmup + runs; i++) {
    const start = process.hrtime.bigint();
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    body = await res.text();
    if (res.status !== 200) throw new Error(`${url}: ${String(res.status)} ${body}`);
    if (i >= warmup) times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), body };
}

/** The figures alone (labels and links aside), to check both sources answered the same. */
function figuresOf(body: string): string {
  const parsed = JSON.parse(body) as Record<string, unknown>;
  return JSON.stringify([parsed.figures, parsed.points, parsed.rows, parsed.total]);
}

async function main(): Promise<void> {
  const { url, cases } = await prepareDatabase();
  const db = new Client({ connectionString: url });
  await db.connect();
  const cubeRows = (
    await db.query<Record<string, string>>(
      `SELECT (SELECT count(*) FROM report_tree_day)::text AS day, (SELECT count(*) FROM report_tree_day_kind)::text AS day_kind,
            (SELECT count(*) FROM report_tree_month)::text AS month, (SELECT count(*) FROM report_tree_month_kind)::text AS month_kind,
            (SELECT count(*) FROM report_case_fact)::text AS case_facts`,
    )
  ).rows[0];
  await db.end();
  const service = await startService({ DATABASE_URL: url, APP_ROLE: 'api', DATABASE_POOL_SIZE: '8' }, PORT);
  const results: Record<string, unknown>[] = [];
  try {
    const login = await fetch(`http://127.0.0.1:${String(PORT)}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'leader_city', password: 'Demo-2026!' }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    for (const scenario of SCENARIOS) {
      const base = `http://127.0.0.1:${String(PORT)}${scenario.path}${scenario.path.includes('?') ? '&' : '?'}`;
      const fast = await timed(`${base}source=aggregates`, accessToken, RUNS, 3);
      const raw = await timed(`${base}source=raw`, accessToken, RAW_RUNS, 1);
      const same = figuresOf(fast.body) === figuresOf(raw.body);
      const row = {
        scenario: scenario.name,
        aggregatesP50: round(fast.p50),
        aggregatesP95: round(fast.p95),
        rawP50: round(raw.p50),
        rawP95: round(raw.p95),
        speedup: round(raw.p50 / fast.p50),
        sameFigures: same,
      };
      results.push(row);
      process.stdout.write(`${JSON.stringify(row)}\n`);
    }
  } finally {
    await stopService(service);
  }
  const report = { date: new Date().toISOString(), cases, cubeRows, runs: RUNS, rawRuns: RAW_RUNS, results };
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  const file = join(ROOT, 'bench', 'results', `reports-${report.date.slice(0, 10)}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(
    `\n| scenario | aggregates p50 / p95 ms | raw tables p50 / p95 ms | raw ÷ aggregates | same figures |\n|---|---|---|---|---|\n`,
  );
  for (const r of results) {
    process.stdout.write(
      `| ${String(r.scenario)} | ${String(r.aggregatesP50)} / ${String(r.aggregatesP95)} | ${String(r.rawP50)} / ${String(r.rawP95)} | ${String(r.speedup)}× | ${r.sameFigures ? 'yes' : 'NO'} |\n`,
    );
  }
  process.stdout.write(`\nwrote ${file}\n`);
  if (results.some((r) => r.sameFigures !== true)) process.exitCode = 1;
}

const round = (n: number): number => Math.round(n * 10) / 10;

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
