import calendarFile from 'config/holiday-calendar.json';
import { BusinessCalendar, CalendarDayKind, CalendarMode, DAY_MS, HOUR_MS } from 'src/sla/business-calendar';
import { extendedDeadlines, extensionLeftMs } from 'src/sla/extension';

const calendar = new BusinessCalendar(calendarFile.days as { date: string; kind: CalendarDayKind }[]);
const at = (iso: string) => new Date(iso);
const clock = (mode: CalendarMode, warnAt: string, dueAt: string, warned = false) => ({
  mode,
  warnAt: at(warnAt),
  dueAt: at(dueAt),
  warned,
  extendedMs: 0,
  maxExtensionMs: 15 * DAY_MS,
});

describe('extending a clock', () => {
  it('moves a natural clock by wall-clock time', () => {
    const moved = extendedDeadlines(
      calendar,
      clock(CalendarMode.Natural, '2026-11-20T10:00:00+08:00', '2026-11-20T16:00:00+08:00'),
      2 * HOUR_MS,
    );
    expect(moved.dueAt).toEqual(at('2026-11-20T18:00:00+08:00'));
    expect(moved.warnAt).toEqual(at('2026-11-20T12:00:00+08:00'));
  });

  it('moves a working-day clock by working days: 2 days from a Friday end on Tuesday', () => {
    const moved = extendedDeadlines(
      calendar,
      clock(CalendarMode.WorkingDays, '2026-11-18T10:00:00+08:00', '2026-11-20T10:00:00+08:00'),
      2 * DAY_MS,
    );
    expect(moved.dueAt).toEqual(at('2026-11-24T10:00:00+08:00'));
    expect(moved.warnAt).toEqual(at('2026-11-20T10:00:00+08:00'));
  });

  it('skips the National Day week and counts the Saturday worked in lieu', () => {
    // Due Wed 30 Sep 2026; 1–7 Oct off (Mon 5 – Wed 7 included), Sat 10 Oct worked in lieu.
    const moved = extendedDeadlines(
      calendar,
      clock(CalendarMode.WorkingDays, '2026-09-28T09:00:00+08:00', '2026-09-30T09:00:00+08:00'),
      3 * DAY_MS,
    );
    expect(moved.dueAt).toEqual(at('2026-10-10T09:00:00+08:00'));
  });

  it('leaves a warning that was already given where it was', () => {
    const moved = extendedDeadlines(
      calendar,
      clock(CalendarMode.Natural, '2026-11-20T10:00:00+08:00', '2026-11-20T16:00:00+08:00', true),
      DAY_MS,
    );
    expect(moved.warnAt).toEqual(at('2026-11-20T10:00:00+08:00'));
    expect(moved.dueAt).toEqual(at('2026-11-21T16:00:00+08:00'));
  });

  it('knows how much of the cap is left', () => {
    expect(extensionLeftMs({ extendedMs: 0, maxExtensionMs: 0 })).toBe(0);
    expect(extensionLeftMs({ extendedMs: 2 * DAY_MS, maxExtensionMs: 15 * DAY_MS })).toBe(13 * DAY_MS);
    // A cap lowered below what a clock already has (rules are copied at start, so only by hand): nothing left.
    expect(extensionLeftMs({ extendedMs: 5 * DAY_MS, maxExtensionMs: 3 * DAY_MS })).toBe(0);
  });
});
