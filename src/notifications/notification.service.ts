import { Injectable } from '@nestjs/common';
import { Actor } from 'src/auth/principal';
import { DomainError } from 'src/common/errors/domain.error';
import { ErrorCode } from 'src/common/errors/error-code';
import { Page, PageQueryDto } from 'src/common/http/page.dto';
import { DbContext } from 'src/database/db-context';
import { NotificationDto, toNotificationDto } from 'src/notifications/notification.dto';
import { NewNotification, NotificationRepository } from 'src/notifications/notification.repository';
import { JobName } from 'src/queue/queue.constants';
import { QueueService } from 'src/queue/queue.service';

/** Outbox rows per delivery job: fewer jobs, and a crash mid-job resends at most this many (same keys). */
const DELIVERY_BATCH = 50;

@Injectable()
export class NotificationService {
  constructor(
    private readonly db: DbContext,
    private readonly notifications: NotificationRepository,
    private readonly queue: QueueService,
  ) {}

  /**
   * Stores the notifications and their outbox rows in the caller's transaction, and enqueues delivery only after
   * it commits: a rolled-back command notifies no one, and a lost enqueue is redone by the sweeper.
   */
  async notify(recipients: string[], caseId: string | null, type: string, title: string): Promise<void> {
    await this.notifyMany([{ recipients, caseId, type, title }]);
  }

  /**
   * Several messages (say, a batch of breaches) in one INSERT, delivered by one job per DELIVERY_BATCH outbox rows,
   * all added in one Redis round trip. Each message goes once to each of its recipients.
   */
  async notifyMany(messages: NewNotification[]): Promise<void> {
    const unique = messages.map((m) => ({ ...m, recipients: [...new Set(m.recipients)] }));
    const outboxIds = await this.notifications.insert(unique);
    if (outboxIds.length === 0) return;
    await this.db.afterCommit(async () => {
      const jobs = [];
      for (let i = 0; i < outboxIds.length; i += DELIVERY_BATCH) {
        const batch = outboxIds.slice(i, i + DELIVERY_BATCH);
        jobs.push({ data: { outboxIds: batch }, options: { jobId: `outbox-${batch[0] ?? ''}` } });
      }
      await this.queue.enqueueMany(JobName.NotificationDeliver, jobs);
    });
  }

  async usersOfUnits(unitIds: string[], roles: string[]): Promise<Map<string, string[]>> {
    return this.notifications.usersOfUnits(unitIds, roles);
  }

  /** Users of exactly this unit holding one of these roles (e.g. a union's mediators). */
  async usersOfUnit(unitId: string, roles: string[]): Promise<string[]> {
    return (await this.usersOfUnits([unitId], roles)).get(unitId) ?? [];
  }

  async list(actor: Actor, page: PageQueryDto): Promise<Page<NotificationDto>> {
    const [items, total] = await this.notifications.listForUser(actor.principal.userId, page.limit, page.offset);
    return { items: items.map(toNotificationDto), total, limit: page.limit, offset: page.offset };
  }

  async markRead(actor: Actor, id: string): Promise<{ ok: true }> {
    if (!(await this.notifications.markRead(actor.principal.userId, id))) {
      throw new DomainError(ErrorCode.NotFound, 'Notification not found');
    }
    return { ok: true };
  }
}
