import { Injectable } from '@nestjs/common';
import { CaseCategory, CaseKind, CasePriority } from 'src/cases/case.enums';
import { CalendarService } from 'src/sla/calendar.service';
import { CaseTimerRepository, NewTimer } from 'src/sla/case-timer.repository';
import { DomainError } from 'src/common/errors/domain.error';
import { ErrorCode } from 'src/common/errors/error-code';
import { DbContext } from 'src/database/db-context';
import { CaseTimerEntity } from 'src/sla/case-timer.entity';
import { Clock } from 'src/sla/clock';
import { TimerScheduler } from 'src/sla/timer-scheduler';
import { SlaPolicyEntity } from 'src/sla/sla-policy.entity';
import { SlaPolicyRepository } from 'src/sla/sla-policy.repository';
import { choosePolicy, ruleLimitMs, TimerName, TimerState } from 'src/sla/sla.types';

/**
 * Starts and stops a case's clocks. Called by intake and workflow commands inside their transaction, so a clock
 * changes exactly when the case does. (Firing warnings and breaches through BullMQ is the next step.)
 */
const POLICY_CACHE_MS = 60 * 1000;

@Injectable()
export class SlaService {
  private policyCache?: { policies: SlaPolicyEntity[]; loadedAt: number };

  constructor(
    private readonly policies: SlaPolicyRepository,
    private readonly timers: CaseTimerRepository,
    private readonly calendars: CalendarService,
    private readonly clock: Clock,
    private readonly db: DbContext,
    private readonly scheduler: TimerScheduler,
  ) {}

  /**
   * Starts clocks for the case under its policy (one INSERT); clocks the policy does not define are skipped.
   * Policies are held in memory for a minute: they change rarely, and intake should not pay a query for them.
   */
  async start(
    entity: { id: string; kind: CaseKind; category: CaseCategory; priority: CasePriority },
    clocks: { timer: TimerName; from?: Date; ref?: string }[],
  ): Promise<void> {
    const policy = choosePolicy(await this.currentPolicies(), entity);
    if (!policy) return;
    const calendar = await this.calendars.calendar();
    const rows: NewTimer[] = [];
    for (const clock of clocks) {
      const rule = policy.timers[clock.timer];
      if (!rule) continue;
      const startedAt = clock.from ?? this.clock.now();
      const limit = ruleLimitMs(rule);
      const mode = rule.mode;
      rows.push({
        caseId: entity.id,
        timer: clock.timer,
        ref: clock.ref ?? '',
        state: TimerState.Running,
        policyCode: policy.code,
        policyVersion: policy.version,
        limitMs: String(limit),
        mode: rule.mode,
        warnFraction: rule.warnAt,
        startedAt,
        warnAt: new Date(calendar.deadline(startedAt.getTime(), Math.round(limit * rule.warnAt), mode)),
        dueAt: new Date(calendar.deadline(startedAt.getTime(), limit, mode)),
      });
    }
    const started = await this.timers.start(rows);
    // After commit: a rolled-back command must not leave jobs behind (the reconciler would ignore them anyway).
    await this.db.afterCommit(() => this.scheduler.arm(started));
  }

  private async currentPolicies(): Promise<SlaPolicyEntity[]> {
    const now = Date.now();
    if (!this.policyCache || now - this.policyCache.loadedAt > POLICY_CACHE_MS) {
      this.policyCache = { policies: await this.policies.all(), loadedAt: now };
    }
    return this.policyCache.policies;
  }

  /** Stops a running clock's time from counting (waiting for the worker's evidence). */
  async pause(caseId: string, timerId: string): Promise<CaseTimerEntity> {
    const timer = await this.requireClock(caseId, timerId, TimerState.Running, 'pause');
    await this.timers.pause(timer.id, this.clock.now());
    return timer;
  }

  /**
   * Restarts a paused clock: what was left of its limit when paused (in its calendar's time) is counted again
   * from now, so the due time moves by the time paused (for working-day clocks, the working time paused).
   */
  async resume(caseId: string, timerId: string): Promise<CaseTimerEntity> {
    const timer = await this.requireClock(caseId, timerId, TimerState.Paused, 'resume');
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

  private async requireClock(
    caseId: string,
    timerId: string,
    state: TimerState,
    action: string,
  ): Promise<CaseTimerEntity> {
    const timer = await this.timers.lockOfCase(caseId, timerId);
    if (!timer) throw new DomainError(ErrorCode.NotFound, 'Timer not found on this case');
    if (timer.state !== state) {
      throw new DomainError(ErrorCode.IllegalTransition, `Cannot ${action} a ${timer.state} timer`, {
        state: timer.state,
      });
    }
    return timer;
  }

  async stop(caseId: string, timers: TimerName[]): Promise<void> {
    await this.timers.stop(caseId, timers, this.clock.now());
  }

  async cancel(caseId: string, timers: TimerName[]): Promise<void> {
    await this.timers.stop(caseId, timers, this.clock.now(), true);
  }
}
