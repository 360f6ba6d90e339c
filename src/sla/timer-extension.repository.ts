import { Injectable } from '@nestjs/common';
import { DbContext } from 'src/database/db-context';
import { TimerName } from 'src/cases/case-clock.enums';
import { ExtensionState, ExtensionUnit, TimerExtensionRequestEntity } from 'src/sla/timer-extension.entity';

export type NewExtensionRequest = Pick<
  TimerExtensionRequestEntity,
  'caseId' | 'timerId' | 'amount' | 'unit' | 'amountMs' | 'reason' | 'requestedBy'
>;

/** A request with what a desk lists it by: its case's number and the clock it is about. */
export interface ExtensionRequestWithClock {
  request: TimerExtensionRequestEntity;
  caseNumber: string;
  timer: TimerName;
  dueAt: Date;
  /** Who asked, by display name (null for an account since removed). */
  requestedByName: string | null;
  /** requested_at as PostgreSQL prints it: the page key, to the microsecond. */
  requestedKey: string;
}

interface ExtensionRow {
  id: string;
  case_id: string;
  timer_id: string;
  amount: number;
  unit: ExtensionUnit;
  amount_ms: string;
  reason: string;
  state: ExtensionState;
  requested_by: string;
  requested_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  decision_note: string;
  number: string;
  requested_by_name: string | null;
  timer: TimerName;
  due_at: Date;
  requested_key: string;
}

@Injectable()
export class TimerExtensionRepository {
  constructor(private readonly db: DbContext) {}

  async insert(request: NewExtensionRequest): Promise<TimerExtensionRequestEntity> {
    const result = await this.db.manager.insert(TimerExtensionRequestEntity, {
      ...request,
      state: ExtensionState.Pending,
    });
    const id = (result.identifiers[0] as { id: string }).id;
    return this.db.manager.findOneByOrFail(TimerExtensionRequestEntity, { id });
  }

  async hasPending(timerId: string): Promise<boolean> {
    return this.db.manager.exists(TimerExtensionRequestEntity, {
      where: { timerId, state: ExtensionState.Pending },
    });
  }

  /** A request about this clock of this case, locked for the caller's transaction (decisions are serialized). */
  async lockOf(caseId: string, timerId: string, requestId: string): Promise<TimerExtensionRequestEntity | undefined> {
    const found = await this.db.manager
      .createQueryBuilder(TimerExtensionRequestEntity, 'r')
      .setLock('pessimistic_write')
      .where('r.id = :requestId AND r.timer_id = :timerId AND r.case_id = :caseId', { requestId, timerId, caseId })
      .getOne();
    return found ?? undefined;
  }

  async decide(
    requestId: string,
    state: ExtensionState.Approved | ExtensionState.Rejected,
    decidedBy: string,
    decidedAt: Date,
    note: string,
  ): Promise<TimerExtensionRequestEntity> {
    await this.db.manager.update(
      TimerExtensionRequestEntity,
      { id: requestId },
      { state, decidedBy, decidedAt, decisionNote: note },
    );
    return this.db.manager.findOneByOrFail(TimerExtensionRequestEntity, { id: requestId });
  }

  /** A case's requests, oldest first (a handful per case; bounded all the same). */
  async listForCase(caseId: string, limit: number): Promise<TimerExtensionRequestEntity[]> {
    return this.db.manager.find(TimerExtensionRequestEntity, {
      where: { caseId },
      order: { requestedAt: 'ASC', id: 'ASC' },
      take: limit,
    });
  }

  /**
   * Requests on clocks of cases inside `scopePath`, oldest first, keyset after (requested_at, id); `state` narrows
   * them. Index idx_timer_extension_request_state serves one state, idx_timer_extension_request_requested all.
   */
  async pageInScope(
    scopePath: string,
    state: ExtensionState | undefined,
    limit: number,
    after?: { requestedKey: string; id: string },
  ): Promise<ExtensionRequestWithClock[]> {
    const rows = await this.db.manager.query<ExtensionRow[]>(
      `SELECT r.id, r.case_id, r.timer_id, r.amount, r.unit, r.amount_ms, r.reason, r.state, r.requested_by,
              r.requested_at, r.decided_by, r.decided_at, r.decision_note, c.number, t.timer, t.due_at,
              u.display_name AS requested_by_name, r.requested_at::text AS requested_key
         FROM timer_extension_request r
         JOIN "case" c ON c.id = r.case_id
         JOIN case_timer t ON t.id = r.timer_id
         LEFT JOIN app_user u ON u.id = r.requested_by
        WHERE c.owner_path LIKE $1
          AND ($2::extension_state IS NULL OR r.state = $2)
          AND ($3::timestamptz IS NULL OR (r.requested_at, r.id) > ($3::timestamptz, $4::uuid))
        ORDER BY r.requested_at, r.id
        LIMIT $5`,
      [`${scopePath}%`, state ?? null, after?.requestedKey ?? null, after?.id ?? null, limit],
    );
    return rows.map((r) => ({
      request: Object.assign(new TimerExtensionRequestEntity(), {
        id: r.id,
        caseId: r.case_id,
        timerId: r.timer_id,
        amount: r.amount,
        unit: r.unit,
        amountMs: r.amount_ms,
        reason: r.reason,
        state: r.state,
        requestedBy: r.requested_by,
        requestedAt: r.requested_at,
        decidedBy: r.decided_by,
        decidedAt: r.decided_at,
        decisionNote: r.decision_note,
      }),
      caseNumber: r.number,
      timer: r.timer,
      dueAt: r.due_at,
      requestedByName: r.requested_by_name,
      requestedKey: r.requested_key,
    }));
  }
}
