import { Injectable } from '@nestjs/common';
import { CaseEventEntity, CaseEventType } from 'src/cases/case-event.entity';
import { DbContext } from 'src/database/db-context';

export interface NewCaseEvent {
  caseId: string;
  type: CaseEventType;
  actorId: string | null;
  version: number;
  data: Record<string, unknown>;
}

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

  /** Several events (of as many cases) in one INSERT, in the caller's transaction. */
  async appendMany(events: NewCaseEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.db.manager.query(
      `INSERT INTO case_event (case_id, type, actor_id, version, data)
       SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::uuid[], $4::int[], $5::jsonb[])`,
      [
        events.map((e) => e.caseId),
        events.map((e) => e.type),
        events.map((e) => e.actorId),
        events.map((e) => e.version),
        events.map((e) => JSON.stringify(e.data)),
      ],
    );
  }

  async listForCase(caseId: string, limit: number): Promise<CaseEventEntity[]> {
    return this.db.manager.find(CaseEventEntity, { where: { caseId }, order: { id: 'ASC' }, take: limit });
  }
}
