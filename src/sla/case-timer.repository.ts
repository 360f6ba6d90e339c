import { Injectable } from '@nestjs/common';
import { DbContext } from 'src/database/db-context';
import { CaseTimerEntity } from 'src/sla/case-timer.entity';
import { TimerName, TimerState } from 'src/cases/case-clock.enums';

/** What the firing jobs of a running clock are made from. */
export interface ArmableTimer {
  id: string;
  deadlineVersion: number;
  warnAt: Date;
  dueAt: Date;
  warned: boolean;
}

export type NewTimer = Omit<
  CaseTimerEntity,
  | 'id'
  | 'case'
  | 'deadlineVersion'
  | 'pausedSince'
  | 'pausedTotalMs'
  | 'extendedMs'
  | 'warnedAt'
  | 'metAt'
  | 'breachedAt'
>;

@Injectable()
export class CaseTimerRepository {
  constructor(private readonly db: DbContext) {}

  /**
   * Starts clocks in one INSERT; one already active (same case, timer and ref) is left running as it is.
   * Returns what the firing jobs need for the clocks actually started.
   */
  async start(timers: NewTimer[]): Promise<ArmableTimer[]> {
    if (timers.length === 0) return [];
    const result = await this.db.manager
      .createQueryBuilder()
      .insert()
      .into(CaseTimerEntity)
      .values(timers)
      .orIgnore()
      .returning('id, deadline_version, warn_at, due_at')
      .execute();
    return (result.raw as { id: string; deadline_version: number; warn_at: Date; due_at: Date }[]).map((row) => ({
      id: row.id,
      deadlineVersion: row.deadline_version,
      warnAt: row.warn_at,
      dueAt: row.due_at,
      warned: false,
    }));
  }

  /** A clock of this case, locked for the caller's transaction. */
  async lockOfCase(caseId: string, timerId: string): Promise<CaseTimerEntity | undefined> {
    const found = await this.db.manager
      .createQueryBuilder(CaseTimerEntity, 't')
      .setLock('pessimistic_write')
      .where('t.id = :timerId AND t.case_id = :caseId', { timerId, caseId })
      .getOne();
    return found ?? undefined;
  }

  async pause(timerId: string, at: Date): Promise<void> {
    await this.db.manager.query(
      "UPDATE case_timer SET state = 'paused', paused_since = $2, deadline_version = deadline_version + 1 WHERE id = $1",
      [timerId, at],
    );
  }

  /** Back to running with moved deadlines; returns what the new jobs need. */
  async resume(timerId: string, at: Date, warnAt: Date, dueAt: Date): Promise<ArmableTimer> {
    // TypeORM answers an UPDATE … RETURNING with [rows, affected], not the rows alone.
    const [rows] = await this.db.manager.query<[{ id: string; deadline_version: number; warned_at: Date | null }[]]>(
      `UPDATE case_timer SET state = 'running', warn_at = $3, due_at = $4,
              paused_total_ms = paused_total_ms + (EXTRACT(EPOCH FROM ($2::timestamptz - paused_since)) * 1000)::bigint,
              paused_since = NULL, deadline_version = deadline_version + 1
        WHERE id = $1 RETURNING id, deadline_version, warned_at`,
      [timerId, at, warnAt, dueAt],
    );
    const row = rows[0];
    if (!row) throw new Error('timer vanished while resuming');
    return { id: row.id, deadlineVersion: row.deadline_version, warnAt, dueAt, warned: row.warned_at !== null };
  }

  /** Moves an active clock's deadlines by an approved extension; returns what the new jobs need. */
  async extend(timerId: string, amountMs: number, warnAt: Date, dueAt: Date): Promise<ArmableTimer> {
    const [rows] = await this.db.manager.query<[{ id: string; deadline_version: number; warned_at: Date | null }[]]>(
      `UPDATE case_timer SET warn_at = $3, due_at = $4, extended_ms = extended_ms + $2,
              deadline_version = deadline_version + 1
        WHERE id = $1 RETURNING id, deadline_version, warned_at`,
      [timerId, amountMs, warnAt, dueAt],
    );
    const row = rows[0];
    if (!row) throw new Error('timer vanished while extending');
    return { id: row.id, deadlineVersion: row.deadline_version, warnAt, dueAt, warned: row.warned_at !== null };
  }

  /** Breached clocks of cases in the subtree, newest breach first (keyset on breached_at, id). */
  async breachesInScope(
    scopePath: string,
    filter: { timer?: TimerName; from?: Date; to?: Date },
    limit: number,
    before?: { breachedAt: Date; id: string },
  ): Promise<(CaseTimerEntity & { caseNumber: string; orgUnitId: string })[]> {
    const rows = await this.db.manager.query<
      {
        id: string;
        case_id: string;
        timer: TimerName;
        due_at: Date;
        breached_at: Date;
        number: string;
        org_unit_id: string;
      }[]
    >(
      `SELECT t.id, t.case_id, t.timer, t.due_at, t.breached_at, c.number, c.org_unit_id
         FROM case_timer t JOIN "case" c ON c.id = t.case_id
        WHERE t.state = 'breached' AND c.owner_path LIKE $1
          AND ($2::timer_name IS NULL OR t.timer = $2)
          AND ($3::timestamptz IS NULL OR t.breached_at >= $3) AND ($4::timestamptz IS NULL OR t.breached_at < $4)
          AND ($5::timestamptz IS NULL OR (t.breached_at, t.id) < ($5::timestamptz, $6::uuid))
        ORDER BY t.breached_at DESC, t.id DESC LIMIT $7`,
      [
        `${scopePath}%`,
        filter.timer ?? null,
        filter.from ?? null,
        filter.to ?? null,
        before?.breachedAt ?? null,
        before?.id ?? null,
        limit,
      ],
    );
    return rows.map((r) =>
      Object.assign(new CaseTimerEntity(), {
        id: r.id,
        caseId: r.case_id,
        timer: r.timer,
        dueAt: r.due_at,
        breachedAt: r.breached_at,
        caseNumber: r.number,
        orgUnitId: r.org_unit_id,
      }),
    );
  }

  /**
   * A page of running clocks by (due_at, id) with a deadline — an unsent warning or the due time — up to `horizon`:
   * the ones whose jobs the reconciler (re-)arms.
   */
  async armablePage(
    horizon: Date,
    after: { dueAt: Date; id: string } | undefined,
    limit: number,
  ): Promise<ArmableTimer[]> {
    const rows = await this.db.manager.query<
      { id: string; deadline_version: number; warn_at: Date; due_at: Date; warned_at: Date | null }[]
    >(
      `SELECT id, deadline_version, warn_at, due_at, warned_at FROM case_timer
        WHERE state = 'running' AND (due_at <= $1 OR (warned_at IS NULL AND warn_at <= $1))
          AND ($2::timestamptz IS NULL OR (due_at, id) > ($2::timestamptz, $3::uuid))
        ORDER BY due_at, id LIMIT $4`,
      [horizon, after?.dueAt ?? null, after?.id ?? null, limit],
    );
    return rows.map((row) => ({
      id: row.id,
      deadlineVersion: row.deadline_version,
      warnAt: row.warn_at,
      dueAt: row.due_at,
      warned: row.warned_at !== null,
    }));
  }

  /**
   * Stops the active clocks named: met, or cancelled when `cancel` — a closed case no longer needs a first contact.
   * SlaService has already breached, with their events, the running clocks past due (TimerFiringRepository
   * .breachOverdue, same instant), so every running clock left is on time; a paused one is too, whatever its old
   * due time says: paused time does not count, and an overdue clock cannot be paused. One UPDATE. `refs` narrows
   * it to the clocks about those things (instalment ids).
   */
  async stop(caseId: string, timers: TimerName[], at: Date, cancel = false, refs?: string[]): Promise<void> {
    if (timers.length === 0 || refs?.length === 0) return;
    await this.db.manager.query(
      `UPDATE case_timer SET
         state = CASE WHEN $4 THEN 'cancelled'::timer_state ELSE 'met'::timer_state END,
         met_at = CASE WHEN $4 THEN NULL ELSE $3::timestamptz END
       WHERE case_id = $1 AND timer = ANY($2::timer_name[]) AND state IN ('running', 'paused')
         AND ($5::text[] IS NULL OR ref = ANY($5::text[]))`,
      [caseId, timers, at, cancel, refs ?? null],
    );
  }

  /** The refs of a case's clocks of a kind that are in one of `states` (which instalments already breached). */
  async refsIn(caseId: string, timer: TimerName, states: TimerState[]): Promise<string[]> {
    const rows = await this.db.manager.query<{ ref: string }[]>(
      'SELECT DISTINCT ref FROM case_timer WHERE case_id = $1 AND timer = $2 AND state = ANY($3::timer_state[])',
      [caseId, timer, states],
    );
    return rows.map((row) => row.ref);
  }

  async listForCase(caseId: string): Promise<CaseTimerEntity[]> {
    return this.db.manager.find(CaseTimerEntity, { where: { caseId }, order: { startedAt: 'ASC', timer: 'ASC' } });
  }
}
