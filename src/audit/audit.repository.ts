import { Injectable } from '@nestjs/common';
import { AuditEntryEntity } from 'src/audit/audit-entry.entity';
import { Scope } from 'src/auth/principal';
import { DbContext } from 'src/database/db-context';

export type NewAuditEntry = Omit<AuditEntryEntity, 'id' | 'occurredAt'>;

@Injectable()
export class AuditRepository {
  constructor(private readonly db: DbContext) {}

  /** Joins the caller's transaction when there is one, so the entry commits with the change it records. */
  async append(entry: NewAuditEntry): Promise<void> {
    const repo = this.db.manager.getRepository(AuditEntryEntity);
    await repo.save(repo.create(entry), { reload: false });
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
