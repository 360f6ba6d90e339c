import { Injectable } from '@nestjs/common';
import { CaseCategory, CaseKind, CasePriority } from 'src/cases/case.enums';
import { DomainError } from 'src/common/errors/domain.error';
import { ErrorCode } from 'src/common/errors/error-code';
import { DbContext } from 'src/database/db-context';
import { CalendarService } from 'src/sla/calendar.service';
import { CaseTimerEntity } from 'src/sla/case-timer.entity';
import { CaseTimerRepository, NewTimer } from 'src/sla/case-timer.repository';
import { Clock } from 'src/common/util/clock';
import { PolicyCatalog } from 'src/sla/policy-catalog';
import { choosePolicy, ruleLimitMs, ruleMaxExtensionMs } from 'src/sla/sla.types';
import { TimerName, TimerState } from 'src/cases/case-clock.enums';
import { TimerFiringRepository } from 'src/sla/timer-firing.repository';
import { TimerScheduler } from 'src/sla/timer-scheduler';
import { SlaAlerts } from 'src/sla/sla-alerts';

/** A clock to start: from now or `from`; `dueAt` for a clock whose deadline is a date (an agreed instalment). */
export interface ClockStart {
  timer: TimerName;
  from?: Date;
  /** What the clock is about when a case has several of its kind (an instalment id). */
  ref?: string;
  dueAt?: Date;
}

/**
 * Starts, stops, pauses and resumes a case's clocks. Called by intake and workflow commands inside their
 * transaction, so a clock changes exactly when the case does; firing jobs are armed after commit.
 */
@Injectable()
export class SlaService {
  constructor(
    private readonly policies: PolicyCatalog,
    private readonly timers: CaseTimerRepository,
    private readonly calendars: CalendarService,
    private readonly clock: Clock,
    private readonly db: DbContext,
    private readonly scheduler: TimerScheduler,
    private readonly firing: TimerFiringRepository,
    private readonly alerts: SlaAlerts,
  ) {}

  /**
   * Starts clocks for the case under its policy (one INSERT), copying the rule into each; clocks the policy does
   * not define are skipped. For a dated clock the rule's amount is a grace period after the date.
   */
  async start(
    entity: { id: string; kind: CaseKind; category: CaseCategory; priority: CasePriority },
    clocks: ClockStart[],
  ): Promise<void> {
    const policy = choosePolicy(await this.policies.current(), entity);
    if (!policy) return;
    const calendar = await this.calendars.calendar();
    const rows: NewTimer[] = [];
    for (const clock of clocks) {
      const rule = policy.timers[clock.timer];
      if (!rule) continue;
      const startedAt = clock.from ?? this.clock.now();
      const start = startedAt.getTime();
      const mode = rule.mode;
      const due =
        clock.dueAt === undefined
          ? calendar.deadline(start, ruleLimitMs(rule), mode)
          : calendar.deadline(clock.dueAt.getTime(), ruleLimitMs(rule), mode);
      const limit = clock.dueAt === undefined ? ruleLimitMs(rule) : calendar.elapsed(start, due, mode);
      rows.push({
        caseId: entity.id,
        timer: clock.timer,
        ref: clock.ref ?? '',
        state: TimerState.Running,
        policyCode: policy.code,
        policyVersion: policy.version,
        limitMs: String(limit),
        mode,
        warnFraction: rule.warnAt,
        maxExtensionMs: String(ruleMaxExtensionMs(rule)),
        startedAt,
        warnAt: new Date(Math.min(calendar.deadline(start, Math.round(limit * rule.warnAt), mode), due)),
        dueAt: new Date(due),
      });
    }
    const started = await this.timers.start(rows);
    // After commit: a rolled-back command must not leave jobs behind (the reconciler would ignore them anyway).
    await this.db.afterCommit(() => this.scheduler.arm(started));
  }

  /** Stops a running clock's time from counting (waiting for the worker's evidence). */
  async pause(caseId: string, timerId: string): Promise<CaseTimerEntity> {
    const timer = await this.requireClock(caseId, timerId, [TimerState.Running], 'pause');
    await this.timers.pause(timer.id, this.clock.now());
    return timer;
  }

  /**
   * Restarts a paused clock: what was left of its limit when paused (in its calendar's time) is counted again
   * from now, so the due time moves by the time paused (for working-day clocks, the working time paused).
   */
  async resume(caseId: string, timerId: string): Promise<CaseTimerEntity> {
    const timer = await this.requireClock(caseId, timerId, [TimerState.Paused], 'resume');
    const calendar = await this.calendars.calendar();
    const mode = timer.mode;
    const now = this.clock.now();
    const pausedAt = (timer.pausedSince ?? now).getTime();
    const moved = (instant: Date) =>
      new Date(calendar.deadline(now.getTime(), calendar.elapsed(pausedAt, instant.getTime(), mode), mode));
    const armable = await this.timers.resume(
      timer.id,
      now,
      timer.warnedAt === null ? moved(timer.warnAt) : timer.warnAt,
      moved(timer.dueAt),
    );
    await this.db.afterCommit(() => this.scheduler.arm([armable]));
    return timer;
  }

  /** A clock of the case, locked for the transaction: 404 if it is not on the case, 409 if not in `states`. */
  async requireClock(
    caseId: string,
    timerId: string,
    states: readonly TimerState[],
    action: string,
  ): Promise<CaseTimerEntity> {
    const timer = await this.timers.lockOfCase(caseId, timerId);
    if (!timer) throw new DomainError(ErrorCode.NotFound, 'Timer not found on this case');
    if (!states.includes(timer.state)) {
      throw new DomainError(ErrorCode.IllegalTransition, `Cannot ${action} a ${timer.state} timer`, {
        state: timer.state,
      });
    }
    this.assertNotOverdue(timer, action);
    return timer;
  }

  /** A running clock past its due time is a breach waiting to be recorded: pausing or extending it would hide it. */
  assertNotOverdue(timer: Pick<CaseTimerEntity, 'state' | 'dueAt'>, action: string): void {
    if (timer.state === TimerState.Running && timer.dueAt.getTime() <= this.clock.now().getTime()) {
      throw new DomainError(ErrorCode.IllegalTransition, `Cannot ${action} a timer already past its due time`, {
        dueAt: timer.dueAt,
      });
    }
  }

  /**
   * Stops active clocks: met when on time. A running clock already past due is breached instead — stopped or
   * cancelled too late, whether or not its job has fired — and its breach is recorded (event, notifications) as
   * the firing job would, just before the transaction commits; the response rate must not depend on how fast a worker
   * was. `refs` narrows it to the clocks about those things.
   */
  async stop(caseId: string, timers: TimerName[], refs?: string[]): Promise<void> {
    return this.end(caseId, timers, false, refs);
  }

  /** As stop, but an on-time clock is cancelled (no longer needed) rather than met. */
  async cancel(caseId: string, timers: TimerName[], refs?: string[]): Promise<void> {
    return this.end(caseId, timers, true, refs);
  }

  private async end(caseId: string, timers: TimerName[], cancel: boolean, refs?: string[]): Promise<void> {
    if (timers.length === 0 || refs?.length === 0) return;
    const now = this.clock.now();
    const late = await this.firing.breachOverdue(caseId, timers, now, refs);
    await this.timers.stop(caseId, timers, now, cancel, refs);
    if (late.length > 0) await this.db.beforeCommit(() => this.alerts.record(late, 'breach'));
  }
}
