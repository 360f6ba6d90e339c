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

/** A message to some users about a case (or about nothing in particular). */
export interface NewNotification {
  recipients: string[];
  caseId: string | null;
  type: string;
  title: string;
}

@Injectable()
export class NotificationRepository {
  constructor(private readonly db: DbContext) {}

  /**
   * One notification and one outbox row per recipient of each message, in one statement however many messages;
   * returns the outbox ids.
   */
  async insert(messages: NewNotification[]): Promise<string[]> {
    const rows = messages.flatMap((m) => m.recipients.map((userId) => ({ ...m, userId })));
    if (rows.length === 0) return [];
    const result = await this.db.manager.query<{ id: string }[]>(
      `WITH n AS (
         INSERT INTO notification (user_id, case_id, type, title)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::varchar[], $4::varchar[]) RETURNING id)
       INSERT INTO notification_outbox (notification_id) SELECT id FROM n RETURNING id`,
      [rows.map((r) => r.userId), rows.map((r) => r.caseId), rows.map((r) => r.type), rows.map((r) => r.title)],
    );
    return result.map((row) => row.id);
  }

  /**
   * Locks the undelivered ones of these outbox rows for the caller's transaction, skipping delivered rows and rows
   * another worker holds. The lock lasts through the provider calls, so two workers never send the same row at once.
   */
  async lockPending(outboxIds: string[]): Promise<PendingDelivery[]> {
    const rows = await this.db.manager.query<
      { id: string; notification_id: string; user_id: string; case_id: string | null; type: string; title: string }[]
    >(
      `SELECT o.id, o.notification_id, n.user_id, n.case_id, n.type, n.title
         FROM notification_outbox o JOIN notification n ON n.id = o.notification_id
        WHERE o.id = ANY($1::uuid[]) AND o.delivered_at IS NULL
        ORDER BY o.created_at, o.id
        FOR UPDATE OF o SKIP LOCKED`,
      [outboxIds],
    );
    return rows.map((row) => ({
      outboxId: row.id,
      notificationId: row.notification_id,
      userId: row.user_id,
      caseId: row.case_id,
      type: row.type,
      title: row.title,
    }));
  }

  async markDelivered(outboxIds: string[]): Promise<void> {
    if (outboxIds.length === 0) return;
    await this.db.manager.query(
      'UPDATE notification_outbox SET delivered_at = now(), attempts = attempts + 1 WHERE id = ANY($1::uuid[])',
      [outboxIds],
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

  /** Active users of each of these units holding one of these roles, in one query: unit id → user ids. */
  async usersOfUnits(unitIds: string[], roles: string[]): Promise<Map<string, string[]>> {
    const byUnit = new Map<string, string[]>();
    if (unitIds.length === 0) return byUnit;
    const rows = await this.db.manager.query<{ id: string; org_unit_id: string }[]>(
      'SELECT id, org_unit_id FROM app_user WHERE org_unit_id = ANY($1::uuid[]) AND active AND roles && $2::user_role[]',
      [[...new Set(unitIds)], roles],
    );
    for (const row of rows) byUnit.set(row.org_unit_id, [...(byUnit.get(row.org_unit_id) ?? []), row.id]);
    return byUnit;
  }
}
