import { Injectable } from '@nestjs/common';
import { AuditEntryEntity } from 'src/audit/audit-entry.entity';
import { Scope } from 'src/auth/principal';
import { DbContext } from 'src/database/db-context';

export type NewAuditEntry = Omit<AuditEntryEntity, 'id' | 'occurredAt'>;

const PENDING = Symbol('pending audit entries');
const COLUMNS = [
  'actor_id',
  'actor_username',
  'action',
  'target_type',
  'target_id',
  'scope_path',
  'correlation_id',
  'ip',
  'detail',
];

@Injectable()
export class AuditRepository {
  constructor(private readonly db: DbContext) {}

  /**
   * Inside a transaction the entry is held and written, with the transaction's other entries, in one INSERT just
   * before commit: it commits with the change it records, or neither does.
   */
  async append(entry: NewAuditEntry): Promise<void> {
    const pending = this.db.deferred<NewAuditEntry[]>(
      PENDING,
      () => [],
      (entries) => this.insert(entries),
    );
    if (pending) pending.push(entry);
    else await this.insert([entry]);
  }

  private async insert(entries: NewAuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const params: unknown[] = [];
    const rows = entries.map((e) => {
      const values = [
        e.actorId,
        e.actorUsername,
        e.action,
        e.targetType,
        e.targetId,
        e.scopePath,
        e.correlationId,
        e.ip,
        JSON.stringify(e.detail),
      ];
      const placeholders = values.map((value) => {
        params.push(value);
        return `$${params.length}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    await this.db.manager.query(`INSERT INTO audit_entry (${COLUMNS.join(', ')}) VALUES ${rows.join(', ')}`, params);
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
