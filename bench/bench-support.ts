import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';

export const ROOT = join(__dirname, '..', '..');
export const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
export const ADMIN_URL = process.env.BENCH_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:54329/postgres';

export function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * A fresh database with migrations and the seed (org tree, demo users), built with the project's own tools.
 * `seedArgs`: by default no demo case history (a bench measures its own cases); `['--cases', N]` for a history.
 */
export async function freshDatabase(name: string, seedArgs: string[] = ['--no-history']): Promise<string> {
  execFileSync('bash', [join(ROOT, 'scripts', 'services.sh'), 'up'], { stdio: 'inherit' });
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = databaseUrl(name);
  const env = { ...process.env, DATABASE_URL: url, NODE_PATH: join(ROOT, 'dist') };
  execFileSync(
    join(ROOT, 'node_modules', '.bin', 'typeorm'),
    ['migration:run', '-d', 'dist/src/database/data-source.js'],
    {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  execFileSync(process.execPath, ['dist/scripts/seed.js', ...seedArgs], { cwd: ROOT, env, stdio: 'inherit' });
  return url;
}

/** The built service as its own process, like production runs it. */
export async function startService(env: Record<string, string>, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['dist/src/main.js'], {
    cwd: ROOT,
    env: { ...process.env, NODE_PATH: join(ROOT, 'dist'), PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 60000;
  for (;;) {
    const ok = await fetch(`http://127.0.0.1:${port}/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return child;
    if (Date.now() > deadline) throw new Error('service did not become ready');
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The built app as a worker process (no HTTP), its output kept in `logFile`. Readiness is the caller's check. */
export function startWorker(env: Record<string, string>, logFile: string, nodeArgs: string[] = []): ChildProcess {
  const out = openSync(logFile, 'w');
  const child = spawn(process.execPath, [...nodeArgs, 'dist/src/main.js'], {
    cwd: ROOT,
    env: { ...process.env, NODE_PATH: join(ROOT, 'dist'), LOG_LEVEL: 'warn', ...env, APP_ROLE: 'worker' },
    stdio: ['ignore', out, out],
  });
  closeSync(out);
  return child;
}

export async function dropDatabase(name: string): Promise<void> {
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}

export interface MemorySample {
  peakRssMb: number;
  /** VmHWM: the kernel's own high-water mark of resident memory, catching peaks between samples. */
  hwmMb: number;
  lastRssMb: number;
}

/** Samples a process's resident memory from /proc every `everyMs`. */
export function sampleMemory(pid: number, everyMs = 250): { current: () => MemorySample; stop: () => MemorySample } {
  const sample: MemorySample = { peakRssMb: 0, hwmMb: 0, lastRssMb: 0 };
  const read = (): void => {
    let status: string;
    try {
      status = readFileSync(`/proc/${pid}/status`, 'utf8');
    } catch {
      return; // exited
    }
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    const rss = kb('VmRSS') / 1024;
    if (rss === 0) return;
    sample.lastRssMb = Math.round(rss);
    sample.peakRssMb = Math.max(sample.peakRssMb, Math.round(rss));
    sample.hwmMb = Math.round(kb('VmHWM') / 1024);
  };
  read();
  const timer = setInterval(read, everyMs);
  return {
    current: () => ({ ...sample }),
    stop: () => {
      read();
      clearInterval(timer);
      return { ...sample };
    },
  };
}

const CLOCK_TICKS = 100;

/** CPU seconds (user + system) a process has used so far; 0 once it has gone. */
export function cpuSeconds(pid: number): number {
  try {
    // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}

export async function stopService(child: ChildProcess): Promise<void> {
  await new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

export interface PgbenchResult {
  tps: number;
  transactions: number;
  p50Ms: number;
  p99Ms: number;
}

/** Runs pgbench with per-transaction logging and reads latency percentiles from its log files. */
export function runPgbench(
  url: string,
  script: string,
  clients: number,
  seconds: number,
  vars: Record<string, string>,
): PgbenchResult {
  const logDir = join(ROOT, '.local', 'bench');
  rmSync(logDir, { recursive: true, force: true });
  execFileSync('mkdir', ['-p', logDir]);
  const u = new URL(url);
  const args = [
    '-n',
    // Like the service: its hot statements (inserts, the principal and employer lookups) are named prepared
    // statements (src/database/preparing-client.ts), and every statement of the intake script is one of them.
    '-M',
    'prepared',
    '-c',
    String(clients),
    '-j',
    '2',
    '-T',
    String(seconds),
    '-f',
    script,
    '-l',
    '--log-prefix',
    join(logDir, 'pgbench'),
    '-h',
    u.hostname,
    '-p',
    u.port,
    '-U',
    u.username || 'postgres',
    ...Object.entries(vars).flatMap(([k, v]) => ['-D', `${k}=${v}`]),
    u.pathname.slice(1),
  ];
  const out = execFileSync(join(PG_BIN, 'pgbench'), args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const tps = Number(/tps = ([\d.]+)/.exec(out)?.[1] ?? NaN);
  const latencies: number[] = [];
  for (const file of readdirSync(logDir)) {
    for (const line of readFileSync(join(logDir, file), 'utf8').split('\n')) {
      const fields = line.split(' ');
      if (fields.length > 3) latencies.push(Number(fields[2]) / 1000);
    }
  }
  latencies.sort((a, b) => a - b);
  return { tps, transactions: latencies.length, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99) };
}
