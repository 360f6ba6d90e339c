import policyFile from 'config/sla-policies.json';
import { CaseCategory, CaseKind, CasePriority } from 'src/cases/case.enums';
import { choosePolicy, ruleLimitMs, SlaPolicy } from 'src/sla/sla.types';
import { TimerName } from 'src/cases/case-clock.enums';

const policies = policyFile.policies as unknown as SlaPolicy[];
const subject = (priority: CasePriority, category = CaseCategory.WageArrears) => ({
  kind: CaseKind.LabourDispute,
  category,
  priority,
});

describe('SLA policy choice', () => {
  it('uses the catch-all by default and the critical policy for critical cases', () => {
    expect(choosePolicy(policies, subject(CasePriority.Normal))?.code).toBe('default');
    expect(choosePolicy(policies, subject(CasePriority.Critical))?.code).toBe('critical');
  });

  it('prefers the policy matching more fields, then the earlier one', () => {
    const custom = [
      { code: 'a', match: { priority: CasePriority.Urgent } },
      { code: 'b', match: { priority: CasePriority.Urgent, category: CaseCategory.WorkInjury } },
      { code: 'c', match: { category: CaseCategory.WorkInjury } },
      { code: 'any', match: {} },
    ];
    expect(choosePolicy(custom, subject(CasePriority.Urgent, CaseCategory.WorkInjury))?.code).toBe('b');
    expect(choosePolicy(custom, subject(CasePriority.Normal, CaseCategory.WorkInjury))?.code).toBe('c');
    expect(choosePolicy(custom, subject(CasePriority.Urgent))?.code).toBe('a');
    expect(choosePolicy(custom, subject(CasePriority.Normal))?.code).toBe('any');
    expect(choosePolicy(custom.slice(0, 3), subject(CasePriority.Normal))).toBeUndefined();
  });

  it('carries the spec defaults', () => {
    const byCode = Object.fromEntries(policies.map((p) => [p.code, p]));
    const limit = (code: string, timer: TimerName) => {
      const rule = byCode[code]?.timers[timer];
      return rule ? ruleLimitMs(rule) / 3600000 : undefined;
    };
    expect(limit('default', TimerName.FirstContact)).toBe(24);
    expect(limit('critical', TimerName.FirstContact)).toBe(2);
    expect(limit('default', TimerName.Resolution)).toBe(15 * 24);
    expect(limit('critical', TimerName.Resolution)).toBe(5 * 24);
    expect(byCode.default?.timers.resolution?.mode).toBe('working_days');
    // The limitation clock warns with 30 of its 365 days left.
    expect(Math.round((1 - (byCode.default?.timers.limitation?.warnAt ?? 0)) * 365)).toBe(30);
  });
});
