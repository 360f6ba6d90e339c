import { CaseEventType } from 'src/cases/case-event.entity';
import { BusinessCalendar } from 'src/sla/business-calendar';
import { CaseStatus } from 'src/cases/case.enums';
import { CaseRow, EventRow, HistoryBatch } from 'src/seed/history/history.types';
import { Rng } from 'src/seed/history/rng';
import { HOUR_MS } from 'src/sla/business-calendar';

/** Thrown when the story reaches the end of the history: the case stays as it is at that moment. */
export class EndOfHistory extends Error {
  constructor() {
    super('end of history');
  }
}

/** Which fields a command may change on the case row (the rest are fixed at intake). */
export type CaseChanges = Partial<
  Pick<
    CaseRow,
    | 'status'
    | 'outcome'
    | 'proposedOutcome'
    | 'closedAt'
    | 'assigneeId'
    | 'orgUnitId'
    | 'ownerPath'
    | 'dispatchedFromUnitId'
    | 'firstWorkerContactAt'
    | 'lastCallbackResult'
    | 'reopenCount'
    | 'agreedFen'
    | 'awardedFen'
    | 'recoveredFen'
    | 'legalAidEligible'
    | 'legalStage'
  >
>;

/**
 * One case's history as it is written: a clock that only moves forward, the case row as it stands, the
 * timeline (each change bumps the version like CaseRepository.updateIfVersion) and the side rows.
 */
export class Story {
  t: number;
  readonly events: EventRow[] = [];
  /**
   * Multiplies the waits between steps: 1 for most cases; large for the few that stall (a worker who does not
   * send evidence, an employer who cannot be found), which keeps a realistic tail of old open cases.
   */
  pace = 1;
  /** A recent case that gets stuck once it reaches this status (the live backlog: every status has some). */
  stallIn: CaseStatus | undefined;

  constructor(
    readonly rng: Rng,
    readonly row: CaseRow,
    readonly out: HistoryBatch,
    private readonly calendar: BusinessCalendar,
    private readonly until: number,
  ) {
    this.t = row.receivedAt;
  }

  get status(): CaseStatus {
    return this.row.status;
  }

  /** Moves the clock forward by `ms` of wall-clock time (at least one second, so events stay ordered). */
  wait(ms: number): number {
    const next = this.t + Math.max(1000, Math.round(ms));
    if (next >= this.until || this.row.status === this.stallIn) throw new EndOfHistory();
    this.t = next;
    return next;
  }

  /** Moves forward by `ms` of working time (weekends and holidays do not count), times the pace. */
  waitWorking(ms: number): number {
    return this.wait(this.afterWorking(ms) - this.t);
  }

  /** The instant `ms` of working time from now (the clock does not move). */
  afterWorking(ms: number): number {
    return this.calendar.addWorkingTime(this.t, Math.max(1000, Math.round(ms * this.pace)));
  }

  /** Waits a log-normal number of hours (`median`, `sigma`), in working time when `working`, times the pace. */
  waitHours(median: number, sigma: number, working = false): number {
    const ms = this.rng.logNormal(median, sigma) * HOUR_MS;
    return working ? this.waitWorking(ms) : this.wait(ms * this.pace);
  }

  /** Waits until a given instant (or one second, if it has passed). */
  waitUntil(instant: number): number {
    return this.wait(instant - this.t);
  }

  /** A command's change: the row is updated, its version bumped, and the event appended. */
  apply(type: CaseEventType, actorId: string, data: Record<string, unknown>, changes: CaseChanges = {}): void {
    Object.assign(this.row, changes);
    this.row.version += 1;
    this.row.updatedAt = this.t;
    this.events.push({ caseId: this.row.id, type, actorId, occurredAt: this.t, version: this.row.version, data });
  }

  /** An event that does not change the case row (received, an attached call). */
  note(type: CaseEventType, actorId: string | null, data: Record<string, unknown>): void {
    this.events.push({
      caseId: this.row.id,
      type,
      actorId,
      occurredAt: this.t,
      version: this.row.version,
      data,
    });
  }
}
