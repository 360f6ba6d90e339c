import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { JobsOptions, Queue } from 'bullmq';
import { JOB_QUEUE, JobDataMap, JobName, QueueName } from 'src/queue/queue.constants';

const isId = (value: unknown) => typeof value === 'string' || typeof value === 'number';

function assertIdsOnly(name: JobName, data: object): void {
  for (const [key, value] of Object.entries(data)) {
    if (!isId(value) && !(Array.isArray(value) && value.every(isId))) {
      throw new Error(`Job ${name}: field ${key} is not an id; job data holds ids only`);
    }
  }
}

/** The only way the application puts work on a queue. */
@Injectable()
export class QueueService implements OnModuleInit {
  private readonly logger = new Logger(QueueService.name);
  private readonly queues: Record<QueueName, Queue>;

  constructor(
    @InjectQueue(QueueName.System) system: Queue,
    @InjectQueue(QueueName.Notifications) notifications: Queue,
    @InjectQueue(QueueName.Timers) timers: Queue,
    @InjectQueue(QueueName.Reports) reports: Queue,
  ) {
    this.queues = {
      [QueueName.System]: system,
      [QueueName.Notifications]: notifications,
      [QueueName.Timers]: timers,
      [QueueName.Reports]: reports,
    };
  }

  onModuleInit(): void {
    // A Queue emits 'error' while Redis is away; unhandled, that would crash the process.
    for (const queue of Object.values(this.queues)) {
      queue.on('error', (error: Error) => {
        this.logger.warn(`queue ${queue.name}: ${error.message}`);
      });
    }
  }

  async enqueue<N extends JobName>(name: N, data: JobDataMap[N], options?: JobsOptions): Promise<void> {
    assertIdsOnly(name, data);
    await this.queues[JOB_QUEUE[name]].add(name, data, options);
  }

  /** Several jobs of one name in one Redis round trip. */
  async enqueueMany<N extends JobName>(name: N, jobs: { data: JobDataMap[N]; options?: JobsOptions }[]): Promise<void> {
    if (jobs.length === 0) return;
    for (const job of jobs) assertIdsOnly(name, job.data);
    await this.queues[JOB_QUEUE[name]].addBulk(jobs.map((job) => ({ name, data: job.data, opts: job.options })));
  }

  /** Runs `name` every `everyMs` on some worker (one job per period however many workers run). */
  async schedule(name: JobName, everyMs: number): Promise<void> {
    await this.queues[JOB_QUEUE[name]].upsertJobScheduler(name, { every: everyMs }, { name, data: {} });
  }

  /** The recurring jobs among `names` whose job scheduler is gone from Redis (flushed, or a new empty server). */
  async missingSchedulers(names: readonly JobName[]): Promise<JobName[]> {
    const found = await Promise.all(names.map((name) => this.queues[JOB_QUEUE[name]].getJobScheduler(name)));
    return names.filter((_, i) => found[i] === undefined);
  }

  /** Calls `listener` each time a producer connection to Redis becomes ready again (after an outage or failover). */
  onReconnect(listener: () => void): void {
    for (const queue of Object.values(this.queues)) {
      void queue.client.then(
        (client) => client.on('ready', listener),
        () => undefined,
      );
    }
  }

  /** Counts by state, for health and tests; never job payloads. */
  async counts(queue: QueueName): Promise<Record<string, number>> {
    return this.queues[queue].getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed');
  }
}
