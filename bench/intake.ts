import autocannon from 'autocannon';
import { deleteQueueKeys } from 'src/queue/redis-connection';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { freshDatabase, ROOT, runPgbench, startService, stopService } from './bench-support';

/**
 * `npm run bench:intake`: authenticated POST /calls that creates a case, 32 connections for 30 s, against the
 * built service on a fresh database; then pgbench runs the same SQL statements at the same concurrency. The ratio
 * of the two throughputs is the figure (how much of the database's capacity the service turns into requests).
 */
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const PORT = 3199;
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:63799';
// Its own queue prefix, emptied afterwards: the jobs a run arms must not pile up in the developer's Redis.
const PREFIX = process.env.BENCH_QUEUE_PREFIX ?? 'gdbench_intake';

const body = JSON.stringify({
  channel: 'hotline',
  startedAt: '2026-11-20T09:30:00+08:00',
  caller: { name: '王小明', phone: '13912345678' },
  summary: '拖欠工资',
  disposition: 'case_created',
  case: {
    kind: 'labour_dispute',
    category: 'wage_arrears',
    narrative: '外卖骑手反映平台拖欠三个月配送费',
    workersAffected: 3,
    employer: { name: '北京某某外卖配送有限公司' },
    claims: [{ type: 'unpaid_wages', amount: '12345.67' }],
  },
});

async function main(): Promise<void> {
  const url = await freshDatabase('gd_bench');
  const poolSize = process.env.BENCH_POOL_SIZE ?? '16';
  await deleteQueueKeys(REDIS_URL, PREFIX);
  const service = await startService(
    { DATABASE_URL: url, REDIS_URL, QUEUE_PREFIX: PREFIX, APP_ROLE: 'api', DATABASE_POOL_SIZE: poolSize },
    PORT,
  );
  let api: autocannon.Result;
  let light: autocannon.Result;
  let vars: Record<string, string>;
  try {
    const login = await fetch(`http://127.0.0.1:${PORT}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'operator_city', password: 'Demo-2026!' }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const claims = JSON.parse(Buffer.from(accessToken.split('.')[1] ?? '', 'base64url').toString()) as {
      sub: string;
      sid: string;
    };
    const me = (await (
      await fetch(`http://127.0.0.1:${PORT}/me`, { headers: { authorization: `Bearer ${accessToken}` } })
    ).json()) as {
      orgUnitId: string;
    };
    vars = { userid: claims.sub, sid: claims.sid, unitid: me.orgUnitId, unitpath: `/${me.orgUnitId}/` };
    const options = {
      url: `http://127.0.0.1:${PORT}/calls`,
      method: 'POST' as const,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body,
      connections: CONNECTIONS,
    };
    await autocannon({ ...options, duration: 3 }); // warm-up: JIT, pool, plan caches
    api = await autocannon({ ...options, duration: SECONDS });
    // The same endpoint below saturation: what one operator's request costs when the system is not queueing.
    light = await autocannon({ ...options, connections: 4, duration: 10 });
  } finally {
    await stopService(service);
    await deleteQueueKeys(REDIS_URL, PREFIX);
  }
  const db = runPgbench(url, join(ROOT, 'bench', 'intake.pgbench.sql'), CONNECTIONS, SECONDS, vars);
  const result = {
    date: new Date().toISOString(),
    machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`,
    connections: CONNECTIONS,
    seconds: SECONDS,
    poolSize: Number(poolSize),
    api: {
      rps: api.requests.average,
      p50Ms: api.latency.p50,
      p99Ms: api.latency.p99,
      non2xx: api.non2xx,
      errors: api.errors,
      total: api.requests.total,
    },
    pgbench: db,
    ratio: api.requests.average / db.tps,
    lightLoad: { connections: 4, rps: light.requests.average, p50Ms: light.latency.p50, p99Ms: light.latency.p99 },
  };
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench', 'results', 'intake.json'), `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
