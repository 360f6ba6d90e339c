import { CaseCategory, CaseKind, CasePriority } from 'src/cases/case.enums';
import { CalendarMode } from 'src/sla/business-calendar';

export enum TimerName {
  FirstContact = 'first_contact',
  Acceptance = 'acceptance',
  Mediation = 'mediation',
  Resolution = 'resolution',
  Callback = 'callback',
  Instalment = 'instalment',
  Limitation = 'limitation',
}

export enum TimerState {
  Running = 'running',
  Paused = 'paused',
  Met = 'met',
  Breached = 'breached',
  Cancelled = 'cancelled',
}

export const ACTIVE_TIMER_STATES: readonly TimerState[] = [TimerState.Running, TimerState.Paused];

export interface TimerRule {
  amount: number;
  unit: 'seconds' | 'hours' | 'days';
  mode: CalendarMode;
  /** Fraction of the limit at which the timer warns (0 < warnAt < 1). */
  warnAt: number;
}

export interface PolicyMatch {
  kind?: CaseKind;
  category?: CaseCategory;
  priority?: CasePriority;
}

export interface SlaPolicy {
  code: string;
  version: number;
  match: PolicyMatch;
  timers: Partial<Record<TimerName, TimerRule>>;
}

const UNIT_MS: Record<TimerRule['unit'], number> = { seconds: 1000, hours: 3600 * 1000, days: 24 * 3600 * 1000 };

export function ruleLimitMs(rule: TimerRule): number {
  return rule.amount * UNIT_MS[rule.unit];
}

/**
 * The policy for a case: among those whose every match field equals the case's, the one with the most match
 * fields; ties go to the earlier policy. A policy with an empty match is the catch-all.
 */
export function choosePolicy<P extends Pick<SlaPolicy, 'match'>>(
  policies: readonly P[],
  subject: { kind: CaseKind; category: CaseCategory; priority: CasePriority },
): P | undefined {
  let best: P | undefined;
  let bestScore = -1;
  for (const policy of policies) {
    const fields = Object.entries(policy.match) as [keyof PolicyMatch, string][];
    const facts: Record<keyof PolicyMatch, string> = subject;
    if (!fields.every(([field, value]) => facts[field] === value)) continue;
    if (fields.length > bestScore) {
      best = policy;
      bestScore = fields.length;
    }
  }
  return best;
}
