import fc from 'fast-check';
import calendarFile from 'config/holiday-calendar.json';
import { BusinessCalendar, CalendarDayKind, CalendarMode, DAY_MS, HOUR_MS } from 'src/sla/business-calendar';
import { shanghaiDay } from 'src/common/util/shanghai-time';

const calendar = new BusinessCalendar(calendarFile.days as { date: string; kind: CalendarDayKind }[]);
const at = (iso: string) => Date.parse(iso);
const iso = (instant: number) => new Date(instant).toISOString();

describe('BusinessCalendar on the PRC calendar', () => {
  it('knows holidays, ordinary weekends and adjusted working weekends (调休)', () => {
    expect(calendar.isWorkingDay('2026-10-01')).toBe(false); // National Day
    expect(calendar.isWorkingDay('2026-10-09')).toBe(true); // an ordinary Friday
    expect(calendar.isWorkingDay('2026-10-10')).toBe(true); // Saturday worked in lieu
    expect(calendar.isWorkingDay('2026-10-11')).toBe(false); // an ordinary Sunday
    expect(calendar.isWorkingDay('2026-02-14')).toBe(true); // Saturday before Spring Festival, worked in lieu
  });

  it('1 working day from the Friday before National Day 2025 ends on the Sunday worked in lieu', () => {
    // Fri 2025-09-26 16:00 Beijing; Sat 27th is off, Sun 28th is an adjusted working day.
    const due = calendar.deadline(at('2025-09-26T16:00:00+08:00'), DAY_MS, CalendarMode.WorkingDays);
    expect(iso(due)).toBe(iso(at('2025-09-28T16:00:00+08:00')));
  });

  it('1 working day from the eve of the National Day week lands after the holiday', () => {
    const due = calendar.deadline(at('2025-09-30T16:00:00+08:00'), DAY_MS, CalendarMode.WorkingDays);
    expect(iso(due)).toBe(iso(at('2025-10-09T16:00:00+08:00')));
  });

  it('15 working days across Spring Festival 2026', () => {
    // Working days after Wed 11 Feb: 12, 13, 14 (Sat, in lieu), [15–23 off], 24, 25, 26, 27, 28 (Sat, in lieu),
    // Mar 2, 3, 4, 5, 6, 9, 10 — the 15th is 10 March.
    const due = calendar.deadline(at('2026-02-11T09:00:00+08:00'), 15 * DAY_MS, CalendarMode.WorkingDays);
    expect(iso(due)).toBe(iso(at('2026-03-10T09:00:00+08:00')));
  });

  it('a clock started on a holiday only runs from the next working day', () => {
    const due = calendar.deadline(at('2026-10-03T11:00:00+08:00'), DAY_MS, CalendarMode.WorkingDays);
    expect(iso(due)).toBe(iso(at('2026-10-09T00:00:00+08:00')));
  });

  it('natural days roll past a holiday end', () => {
    const due = calendar.deadline(at('2026-09-20T10:00:00+08:00'), 15 * DAY_MS, CalendarMode.NaturalRolled);
    expect(iso(due)).toBe(iso(at('2026-10-08T10:00:00+08:00')));
    const plain = calendar.deadline(at('2026-09-20T10:00:00+08:00'), 15 * DAY_MS, CalendarMode.Natural);
    expect(iso(plain)).toBe(iso(at('2026-10-05T10:00:00+08:00')));
  });

  it('property: the due time is a working instant and exactly the limit of working time after the start', () => {
    const start = fc.integer({ min: at('2015-01-01T00:00:00Z'), max: at('2026-10-01T00:00:00Z') });
    const limitDays = fc.integer({ min: 1, max: 30 });
    fc.assert(
      fc.property(start, limitDays, fc.integer({ min: 0, max: 23 }), (s, days, hours) => {
        const amount = days * DAY_MS + hours * HOUR_MS;
        const due = calendar.deadline(s, amount, CalendarMode.WorkingDays);
        expect(calendar.isWorkingDay(shanghaiDay(due - 1))).toBe(true);
        expect(calendar.workingTimeBetween(s, due)).toBe(amount);
      }),
      { numRuns: 500, seed: 6 },
    );
  });

  it('paused time does not count: resuming later moves the deadline by the working time paused', () => {
    const start = at('2026-11-16T09:00:00+08:00'); // a Monday
    const limit = 3 * DAY_MS;
    const pausedAt = at('2026-11-17T09:00:00+08:00');
    const resumedAt = at('2026-11-17T15:00:00+08:00'); // 6 working hours later
    const before = calendar.deadline(start, limit, CalendarMode.WorkingDays);
    const remaining = limit - calendar.elapsed(start, pausedAt, CalendarMode.WorkingDays);
    const after = calendar.deadline(resumedAt, remaining, CalendarMode.WorkingDays);
    expect(after - before).toBe(6 * HOUR_MS);
  });
});
