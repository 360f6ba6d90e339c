import { CaseEventType } from 'src/cases/case-event.entity';
import { BusinessCalendar } from 'src/sla/business-calendar';
import { clockRuleOf, clockStartsOf } from 'src/sla/clock-rules';
import { CaseCategory, CaseKind, CasePriority, CaseStatus } from 'src/cases/case.enums';
import { EventRow, TimerRow } from 'src/seed/history/history.types';
import { Rng } from 'src/seed/history/rng';
import { choosePolicy, ruleLimitMs, SlaPolicy } from 'src/sla/sla.types';
import { TimerName, TimerState } from 'src/cases/case-clock.enums';

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
 * The case's clocks as the live clock hook would have left them after these events (both run the clock rules), and the warning and breach events the
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

  const facts = {
    status: subject.closedAtIntake ? CaseStatus.Closed : CaseStatus.Received,
    disputeArisenOn: subject.disputeArisenOn,
  };
  for (const event of events) {
    const rule = clockRuleOf(event.type, event.data);
    if (!rule) continue;
    const at = event.occurredAt;
    end([...(rule.stop ?? [])], at, false);
    end([...(rule.cancel ?? [])], at, true);
    for (const clock of clockStartsOf(event.type, rule, facts, new Date(at)))
      start(clock.timer, at, clock.from.getTime());
  }
  for (const clock of active.values()) runUntil(clock, until);
  return { timers, slaEvents };
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
