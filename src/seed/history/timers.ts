import { CaseEventType } from 'src/cases/case-event.entity';
import { BusinessCalendar } from 'src/sla/business-calendar';
import { CLOSING_EVENTS } from 'src/sla/sla-hooks';
import { CaseCategory, CaseKind, CasePriority } from 'src/cases/case.enums';
import { EventRow, TimerRow } from 'src/seed/history/history.types';
import { Rng } from 'src/seed/history/rng';
import { choosePolicy, ruleLimitMs, SlaPolicy, TimerName, TimerState } from 'src/sla/sla.types';

export interface TimerSubject {
  id: string;
  kind: CaseKind;
  category: CaseCategory;
  priority: CasePriority;
  disputeArisenOn: string | null;
  /** Created closed (a consultation answered on the spot): no clocks start. */
  closedAtIntake: boolean;
}

interface Clock {
  row: TimerRow;
  /** When the clock was inserted: a warning or breach already due then fires at once. */
  insertedAt: number;
}

/**
 * The case's clocks as SlaHooks would have left them after these events, and the warning and breach events the
 * firing jobs would have appended: a clock still running at its warning time is warned (warned_at = when the
 * job ran); one still running at its due time is breached at its due time, and a later stop or cancel no longer
 * touches it (the stop UPDATE only changes active clocks). Clocks active at `until` stay running.
 */
export function deriveTimers(
  subject: TimerSubject,
  events: readonly EventRow[],
  policies: readonly SlaPolicy[],
  calendar: BusinessCalendar,
  until: number,
  rng: Rng,
): { timers: TimerRow[]; slaEvents: EventRow[] } {
  const policy = choosePolicy(policies, subject);
  const timers: TimerRow[] = [];
  const slaEvents: EventRow[] = [];
  const active = new Map<TimerName, Clock>();
  if (!policy) return { timers, slaEvents };

  const fire = (clock: Clock, type: CaseEventType.SlaWarning | CaseEventType.SlaBreached, at: number) =>
    slaEvents.push({
      caseId: subject.id,
      type,
      actorId: null,
      occurredAt: Math.max(at, clock.insertedAt),
      version: 0,
      data: { timer: clock.row.timer },
    });
  const start = (timer: TimerName, at: number, from = at) => {
    const rule = policy.timers[timer];
    if (!rule || active.has(timer)) return;
    const limit = ruleLimitMs(rule);
    const row: TimerRow = {
      id: rng.uuid(),
      caseId: subject.id,
      timer,
      state: TimerState.Running,
      policyCode: policy.code,
      policyVersion: policy.version,
      limitMs: limit,
      mode: rule.mode,
      warnFraction: rule.warnAt,
      startedAt: from,
      warnAt: calendar.deadline(from, Math.round(limit * rule.warnAt), rule.mode),
      dueAt: calendar.deadline(from, limit, rule.mode),
      warnedAt: null,
      metAt: null,
      breachedAt: null,
    };
    timers.push(row);
    active.set(timer, { row, insertedAt: at });
  };
  /** What the jobs did while the clock ran up to `at`; returns whether it was breached by then. */
  const runUntil = (clock: Clock, at: number): boolean => {
    const row = clock.row;
    if (row.warnAt < at) {
      row.warnedAt = Math.max(row.warnAt, clock.insertedAt);
      fire(clock, CaseEventType.SlaWarning, row.warnAt);
    }
    if (row.dueAt < at) {
      row.state = TimerState.Breached;
      row.breachedAt = row.dueAt;
      fire(clock, CaseEventType.SlaBreached, row.dueAt);
      return true;
    }
    return false;
  };
  const end = (timers: TimerName[], at: number, cancel: boolean) => {
    for (const timer of timers) {
      const clock = active.get(timer);
      if (!clock) continue;
      active.delete(timer);
      if (runUntil(clock, at)) continue;
      clock.row.state = cancel ? TimerState.Cancelled : TimerState.Met;
      clock.row.metAt = cancel ? null : at;
    }
  };

  for (const event of events) {
    const at = event.occurredAt;
    if (event.type === CaseEventType.Received) {
      if (subject.closedAtIntake) continue;
      start(TimerName.FirstContact, at);
      start(TimerName.Resolution, at);
      if (subject.disputeArisenOn !== null) {
        start(TimerName.Limitation, at, Date.parse(`${subject.disputeArisenOn}T00:00:00+08:00`));
      }
    } else if (CLOSING_EVENTS.includes(event.type)) {
      end([TimerName.Resolution], at, false);
      end([TimerName.FirstContact, TimerName.Acceptance, TimerName.Mediation, TimerName.Limitation], at, true);
      start(TimerName.Callback, at);
    } else {
      onEvent(event, at, start, end);
    }
  }
  for (const clock of active.values()) runUntil(clock, until);
  return { timers, slaEvents };
}

function onEvent(
  event: EventRow,
  at: number,
  start: (timer: TimerName, at: number) => void,
  end: (timers: TimerName[], at: number, cancel: boolean) => void,
): void {
  switch (event.type) {
    case CaseEventType.Dispatched:
    case CaseEventType.Transferred:
      end([TimerName.Acceptance], at, true);
      start(TimerName.Acceptance, at);
      return;
    case CaseEventType.Accepted:
    case CaseEventType.Returned:
      end([TimerName.Acceptance], at, false);
      return;
    case CaseEventType.ContactRecorded:
      if (event.data.firstWorkerContact === true) end([TimerName.FirstContact], at, false);
      return;
    case CaseEventType.MediationStarted:
      start(TimerName.Mediation, at);
      return;
    case CaseEventType.AgreementRecorded:
    case CaseEventType.NoAgreement:
      end([TimerName.Mediation], at, false);
      return;
    case CaseEventType.StageRecorded:
      if (event.data.stage === 'arbitration' && event.data.filedOn !== null) end([TimerName.Limitation], at, false);
      return;
    case CaseEventType.CallbackRecorded:
      end([TimerName.Callback], at, false);
      return;
    case CaseEventType.Reopened:
      end([TimerName.Callback], at, true);
      start(TimerName.Resolution, at);
      return;
    default:
      return;
  }
}

/** Puts the firing jobs' events into the timeline, each with the case version current at its time. */
export function mergeTimeline(story: readonly EventRow[], sla: EventRow[]): EventRow[] {
  if (sla.length === 0) return [...story];
  sla.sort((a, b) => a.occurredAt - b.occurredAt);
  const merged: EventRow[] = [];
  let i = 0;
  let version = 1;
  for (const event of sla) {
    while (i < story.length && (story[i]?.occurredAt ?? Infinity) <= event.occurredAt) {
      const next = story[i++];
      if (!next) break;
      merged.push(next);
      version = next.version;
    }
    merged.push({ ...event, version });
  }
  while (i < story.length) {
    const next = story[i++];
    if (next) merged.push(next);
  }
  return merged;
}
