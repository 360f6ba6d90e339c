import { Injectable } from '@nestjs/common';
import { DbContext } from 'src/database/db-context';
import { NotificationEntity } from 'src/notifications/notification.entity';

export interface PendingDelivery {
  outboxId: string;
  notificationId: string;
  userId: string;
  caseId: string | null;
  type: string;
  title: string;
}

@Injectable()
export class NotificationRepository {
  constructor(private readonly db: DbContext) {}

  /** One notification and one outbox row per recipient, in two statements; returns the outbox ids. */
  async insert(recipients: string[], caseId: string | null, type: string, title: string): Promise<string[]> {
    if (recipients.length === 0) return [];
    const rows = await this.db.manager.query<{ id: string }[]>(
      `WITH n AS (
         INSERT INTO notification (user_id, case_id, type, title)
         SELECT unnest($1::uuid[]), $2, $3, $4 RETURNING id)
       INSERT INTO notification_outbox (notification_id) SELECT id FROM n RETURNING id`,
      [recipients, caseId, type, title],
    );
    return rows.map((row) => row.id);
  }

  /**
   * Locks an undelivered outbox row for the caller's transaction; undefined if it was delivered or another worker
   * holds it. The lock lasts through the provider call, so two workers never send the same row at once.
   */
  async lockPending(outboxId: string): Promise<PendingDelivery | undefined> {
    const rows = await this.db.manager.query<
      { id: string; notification_id: string; user_id: string; case_id: string | null; type: string; title: string }[]
    >(
      `SELECT o.id, o.notification_id, n.user_id, n.case_id, n.type, n.title
         FROM notification_outbox o JOIN notification n ON n.id = o.notification_id
        WHERE o.id = $1 AND o.delivered_at IS NULL
        FOR UPDATE OF o SKIP LOCKED`,
      [outboxId],
    );
    const row = rows[0];
    return row
      ? {
          outboxId: row.id,
          notificationId: row.notification_id,
          userId: row.user_id,
          caseId: row.case_id,
          type: row.type,
          title: row.title,
        }
      : undefined;
  }

  async markDelivered(outboxId: string): Promise<void> {
    await this.db.manager.query(
      'UPDATE notification_outbox SET delivered_at = now(), attempts = attempts + 1 WHERE id = $1',
      [outboxId],
    );
  }

  /** Undelivered rows older than `olderThanSeconds`, oldest first, bounded. */
  async staleUndelivered(olderThanSeconds: number, limit: number): Promise<string[]> {
    const rows = await this.db.manager.query<{ id: string }[]>(
      `SELECT id FROM notification_outbox
        WHERE delivered_at IS NULL AND created_at < now() - make_interval(secs => $1)
        ORDER BY created_at LIMIT $2`,
      [olderThanSeconds, limit],
    );
    return rows.map((row) => row.id);
  }

  async listForUser(userId: string, limit: number, offset: number): Promise<[NotificationEntity[], number]> {
    return this.db.manager.findAndCount(NotificationEntity, {
      where: { userId },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: limit,
      skip: offset,
    });
  }

  async markRead(userId: string, id: string): Promise<boolean> {
    const result = await this.db.manager
      .createQueryBuilder()
      .update(NotificationEntity)
      .set({ readAt: () => 'COALESCE(read_at, now())' })
      .where('id = :id AND user_id = :userId', { id, userId })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** Users of exactly this unit holding one of these roles (e.g. a union's mediators). */
  async usersOfUnit(unitId: string, roles: string[]): Promise<string[]> {
    const rows = await this.db.manager.query<{ id: string }[]>(
      'SELECT id FROM app_user WHERE org_unit_id = $1 AND active AND roles && $2::user_role[]',
      [unitId, roles],
    );
    return rows.map((row) => row.id);
  }
}
