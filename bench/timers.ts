import { deleteQueueKeys } from 'src/queue/redis-connection';
import { DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import { AppConfig, loadConfig } from 'src/config/app-config';
import { ConfigModule } from 'src/config/config.module';
import { readEnvironment } from 'src/config/environment';
import { JobName, QueueName } from 'src/queue/queue.constants';
import { QueueModule } from 'src/queue/queue.module';
import { QueueService } from 'src/queue/queue.service';
import { TimerScheduler } from 'src/sla/timer-scheduler';
import { dropDatabase, freshDatabase, ROOT } from './bench-support';
import {
  ArmableRow,
  BENCH_CASE,
  createCases,
  installCommitStamp,
  lateness,
  perSecond,
  startClocks,
  tally,
} from './timers-fixture';
import { WorkerFleet } from './timers-workers';

/**
 * `npm run bench:timers`: 100,000 running SLA clocks due evenly over 60 s, armed through the real TimerScheduler,
 * fired by the built app running as worker process(es). Lateness = when the breach committed − the clock's due time.
 */
const COUNT = Number(process.env.BENCH_TIMERS ?? 100000);
const SPREAD_MS = Number(process.env.BENCH_SPREAD_SECONDS ?? 60) * 1000;
// Arming and worker start must be over before the first clock is due, or they would show up as lateness.
const LEAD_MS = Number(process.env.BENCH_LEAD_SECONDS ?? 90) * 1000;
const DRAIN_MS = Number(process.env.BENCH_DRAIN_SECONDS ?? 900) * 1000;
const WORKERS = Number(process.env.BENCH_WORKERS ?? 1);
const ARM_PARALLEL = Number(process.env.BENCH_ARM_PARALLEL ?? 16);
const ARM_CHUNK = 500;
const DATABASE = process.env.BENCH_DATABASE ?? 'gd_bench_timers';
const PREFIX = process.env.BENCH_QUEUE_PREFIX ?? 'gdbench_timers';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:63799';
// Worker settings under test (BENCH_<name>); unset means the application's own defaults.
const WORKER_SETTINGS = ['WORKER_CONCURRENCY', 'DATABASE_POOL_SIZE'] as const;

/** The producer side exactly as the API process wires it: typed config, QueueModule, TimerScheduler. */
@Module({})
class ArmingModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: ArmingModule, imports: [ConfigModule.forRoot(config), QueueModule], providers: [TimerScheduler] };
  }
}

const log = (message: string) => process.stderr.write(`[bench:timers] ${message}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (ms: number) => Math.round(ms / 100) / 10;

async function until(check: () => Promise<boolean>, deadline: number, everyMs: number): Promise<boolean> {
  while (Date.now() < deadline) {
    if (await check()) return true;
    await sleep(everyMs);
  }
  return check();
}

const armable = (r: ArmableRow) => ({
  id: r.id,
  deadlineVersion: r.deadline_version,
  warnAt: r.warn_at,
  dueAt: r.due_at,
  warned: true,
});

/** Arms every clock through TimerScheduler, several callers at once as several API requests would after commit. */
async function arm(scheduler: TimerScheduler, rows: ArmableRow[]): Promise<void> {
  const chunks: ArmableRow[][] = [];
  for (let i = 0; i < rows.length; i += ARM_CHUNK) chunks.push(rows.slice(i, i + ARM_CHUNK));
  await Promise.all(
    Array.from({ length: ARM_PARALLEL }, async () => {
      for (let chunk = chunks.shift(); chunk; chunk = chunks.shift()) {
        await scheduler.arm(chunk.map(armable));
      }
    }),
  );
}

/** Two runs at once would drop each other's database and queues. */
function takeLock(): () => void {
  const file = join(ROOT, '.local', 'bench', 'timers.lock');
  mkdirSync(dirname(file), { recursive: true });
  try {
    writeFileSync(file, String(process.pid), { flag: 'wx' });
  } catch {
    const holder = Number(readFileSync(file, 'utf8'));
    if (existsSync(`/proc/${holder}`)) throw new Error(`another bench:timers run (pid ${holder}) is in progress`);
    writeFileSync(file, String(process.pid));
  }
  return () => {
    rmSync(file, { force: true });
  };
}

async function main(): Promise<void> {
  const unlock = takeLock();
  try {
    await run();
  } finally {
    unlock();
  }
}

async function run(): Promise<void> {
  const url = await freshDatabase(DATABASE);
  await deleteQueueKeys(REDIS_URL, PREFIX);
  const db = new Client({ connectionString: url });
  await db.connect();
  let t = Date.now();
  await createCases(db, COUNT);
  await installCommitStamp(db);
  const fixtureMs = Date.now() - t;
  log(`fixture: ${COUNT} cases in ${fixtureMs} ms`);

  const config = loadConfig({
    ...readEnvironment(),
    DATABASE_URL: url,
    REDIS_URL,
    QUEUE_PREFIX: PREFIX,
    APP_ROLE: 'api',
  });
  const producer = await NestFactory.createApplicationContext(ArmingModule.forRoot(config), {
    logger: ['error', 'warn'],
  });
  const queue = producer.get(QueueService);
  const workerEnv: Record<string, string> = { DATABASE_URL: url, REDIS_URL, QUEUE_PREFIX: PREFIX };
  for (const key of WORKER_SETTINGS) {
    const value = process.env[`BENCH_${key}`];
    if (value !== undefined) workerEnv[key] = value;
  }
  mkdirSync(join(ROOT, '.local', 'bench'), { recursive: true });
  const fleet = new WorkerFleet(db, DATABASE);
  // e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", to see where a worker's time goes.
  fleet.start(WORKERS, workerEnv, (process.env.BENCH_WORKER_NODE_ARGS ?? '').split(' ').filter(Boolean));
  try {
    // Ready = every process connected its consumers and a heartbeat job went through into the database.
    t = Date.now();
    const beat = await db.query<{ id: string }>("INSERT INTO system_heartbeat (source) VALUES ('bench') RETURNING id");
    await queue.enqueue(JobName.SystemHeartbeat, { heartbeatId: beat.rows[0]?.id ?? '' });
    const ready = await until(
      async () =>
        (await db.query('SELECT 1 FROM system_heartbeat WHERE processed_at IS NOT NULL')).rowCount === 1 &&
        (await fleet.connected(REDIS_URL, PREFIX)) >= WORKERS,
      Date.now() + 60000,
      200,
    );
    if (!ready) throw new Error(`workers did not become ready; see ${fleet.logs.join(', ')}`);
    const idleRss = fleet.rss();
    const cpuAtReady = await fleet.cpu();
    log(`${WORKERS} worker(s) ready in ${Date.now() - t} ms, RSS ${idleRss.join(', ')} MB`);

    const firstDue = new Date(Date.now() + LEAD_MS);
    const rows = await startClocks(db, firstDue, SPREAD_MS);
    log(`${rows.length} clocks inserted; first due ${firstDue.toISOString()}`);
    t = Date.now();
    await arm(producer.get(TimerScheduler), rows);
    const armMs = Date.now() - t;
    log(`armed in ${armMs} ms`);
    // What the minute reconciler does to every clock due within the horizon: arm again, one call at a time (all
    // duplicates). The bench's clocks are all within it.
    t = Date.now();
    await producer.get(TimerScheduler).arm(rows.map(armable));
    const rearmMs = Date.now() - t;
    const armedBeforeFirstDue = Date.now() < firstDue.getTime();
    log(`re-armed one by one in ${rearmMs} ms (${armedBeforeFirstDue ? 'before' : 'AFTER'} the first due time)`);

    const lastDue = firstDue.getTime() + SPREAD_MS;
    const allBreached = await until(
      async () => {
        fleet.assertAlive();
        await fleet.cpu();
        const { rows: r } = await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM case_timer t WHERE state = 'running' AND ${BENCH_CASE}`,
        );
        if (Date.now() > firstDue.getTime()) log(`t+${seconds(Date.now() - firstDue.getTime())} s: ${r[0]?.n} running`);
        return r[0]?.n === 0;
      },
      lastDue + DRAIN_MS,
      2000,
    );
    const allBreachedAt = Date.now();
    const delivered = await until(
      async () => {
        await fleet.cpu();
        return (await db.query('SELECT 1 FROM notification_outbox WHERE delivered_at IS NULL LIMIT 1')).rowCount === 0;
      },
      Date.now() + DRAIN_MS,
      2000,
    );
    const deliveredAt = Date.now();
    const cpuAtEnd = await fleet.cpu();
    const queues = {
      timers: await queue.counts(QueueName.Timers),
      notifications: await queue.counts(QueueName.Notifications),
    };
    const memory = await fleet.stop();

    const counts = await tally(db);
    const series = await perSecond(db, firstDue);
    const cpu = { workers: cpuAtEnd.workers - cpuAtReady.workers, postgres: cpuAtEnd.postgres - cpuAtReady.postgres };
    const result = {
      date: new Date().toISOString(),
      machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`,
      loadAverageAtEnd: loadavg().map((l) => Math.round(l * 100) / 100),
      timers: COUNT,
      spreadSeconds: SPREAD_MS / 1000,
      workers: {
        processes: WORKERS,
        ...Object.fromEntries(WORKER_SETTINGS.map((k) => [k, workerEnv[k] ?? 'default'])),
      },
      fixtureMs,
      arming: {
        ms: armMs,
        perSecond: Math.round((COUNT / armMs) * 1000),
        parallel: ARM_PARALLEL,
        rearmOneByOneMs: rearmMs,
        armedBeforeFirstDue,
      },
      allBreached,
      exactlyOnce:
        counts.clocksBreached === COUNT &&
        counts.breachEvents === COUNT &&
        counts.casesWithBreachEvent === COUNT &&
        counts.breachCommits === COUNT &&
        counts.breachNotifications === counts.expectedBreachNotifications &&
        counts.warningEvents === 0,
      counts,
      reconcilerFired: fleet.reconcilerFired(),
      queues,
      latenessAtCommit: await lateness(db, 'commit'),
      latenessAtTransactionStart: await lateness(db, 'event'),
      wallSeconds: {
        firstDueToAllBreached: seconds(allBreachedAt - firstDue.getTime()),
        lastDueToAllBreached: seconds(allBreachedAt - lastDue),
        firstDueToNotificationsDelivered: delivered ? seconds(deliveredAt - firstDue.getTime()) : null,
      },
      breachesPerSecond: { peak: Math.max(...series), mean: Math.round(COUNT / Math.max(1, series.length)), series },
      // Breach handling and notification delivery together, from workers ready to all notifications delivered.
      cpu: {
        workerSeconds: seconds(cpu.workers * 1000),
        postgresSeconds: seconds(cpu.postgres * 1000),
        workerMsPerBreach: Math.round((cpu.workers / COUNT) * 1e5) / 100,
        postgresMsPerBreach: Math.round((cpu.postgres / COUNT) * 1e5) / 100,
      },
      workerMemoryMb: {
        idle: idleRss,
        peakRss: memory.map((m) => m.peakRssMb),
        hwm: memory.map((m) => m.hwmMb),
      },
    };
    const name = process.env.BENCH_RESULT_NAME ?? 'timers';
    mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
    writeFileSync(join(ROOT, 'bench', 'results', `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
    const { series: _series, ...rates } = result.breachesPerSecond;
    process.stdout.write(`${JSON.stringify({ ...result, breachesPerSecond: rates }, null, 2)}\n`);
  } finally {
    await fleet.stop();
    await producer.close();
    await db.end();
    log(`removed ${await deleteQueueKeys(REDIS_URL, PREFIX)} Redis keys under ${PREFIX}:`);
    if (process.env.BENCH_KEEP_DB !== '1') await dropDatabase(DATABASE);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
