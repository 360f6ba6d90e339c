import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Worker } from 'bullmq';
import { withTimeout } from 'src/common/util/with-timeout';
import { APP_CONFIG, AppConfig } from 'src/config/app-config';
import { QueueName } from 'src/queue/queue.constants';
import { JobDispatcher } from 'src/worker/job-dispatcher.service';
import { RecurringJobs } from 'src/worker/recurring-jobs';
import {
  NotificationsQueueProcessor,
  QueueProcessor,
  ReportsQueueProcessor,
  SystemQueueProcessor,
  TimersQueueProcessor,
} from 'src/worker/queue.processors';

const CONNECTION_CHECK_MS = 1000;
// Leaves time after draining for HTTP, database and Redis to close inside SHUTDOWN_TIMEOUT_MS.
const SHUTDOWN_MARGIN_MS = 3000;

/** Checks the job wiring, schedules the recurring jobs, then starts consuming; on shutdown, finishes in-flight jobs before anything closes. */
@Injectable()
export class WorkerLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WorkerLifecycle.name);
  private readonly processors: Record<QueueName, QueueProcessor>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dispatcher: JobDispatcher,
    private readonly recurring: RecurringJobs,
    system: SystemQueueProcessor,
    notifications: NotificationsQueueProcessor,
    timers: TimersQueueProcessor,
    reports: ReportsQueueProcessor,
  ) {
    this.processors = {
      [QueueName.System]: system,
      [QueueName.Notifications]: notifications,
      [QueueName.Timers]: timers,
      [QueueName.Reports]: reports,
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    this.dispatcher.assertComplete();
    await this.recurring.start();
    for (const [queue, processor] of Object.entries(this.processors)) {
      const worker = processor.worker;
      worker.concurrency = this.config.queue.concurrency;
      // Read when the worker runs; a shorter lock lets a killed worker's jobs be retried sooner.
      worker.opts.lockDuration = this.config.queue.lockDurationMs;
      worker.opts.stalledInterval = Math.min(30000, this.config.queue.lockDurationMs);
      worker.on('error', (error: Error) => {
        this.logger.warn(`worker ${queue}: ${error.message}`);
      });
      worker.on('failed', (job, error: Error) => {
        this.logger.warn(`job ${job?.name ?? '?'} ${job?.id ?? '?'} failed: ${error.message}`);
      });
      worker.run().catch((error: unknown) => {
        this.logger.error({ err: error }, `worker ${queue} stopped`);
      });
    }
    this.logger.log(`consuming ${Object.keys(this.processors).join(', ')}`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    // Runs before the database and Redis connections close, so in-flight jobs can finish their writes.
    await Promise.all(Object.entries(this.processors).map(([queue, processor]) => this.drain(queue, processor.worker)));
    this.logger.log('workers drained');
  }

  /**
   * Waits for in-flight jobs. BullMQ's close() never resolves while its connection is reconnecting
   * (taskforcesh/bullmq#4656): then no job could be acknowledged anyway, so close at once and bound the wait.
   */
  private async drain(queue: string, worker: Worker): Promise<void> {
    const client = await withTimeout(worker.client, CONNECTION_CHECK_MS);
    const connected = client?.value.status === 'ready';
    if (!connected) this.logger.warn(`worker ${queue}: Redis unreachable, closing without draining`);
    const budget = connected ? this.config.shutdownTimeoutMs - SHUTDOWN_MARGIN_MS : CONNECTION_CHECK_MS;
    const closed = await withTimeout(worker.close(!connected), budget);
    if (!closed) {
      this.logger.warn(`worker ${queue}: did not close within ${budget} ms; disconnecting`);
      await withTimeout(worker.disconnect(), CONNECTION_CHECK_MS);
    }
  }
}
