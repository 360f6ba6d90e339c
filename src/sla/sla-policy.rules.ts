import { FieldError } from 'src/common/errors/domain.error';
import { CalendarMode, DAY_MS } from 'src/sla/business-calendar';
import { durationMs, TimerRule } from 'src/sla/sla.types';
import { TimerName } from 'src/cases/case-clock.enums';

const UNITS: readonly string[] = ['seconds', 'hours', 'days'];
const MODES: readonly string[] = Object.values(CalendarMode);
const TIMERS: readonly string[] = Object.values(TimerName);
/** Nothing a hotline promises runs longer than this; a bigger number is a typo (days for hours). */
const LONGEST_MS = 5 * 366 * DAY_MS;

const isInt = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value);

/**
 * What is wrong with a policy's timer rules, as field errors (`timers.resolution.amount`). Used for admin edits
 * and for the seed file alike, so a bad rule never reaches a clock. The instalment rule's amount is a grace
 * period after the agreed date and may be 0; every other limit is at least 1 unit.
 */
export function policyRuleErrors(timers: unknown): FieldError[] {
  if (typeof timers !== 'object' || timers === null || Array.isArray(timers)) {
    return [{ field: 'timers', reasons: ['timers must be an object of timer rules'] }];
  }
  const entries = Object.entries(timers as Record<string, unknown>);
  if (entries.length === 0) return [{ field: 'timers', reasons: ['a policy needs at least one timer'] }];
  return entries.flatMap(([name, rule]) => ruleErrors(name, rule));
}

function ruleErrors(name: string, raw: unknown): FieldError[] {
  const at = `timers.${name}`;
  if (!TIMERS.includes(name)) return [{ field: at, reasons: [`unknown timer; one of ${TIMERS.join(', ')}`] }];
  if (typeof raw !== 'object' || raw === null) return [{ field: at, reasons: ['must be a timer rule'] }];
  const rule = raw as Partial<Record<keyof TimerRule, unknown>>;
  const errors: FieldError[] = [];
  const fail = (field: keyof TimerRule, reason: string) => errors.push({ field: `${at}.${field}`, reasons: [reason] });
  const unitOk = typeof rule.unit === 'string' && UNITS.includes(rule.unit);
  if (!unitOk) fail('unit', `unit must be one of ${UNITS.join(', ')}`);
  const unit = rule.unit as TimerRule['unit'];
  const least = name === (TimerName.Instalment as string) ? 0 : 1;
  if (!isInt(rule.amount) || rule.amount < least) fail('amount', `amount must be an integer of at least ${least}`);
  else if (unitOk && durationMs(rule.amount, unit) > LONGEST_MS) fail('amount', 'amount must be at most 5 years');
  if (typeof rule.mode !== 'string' || !MODES.includes(rule.mode))
    fail('mode', `mode must be one of ${MODES.join(', ')}`);
  if (typeof rule.warnAt !== 'number' || !(rule.warnAt > 0 && rule.warnAt < 1)) {
    fail('warnAt', 'warnAt must be a fraction between 0 and 1 (exclusive)');
  }
  if (rule.maxExtension !== undefined) {
    if (!isInt(rule.maxExtension) || rule.maxExtension < 0) {
      fail('maxExtension', 'maxExtension must be an integer of at least 0');
    } else if (unitOk && durationMs(rule.maxExtension, unit) > LONGEST_MS) {
      fail('maxExtension', 'maxExtension must be at most 5 years');
    }
  }
  const known: readonly string[] = ['amount', 'unit', 'mode', 'warnAt', 'maxExtension'];
  for (const key of Object.keys(rule)) {
    if (!known.includes(key)) errors.push({ field: `${at}.${key}`, reasons: ['unknown property'] });
  }
  return errors;
}
