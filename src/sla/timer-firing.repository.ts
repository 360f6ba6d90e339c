import { Injectable } from '@nestjs/common';
import { DbContext } from 'src/database/db-context';
import { parentUnitIdOf } from 'src/org-units/unit-path';
import { TimerName } from 'src/cases/case-clock.enums';

/** A clock just marked warned or breached, with what its case event and notifications need. */
export interface FiredTimer {
  caseId: string;
  timer: TimerName;
  caseVersion: number;
  assigneeId: string | null;
  unitId: string;
  parentUnitId: string | null;
  caseNumber: string;
}

/** The clock a job was armed for; none when the reconciler sweeps. */
export interface OwnClock {
  timerId: string;
  deadlineVersion: number;
}

interface FiredRow {
  case_id: string;
  timer: TimerName;
  version: number;
  assignee_id: string | null;
  org_unit_id: string;
  owner_path: string;
  number: string;
}

/**
 * Marks clocks warned or breached in batches, one statement per batch. A claim takes the job's own clock (waiting
 * for a lock another transaction holds on it, which may be about to stop or move it) and, only if that one is
 * still due, up to `limit` other clocks already due that nobody else holds (`SKIP LOCKED`): under a backlog one job
 * fires what is overdue, and the later jobs of those clocks find them done. The conditions are re-checked on the
 * locked rows, so a warning or breach is recorded once however many jobs and reconcilers try.
 */
@Injectable()
export class TimerFiringRepository {
  constructor(private readonly db: DbContext) {}

  /** Cheap unlocked pre-check, outside any transaction: is this clock running and past its due time at `now`? */
  async isDue(timerId: string, now: Date): Promise<boolean> {
    const rows = await this.db.manager.query<unknown[]>(
      "SELECT 1 FROM case_timer WHERE id = $1 AND state = 'running' AND due_at <= $2",
      [timerId, now],
    );
    return rows.length > 0;
  }

  /** Pre-check for warnings: running, this deadline version, not warned, warning time passed. */
  async isWarnable(own: OwnClock, now: Date): Promise<boolean> {
    const rows = await this.db.manager.query<unknown[]>(
      `SELECT 1 FROM case_timer WHERE id = $1 AND deadline_version = $2 AND state = 'running'
          AND warned_at IS NULL AND warn_at <= $3`,
      [own.timerId, own.deadlineVersion, now],
    );
    return rows.length > 0;
  }

  /** Breaches (at their due time) running clocks past due: `own` if still due, plus up to `limit` others. */
  async claimBreaches(own: OwnClock | undefined, limit: number, now: Date): Promise<FiredTimer[]> {
    const due = "state = 'running' AND due_at <= $3::timestamptz";
    return this.claim(
      `own AS (SELECT id FROM case_timer WHERE id = $1 AND ${due} FOR UPDATE),
       others AS (
         SELECT id FROM case_timer
          WHERE ${due} AND id IS DISTINCT FROM $1 AND ($1::uuid IS NULL OR EXISTS (SELECT 1 FROM own))
          ORDER BY due_at LIMIT $2 FOR UPDATE SKIP LOCKED),
       fired AS (
         UPDATE case_timer t SET state = 'breached', breached_at = t.due_at
           FROM (SELECT id FROM own UNION SELECT id FROM others) c
          WHERE t.id = c.id AND ${due}
         RETURNING t.case_id, t.timer)`,
      [own?.timerId ?? null, limit, now],
    );
  }

  /**
   * Breaches (at their due time) the named running clocks of a case that are already past due at `at`: a command
   * about to stop or cancel them came too late, whether or not their job has fired yet. Same record as a job's.
   */
  async breachOverdue(caseId: string, timers: TimerName[], at: Date, refs?: string[]): Promise<FiredTimer[]> {
    return this.claim(
      `fired AS (
         UPDATE case_timer t SET state = 'breached', breached_at = t.due_at
          WHERE t.case_id = $1 AND t.timer = ANY($2::timer_name[]) AND t.state = 'running' AND t.due_at <= $3
            AND ($4::text[] IS NULL OR t.ref = ANY($4::text[]))
         RETURNING t.case_id, t.timer)`,
      [caseId, timers, at, refs ?? null],
    );
  }

  /**
   * Marks warned the running clocks whose warning time has passed: `own` only for its deadline version (a job of
   * a moved deadline does nothing), the others as they stand now.
   */
  async claimWarnings(own: OwnClock | undefined, limit: number, now: Date): Promise<FiredTimer[]> {
    const pending = "state = 'running' AND warned_at IS NULL AND warn_at <= $4::timestamptz";
    return this.claim(
      `own AS (SELECT id FROM case_timer WHERE id = $1 AND deadline_version = $2 AND ${pending} FOR UPDATE),
       others AS (
         SELECT id FROM case_timer
          WHERE ${pending} AND id IS DISTINCT FROM $1 AND ($1::uuid IS NULL OR EXISTS (SELECT 1 FROM own))
          ORDER BY warn_at LIMIT $3 FOR UPDATE SKIP LOCKED),
       fired AS (
         UPDATE case_timer t SET warned_at = $4
           FROM (SELECT id FROM own UNION SELECT id FROM others) c
          WHERE t.id = c.id AND ${pending}
         RETURNING t.case_id, t.timer)`,
      [own?.timerId ?? null, own?.deadlineVersion ?? null, limit, now],
    );
  }

  private async claim(ctes: string, params: unknown[]): Promise<FiredTimer[]> {
    const rows = await this.db.manager.query<FiredRow[]>(
      `WITH ${ctes}
       SELECT f.case_id, f.timer, c.version, c.assignee_id, c.org_unit_id, c.owner_path, c.number
         FROM fired f JOIN "case" c ON c.id = f.case_id`,
      params,
    );
    return rows.map((row) => ({
      caseId: row.case_id,
      timer: row.timer,
      caseVersion: row.version,
      assigneeId: row.assignee_id,
      unitId: row.org_unit_id,
      parentUnitId: parentUnitIdOf(row.owner_path),
      caseNumber: row.number,
    }));
  }
}
