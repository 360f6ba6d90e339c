import { Injectable } from '@nestjs/common';
import { CaseEventEntity, CaseEventType } from 'src/cases/case-event.entity';
import { AppendTable, DbContext } from 'src/database/db-context';

export interface NewCaseEvent {
  caseId: string;
  type: CaseEventType;
  actorId: string | null;
  version: number;
  data: Record<string, unknown>;
}

const CASE_EVENT: AppendTable = {
  name: 'case_event',
  columns: [
    ['case_id', 'uuid'],
    ['type', 'varchar'],
    ['actor_id', 'uuid'],
    ['version', 'int'],
    ['data', 'jsonb'],
  ],
};

@Injectable()
export class CaseEventRepository {
  constructor(private readonly db: DbContext) {}

  /**
   * Appends in the caller's transaction, written just before it commits (nothing reads a case's events inside
   * the command that adds them): the event commits with the change it records, or neither does.
   */
  async append(
    caseId: string,
    type: CaseEventType,
    actorId: string | null,
    version: number,
    data: Record<string, unknown> = {},
  ): Promise<void> {
    await this.appendMany([{ caseId, type, actorId, version, data }]);
  }

  /** Several events (of as many cases), in the order given. */
  async appendMany(events: NewCaseEvent[]): Promise<void> {
    await this.db.append(
      CASE_EVENT,
      events.map((e) => [e.caseId, e.type, e.actorId, e.version, JSON.stringify(e.data)]),
    );
  }

  async listForCase(caseId: string, limit: number, newestFirst = false): Promise<CaseEventEntity[]> {
    return this.db.manager.find(CaseEventEntity, {
      where: { caseId },
      order: { id: newestFirst ? 'DESC' : 'ASC' },
      take: limit,
    });
  }
}
