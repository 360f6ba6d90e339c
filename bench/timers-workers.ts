import { Queue } from 'bullmq';
import { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { QueueName } from 'src/queue/queue.constants';
import { redisOptionsFromUrl } from 'src/queue/redis-connection';
import { cpuSeconds, MemorySample, ROOT, sampleMemory, startWorker, stopService } from './bench-support';

/** CPU seconds used so far by the fleet's processes and by their PostgreSQL backends. */
export interface CpuReading {
  workers: number;
  postgres: number;
}

/**
 * The worker processes under test: the built app with APP_ROLE=worker, as production runs it. Tracks their memory
 * and CPU, and the CPU of their PostgreSQL backends (polled while those live: a pool closes idle connections).
 */
export class WorkerFleet {
  private readonly children: ChildProcess[] = [];
  private readonly memory: { current: () => MemorySample; stop: () => MemorySample }[] = [];
  private readonly backends = new Map<number, number>();
  readonly logs: string[] = [];

  constructor(
    private readonly db: Client,
    private readonly database: string,
  ) {}

  start(count: number, env: Record<string, string>, nodeArgs: string[]): void {
    for (let i = 0; i < count; i++) {
      const log = join(ROOT, '.local', 'bench', `timers-worker-${i}.log`);
      const child = startWorker(env, log, nodeArgs);
      this.children.push(child);
      this.logs.push(log);
      this.memory.push(sampleMemory(child.pid ?? 0));
    }
  }

  /** Every process has its consumers connected to the timers queue. */
  async connected(redisUrl: string, prefix: string): Promise<number> {
    const queue = new Queue(QueueName.Timers, { connection: redisOptionsFromUrl(redisUrl), prefix });
    try {
      return (await queue.getWorkers()).length;
    } finally {
      await queue.close();
    }
  }

  assertAlive(): void {
    const dead = this.children.findIndex((c) => c.exitCode !== null || c.signalCode !== null);
    if (dead >= 0) throw new Error(`worker ${dead} exited; see ${this.logs[dead] ?? ''}`);
  }

  async cpu(): Promise<CpuReading> {
    const { rows } = await this.db.query<{ pid: number }>(
      "SELECT pid FROM pg_stat_activity WHERE datname = $1 AND application_name = 'grievance-desk'",
      [this.database],
    );
    for (const { pid } of rows) this.backends.set(pid, Math.max(this.backends.get(pid) ?? 0, cpuSeconds(pid)));
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    return {
      workers: sum(this.children.map((c) => cpuSeconds(c.pid ?? 0))),
      postgres: sum([...this.backends.values()]),
    };
  }

  /** Resident memory per process, MB. */
  rss(): number[] {
    return this.memory.map((m) => m.current().lastRssMb);
  }

  async stop(): Promise<MemorySample[]> {
    await Promise.all(
      this.children.filter((c) => c.exitCode === null && c.signalCode === null).map((c) => stopService(c)),
    );
    return this.memory.map((m) => m.stop());
  }

  /** Clocks the reconciler fired itself (their jobs had not run yet), from the workers' warnings. */
  reconcilerFired(): number {
    let fired = 0;
    for (const log of this.logs) {
      for (const m of readFileSync(log, 'utf8').matchAll(/reconciler fired (\d+) overdue/g)) fired += Number(m[1]);
    }
    return fired;
  }
}
