import { Label, zhOf } from 'src/common/util/label';
import { CaseCategory, CaseKind, CasePriority } from 'src/cases/case.enums';
import { CalendarMode } from 'src/sla/business-calendar';
import { TimerName } from 'src/cases/case-clock.enums';

export interface TimerRule {
  amount: number;
  unit: 'seconds' | 'hours' | 'days';
  mode: CalendarMode;
  /** Fraction of the limit at which the timer warns (0 < warnAt < 1). */
  warnAt: number;
  /**
   * The most a dispatcher may extend one clock by, in total, in `unit` of the clock's calendar (so working days for
   * a working-day clock). Absent: 0, the clock cannot be extended.
   */
  maxExtension?: number;
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

export function ruleMaxExtensionMs(rule: TimerRule): number {
  return (rule.maxExtension ?? 0) * UNIT_MS[rule.unit];
}

export function durationMs(amount: number, unit: TimerRule['unit']): number {
  return amount * UNIT_MS[unit];
}

/** How people name the clocks (notifications, the dashboard). */
export const TIMER_LABELS: Record<TimerName, Label> = {
  [TimerName.FirstContact]: { zh: '首次联系', en: 'First contact' },
  [TimerName.Acceptance]: { zh: '签收', en: 'Acceptance' },
  [TimerName.Mediation]: { zh: '调解', en: 'Mediation' },
  [TimerName.Resolution]: { zh: '办结', en: 'Resolution' },
  [TimerName.Callback]: { zh: '回访', en: 'Callback' },
  [TimerName.Instalment]: { zh: '分期付款', en: 'Instalment' },
  [TimerName.Limitation]: { zh: '仲裁时效', en: 'Limitation' },
};

export const TIMER_LABEL = zhOf(TIMER_LABELS);

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
