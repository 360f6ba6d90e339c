import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from 'src/config/app-config';
import { RECURRING_JOBS } from 'src/queue/queue.constants';
import { QueueService } from 'src/queue/queue.service';

/**
 * Keeps the recurring jobs (reconciler, sweeps, rollup, prune) scheduled while the worker runs. Their BullMQ job
 * schedulers live in Redis, so a FLUSHALL, a Redis restart without persistence or a failover to an empty replica
 * deletes them, and nothing in Redis would bring them back. This check runs on a timer of the process's own and
 * whenever a Redis connection becomes ready again; a re-created scheduler runs its job at once, so the reconciler
 * re-arms and fires lost clocks without waiting a period.
 */
@Injectable()
export class RecurringJobs implements BeforeApplicationShutdown {
  private readonly logger = new Logger(RecurringJobs.name);
  private timer: NodeJS.Timeout | undefined;
  private checking: Promise<void> | undefined;

  constructor(
    private readonly queue: QueueService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Schedules every recurring job (idempotent: one scheduler per name, however many workers), then keeps watch. */
  async start(): Promise<void> {
    await this.schedule(RECURRING_JOBS);
    this.timer = setInterval(() => {
      void this.check();
    }, this.config.queue.schedulerCheckMs);
    this.timer.unref();
    this.queue.onReconnect(() => {
      void this.check();
    });
  }

  /** Re-creates the schedulers that are gone; one check at a time. */
  check(): Promise<void> {
    this.checking ??= this.recreateMissing().finally(() => {
      this.checking = undefined;
    });
    return this.checking;
  }

  beforeApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async schedule(jobs: typeof RECURRING_JOBS): Promise<void> {
    for (const [name, everyMs] of jobs) await this.queue.schedule(name, everyMs);
  }

  private async recreateMissing(): Promise<void> {
    try {
      const missing = new Set(await this.queue.missingSchedulers(RECURRING_JOBS.map(([name]) => name)));
      if (missing.size === 0) return;
      this.logger.warn(
        `job schedulers gone from Redis (${[...missing].join(', ')}): re-creating them; each runs at once to catch up`,
      );
      await this.schedule(RECURRING_JOBS.filter(([name]) => missing.has(name)));
    } catch (error) {
      // Redis unreachable: the next tick or the reconnect tries again.
      this.logger.debug(`scheduler check failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
