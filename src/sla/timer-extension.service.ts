import { Injectable } from '@nestjs/common';
import { DomainError } from 'src/common/errors/domain.error';
import { ErrorCode } from 'src/common/errors/error-code';
import { DbContext } from 'src/database/db-context';
import { CalendarService } from 'src/sla/calendar.service';
import { CaseTimerEntity } from 'src/sla/case-timer.entity';
import { CaseTimerRepository } from 'src/sla/case-timer.repository';
import { Clock } from 'src/common/util/clock';
import { extendedDeadlines, extensionLeftMs } from 'src/sla/extension';
import { SlaService } from 'src/sla/sla.service';
import { durationMs } from 'src/sla/sla.types';
import { ACTIVE_TIMER_STATES, TimerState } from 'src/cases/case-clock.enums';
import { ExtensionState, ExtensionUnit, TimerExtensionRequestEntity } from 'src/sla/timer-extension.entity';
import { TimerExtensionRepository } from 'src/sla/timer-extension.repository';
import { TimerScheduler } from 'src/sla/timer-scheduler';

export interface ExtensionAsk {
  amount: number;
  unit: ExtensionUnit;
  reason: string;
  requestedBy: string;
}

export interface ExtensionOutcome {
  request: TimerExtensionRequestEntity;
  timer: CaseTimerEntity;
}

/**
 * Extensions of a clock's deadline: asked for on a running clock, decided once by someone else, and capped per
 * clock by the rule it started under. Runs in the caller's transaction; the clock row is locked first, then the
 * request, in every path, so a request and a decision about one clock cannot deadlock.
 */
@Injectable()
export class TimerExtensions {
  constructor(
    private readonly sla: SlaService,
    private readonly timers: CaseTimerRepository,
    private readonly requests: TimerExtensionRepository,
    private readonly calendars: CalendarService,
    private readonly clock: Clock,
    private readonly db: DbContext,
    private readonly scheduler: TimerScheduler,
  ) {}

  async request(caseId: string, timerId: string, ask: ExtensionAsk): Promise<ExtensionOutcome> {
    const timer = await this.sla.requireClock(caseId, timerId, [TimerState.Running], 'extend');
    const amountMs = durationMs(ask.amount, ask.unit);
    this.checkCap(timer, amountMs);
    if (await this.requests.hasPending(timer.id)) {
      throw new DomainError(ErrorCode.Conflict, 'This timer already has an extension request waiting for a decision');
    }
    const request = await this.requests.insert({
      caseId,
      timerId: timer.id,
      amount: ask.amount,
      unit: ask.unit,
      amountMs: String(amountMs),
      reason: ask.reason,
      requestedBy: ask.requestedBy,
    });
    return { request, timer };
  }

  /**
   * Moves the clock's deadlines by the amount asked (in its own calendar), bumps its deadline version (old jobs
   * then do nothing) and arms new jobs after commit. A paused clock gets the new deadlines for when it resumes.
   */
  async approve(
    caseId: string,
    timerId: string,
    requestId: string,
    decidedBy: string,
    note: string,
  ): Promise<ExtensionOutcome> {
    const { timer, request } = await this.lockUndecided(caseId, timerId, requestId, decidedBy);
    if (!ACTIVE_TIMER_STATES.includes(timer.state)) {
      throw new DomainError(ErrorCode.IllegalTransition, `Cannot extend a ${timer.state} timer`, {
        state: timer.state,
      });
    }
    this.sla.assertNotOverdue(timer, 'extend');
    const amountMs = Number(request.amountMs);
    this.checkCap(timer, amountMs);
    const moved = extendedDeadlines(
      await this.calendars.calendar(),
      {
        warnAt: timer.warnAt,
        dueAt: timer.dueAt,
        warned: timer.warnedAt !== null,
        mode: timer.mode,
      },
      amountMs,
    );
    const armable = await this.timers.extend(timer.id, amountMs, moved.warnAt, moved.dueAt);
    if (timer.state === TimerState.Running) await this.db.afterCommit(() => this.scheduler.arm([armable]));
    const decided = await this.requests.decide(request.id, ExtensionState.Approved, decidedBy, this.clock.now(), note);
    return {
      request: decided,
      timer: Object.assign(timer, {
        warnAt: moved.warnAt,
        dueAt: moved.dueAt,
        extendedMs: String(Number(timer.extendedMs) + amountMs),
      }),
    };
  }

  async reject(
    caseId: string,
    timerId: string,
    requestId: string,
    decidedBy: string,
    note: string,
  ): Promise<ExtensionOutcome> {
    const { timer, request } = await this.lockUndecided(caseId, timerId, requestId, decidedBy);
    const decided = await this.requests.decide(request.id, ExtensionState.Rejected, decidedBy, this.clock.now(), note);
    return { request: decided, timer };
  }

  async listForCase(caseId: string): Promise<TimerExtensionRequestEntity[]> {
    return this.requests.listForCase(caseId, 200);
  }

  private async lockUndecided(
    caseId: string,
    timerId: string,
    requestId: string,
    decidedBy: string,
  ): Promise<ExtensionOutcome> {
    const timer = await this.timers.lockOfCase(caseId, timerId);
    const request = timer && (await this.requests.lockOf(caseId, timer.id, requestId));
    if (!timer || !request) throw new DomainError(ErrorCode.NotFound, 'Extension request not found on this timer');
    if (request.state !== ExtensionState.Pending) {
      throw new DomainError(ErrorCode.IllegalTransition, `The request was already ${request.state}`, {
        state: request.state,
      });
    }
    if (request.requestedBy === decidedBy) {
      throw new DomainError(ErrorCode.Forbidden, 'An extension must be decided by someone other than who asked');
    }
    return { timer, request };
  }

  private checkCap(timer: CaseTimerEntity, amountMs: number): void {
    const left = extensionLeftMs({
      extendedMs: Number(timer.extendedMs),
      maxExtensionMs: Number(timer.maxExtensionMs),
    });
    if (amountMs > left) {
      throw new DomainError(
        ErrorCode.ExtensionCapExceeded,
        left === 0
          ? 'This timer cannot be extended any further'
          : 'The extension is more than this timer may still get',
        { maxExtensionMs: Number(timer.maxExtensionMs), extendedMs: Number(timer.extendedMs), leftMs: left },
      );
    }
  }
}
