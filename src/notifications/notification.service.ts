import { Injectable } from '@nestjs/common';
import { Actor } from 'src/auth/principal';
import { DomainError } from 'src/common/errors/domain.error';
import { ErrorCode } from 'src/common/errors/error-code';
import { Page, PageQueryDto } from 'src/common/http/page.dto';
import { DbContext } from 'src/database/db-context';
import { NotificationDto, toNotificationDto } from 'src/notifications/notification.dto';
import { NotificationRepository } from 'src/notifications/notification.repository';
import { JobName } from 'src/queue/queue.constants';
import { QueueService } from 'src/queue/queue.service';

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
    const unique = [...new Set(recipients)];
    const outboxIds = await this.notifications.insert(unique, caseId, type, title);
    if (outboxIds.length === 0) return;
    await this.db.afterCommit(async () => {
      for (const outboxId of outboxIds) {
        await this.queue.enqueue(JobName.NotificationDeliver, { outboxId }, { jobId: `outbox-${outboxId}` });
      }
    });
  }

  async usersOfUnit(unitId: string, roles: string[]): Promise<string[]> {
    return this.notifications.usersOfUnit(unitId, roles);
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
