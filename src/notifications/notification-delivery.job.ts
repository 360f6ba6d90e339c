import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DbContext } from 'src/database/db-context';
import { NotificationProvider } from 'src/notifications/notification-provider';
import { NotificationRepository } from 'src/notifications/notification.repository';
import { OnJob } from 'src/queue/on-job.decorator';
import { JobDataMap, JobName } from 'src/queue/queue.constants';
import { QueueService } from 'src/queue/queue.service';

const SWEEP_EVERY_MS = 60000;
const SWEEP_AFTER_SECONDS = 30;
const SWEEP_BATCH = 500;

/**
 * Delivery is idempotent: the handler locks the outbox row (skipping one another worker holds), returns if it
 * was already delivered, calls the provider with the row id as idempotency key, then stamps it — in one
 * transaction. A crash between the provider's answer and the commit means one resend with the same key.
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

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.schedule(JobName.NotificationSweep, SWEEP_EVERY_MS);
    await this.sweep();
  }

  @OnJob(JobName.NotificationDeliver)
  async deliver(data: JobDataMap[JobName.NotificationDeliver]): Promise<void> {
    await this.db.transaction(async () => {
      const pending = await this.notifications.lockPending(data.outboxId);
      if (!pending) return;
      await this.provider.send({
        idempotencyKey: pending.outboxId,
        recipientUserId: pending.userId,
        type: pending.type,
        title: pending.title,
        caseId: pending.caseId,
      });
      await this.notifications.markDelivered(pending.outboxId);
    });
  }

  /** Re-enqueues deliveries whose job was lost; the deterministic job id makes a still-queued one a no-op. */
  @OnJob(JobName.NotificationSweep)
  async sweep(): Promise<void> {
    const stale = await this.notifications.staleUndelivered(SWEEP_AFTER_SECONDS, SWEEP_BATCH);
    for (const outboxId of stale) {
      await this.queue.enqueue(JobName.NotificationDeliver, { outboxId }, { jobId: `outbox-${outboxId}` });
    }
    if (stale.length > 0) this.logger.warn(`re-enqueued ${stale.length} undelivered notification(s)`);
  }
}
