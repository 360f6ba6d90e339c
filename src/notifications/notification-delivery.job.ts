import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DbContext } from 'src/database/db-context';
import { NotificationProvider } from 'src/notifications/notification-provider';
import { NotificationRepository } from 'src/notifications/notification.repository';
import { OnJob } from 'src/queue/on-job.decorator';
import { JobDataMap, JobName, NOTIFICATION_SWEEP_EVERY_MS } from 'src/queue/queue.constants';
import { QueueService } from 'src/queue/queue.service';

const SWEEP_AFTER_SECONDS = 30;
const SWEEP_BATCH = 500;

/**
 * Delivery is idempotent per outbox row: the handler locks the job's undelivered rows (skipping any another worker
 * holds), calls the provider for each with the row id as idempotency key, then stamps the ones sent — in one
 * transaction. A crash between the provider's answers and the commit means one resend of those rows with the same
 * keys. When the provider fails, the rows sent before it are stamped and committed, and the job is retried for
 * the rest.
 */
@Injectable()
export class NotificationDeliveryJob implements OnApplicationBootstrap {
  private readonly logger = new Logger(NotificationDeliveryJob.name);

  constructor(
    private readonly db: DbContext,
    private readonly notifications: NotificationRepository,
    private readonly provider: NotificationProvider,
    private readonly queue: QueueService,
  ) {}

  /** Catches up at start with what was committed while no worker ran (WorkerLifecycle schedules the sweep). */
  async onApplicationBootstrap(): Promise<void> {
    await this.sweep();
  }

  @OnJob(JobName.NotificationDeliver)
  async deliver(data: JobDataMap[JobName.NotificationDeliver]): Promise<void> {
    const failure = await this.db.transaction(async () => {
      const sent: string[] = [];
      let error: Error | undefined;
      for (const pending of await this.notifications.lockPending(data.outboxIds)) {
        try {
          await this.provider.send({
            idempotencyKey: pending.outboxId,
            recipientUserId: pending.userId,
            type: pending.type,
            title: pending.title,
            caseId: pending.caseId,
          });
        } catch (caught: unknown) {
          error = caught instanceof Error ? caught : new Error(String(caught));
          break;
        }
        sent.push(pending.outboxId);
      }
      await this.notifications.markDelivered(sent);
      return error;
    });
    if (failure) throw failure;
  }

  /**
   * Re-enqueues deliveries still undelivered: their job was lost, or failed for good. The job id names the sweep
   * round, not only the row: failed jobs are kept, and BullMQ ignores an add whose id exists, so a per-row id would
   * never retry a row whose earlier job failed. A row's job that is merely slow gets at most one more job per round,
   * which finds the row delivered or locked and does nothing.
   */
  @OnJob(JobName.NotificationSweep)
  async sweep(): Promise<void> {
    const stale = await this.notifications.staleUndelivered(SWEEP_AFTER_SECONDS, SWEEP_BATCH);
    const round = Math.floor(Date.now() / NOTIFICATION_SWEEP_EVERY_MS);
    await this.queue.enqueueMany(
      JobName.NotificationDeliver,
      stale.map((outboxId) => ({
        data: { outboxIds: [outboxId] },
        options: { jobId: `outbox-${outboxId}-sweep-${String(round)}` },
      })),
    );
    if (stale.length > 0) this.logger.warn(`re-enqueued ${stale.length} undelivered notification(s)`);
  }
}
