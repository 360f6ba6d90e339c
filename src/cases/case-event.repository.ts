import { Injectable } from '@nestjs/common';
import { CaseEventEntity, CaseEventType } from 'src/cases/case-event.entity';
import { DbContext } from 'src/database/db-context';

@Injectable()
export class CaseEventRepository {
  constructor(private readonly db: DbContext) {}

  /** Appends in the caller's transaction: the event commits with the change it records, or neither does. */
  async append(
    caseId: string,
    type: CaseEventType,
    actorId: string | null,
    version: number,
    data: Record<string, unknown> = {},
  ): Promise<void> {
    await this.db.manager.query(
      'INSERT INTO case_event (case_id, type, actor_id, version, data) VALUES ($1, $2, $3, $4, $5)',
      [caseId, type, actorId, version, JSON.stringify(data)],
    );
  }

  async listForCase(caseId: string, limit: number): Promise<CaseEventEntity[]> {
    return this.db.manager.find(CaseEventEntity, { where: { caseId }, order: { id: 'ASC' }, take: limit });
  }
}
