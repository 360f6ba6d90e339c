import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BusinessCalendar, CalendarDayKind, CalendarMode, DAY_MS, HOUR_MS } from 'src/sla/business-calendar';
import { shanghaiDayNumber } from 'src/common/util/shanghai-time';

const days = (
  JSON.parse(readFileSync(join(__dirname, '..', '..', 'config', 'holiday-calendar.json'), 'utf8')) as {
    days: { date: string; kind: CalendarDayKind }[];
  }
).days;

describe('BusinessCalendar.withDayCache', () => {
  const business = new BusinessCalendar(days);
  const from = Date.parse('2021-01-01T00:00:00+08:00');
  const to = Date.parse('2026-12-31T00:00:00+08:00');
  // A deliberately short table, so deadlines also run past its end (where it asks the calendar it was made from).
  const fast = business.withDayCache(shanghaiDayNumber(from), shanghaiDayNumber(to) - 200);

  it('computes every deadline and elapsed time exactly as the calendar without the cache', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: from, max: to }),
        fc.integer({ min: 1, max: 400 * DAY_MS }),
        fc.constantFrom(...Object.values(CalendarMode)),
        (start, amount, mode) => {
          expect(fast.deadline(start, amount, mode)).toBe(business.deadline(start, amount, mode));
          expect(fast.elapsed(start, start + amount, mode)).toBe(business.elapsed(start, start + amount, mode));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('knows a Spring Festival holiday and an adjusted working Sunday', () => {
    const spring = shanghaiDayNumber(Date.parse('2026-02-17T12:00:00+08:00'));
    const workingSunday = shanghaiDayNumber(Date.parse('2025-09-28T12:00:00+08:00'));
    expect(fast.isWorkingDayNumber(spring)).toBe(false);
    expect(fast.isWorkingDayNumber(workingSunday)).toBe(true);
    expect([fast.isWorkingDay('2026-02-17'), fast.isWorkingDay('2025-09-28')]).toEqual([false, true]);
    // One working day from Friday 26 Sep 2025, 10:00, ends on that working Sunday.
    const friday = Date.parse('2025-09-26T10:00:00+08:00');
    expect(fast.deadline(friday, 24 * HOUR_MS, CalendarMode.WorkingDays)).toBe(Date.parse('2025-09-28T10:00:00+08:00'));
  });
});
