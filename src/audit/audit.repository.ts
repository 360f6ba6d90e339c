import { Injectable } from '@nestjs/common';
import { AuditEntryEntity } from 'src/audit/audit-entry.entity';
import { Scope } from 'src/auth/principal';
import { AppendTable, DbContext } from 'src/database/db-context';

export type NewAuditEntry = Omit<AuditEntryEntity, 'id' | 'occurredAt'>;

const AUDIT_ENTRY: AppendTable = {
  name: 'audit_entry',
  columns: [
    ['actor_id', 'uuid'],
    ['actor_username', 'varchar'],
    ['action', 'varchar'],
    ['target_type', 'varchar'],
    ['target_id', 'varchar'],
    ['scope_path', 'text'],
    ['correlation_id', 'varchar'],
    ['ip', 'varchar'],
    ['detail', 'jsonb'],
  ],
};

@Injectable()
export class AuditRepository {
  constructor(private readonly db: DbContext) {}

  /** Written with the transaction's other appended rows just before it commits: with the change it records, or not. */
  async append(entry: NewAuditEntry): Promise<void> {
    await this.db.append(AUDIT_ENTRY, [
      [
        entry.actorId,
        entry.actorUsername,
        entry.action,
        entry.targetType,
        entry.targetId,
        entry.scopePath,
        entry.correlationId,
        entry.ip,
        JSON.stringify(entry.detail),
      ],
    ]);
  }

  /** Newest first, keyset-paginated by id, only entries about the caller's subtree. */
  async listInScope(scope: Scope, limit: number, beforeId?: string): Promise<AuditEntryEntity[]> {
    const query = this.db.manager
      .createQueryBuilder(AuditEntryEntity, 'a')
      .where('a.scope_path LIKE :prefix', { prefix: `${scope.unitPath}%` })
      .orderBy('a.id', 'DESC')
      .limit(limit);
    if (beforeId !== undefined) query.andWhere('a.id < :beforeId', { beforeId });
    return query.getMany();
  }
}
