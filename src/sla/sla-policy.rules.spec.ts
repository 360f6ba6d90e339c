import policyFile from 'config/sla-policies.json';
import { policyRuleErrors } from 'src/sla/sla-policy.rules';

const rule = (overrides: Record<string, unknown> = {}) => ({
  amount: 15,
  unit: 'days',
  mode: 'working_days',
  warnAt: 0.75,
  maxExtension: 15,
  ...overrides,
});
const fields = (timers: unknown) => policyRuleErrors(timers).map((e) => e.field);

describe('SLA policy rules', () => {
  it('accepts the seeded policies', () => {
    for (const policy of policyFile.policies)
      expect({ [policy.code]: policyRuleErrors(policy.timers) }).toEqual({ [policy.code]: [] });
  });

  it('names every bad field at once', () => {
    expect(
      fields({
        resolution: rule({ amount: 0, warnAt: 1 }),
        callback: rule({ unit: 'weeks', mode: 'lunar', maxExtension: -1 }),
      }),
    ).toEqual([
      'timers.resolution.amount',
      'timers.resolution.warnAt',
      'timers.callback.unit',
      'timers.callback.mode',
      'timers.callback.maxExtension',
    ]);
  });

  it('lets only an instalment have no limit beyond its date, and no rule run over five years', () => {
    expect(fields({ instalment: rule({ amount: 0, mode: 'natural' }) })).toEqual([]);
    expect(fields({ first_contact: rule({ amount: 0 }) })).toEqual(['timers.first_contact.amount']);
    expect(fields({ limitation: rule({ amount: 2000 }) })).toEqual(['timers.limitation.amount']);
    expect(fields({ resolution: rule({ amount: 1.5 }) })).toEqual(['timers.resolution.amount']);
    expect(fields({ resolution: rule({ maxExtension: undefined }) })).toEqual([]);
  });

  it('rejects unknown timers, unknown rule keys and empty or malformed sets', () => {
    expect(fields({ coffee_break: rule() })).toEqual(['timers.coffee_break']);
    expect(fields({ resolution: rule({ grace: 1 }) })).toEqual(['timers.resolution.grace']);
    expect(fields({})).toEqual(['timers']);
    expect(fields([])).toEqual(['timers']);
    expect(fields({ resolution: 'fifteen days' })).toEqual(['timers.resolution']);
  });
});
