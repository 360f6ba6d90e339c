import { dayNumberOf, dayStart, dayString, shanghaiDayNumber } from 'src/common/util/shanghai-time';
/**
 * Deadline arithmetic on the PRC working calendar, in Asia/Shanghai (UTC+8 all year, no DST), whatever the
 * server's time zone: every computation is on epoch milliseconds with a fixed offset.
 */
export type CalendarDayKind = 'holiday' | 'workday';

export enum CalendarMode {
  /** Limits in hours or days of wall-clock time. */
  Natural = 'natural',
  /** Wall-clock days, but a deadline landing on a non-working day moves to the same time on the next working day. */
  NaturalRolled = 'natural_rolled',
  /** Only time on working days counts (weekends and holidays off, adjusted working days 调休 on). */
  WorkingDays = 'working_days',
}

export const HOUR_MS = 3600 * 1000;
export const DAY_MS = 24 * HOUR_MS;

/** Saturday or Sunday (of a YYYY-MM-DD date): not a working day unless the calendar makes it one (调休). */
export function isWeekend(day: string): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

export class BusinessCalendar {
  private readonly exceptions: ReadonlyMap<string, CalendarDayKind>;

  /** `days`: the exceptions to "Monday–Friday work": holidays, and weekend days that are adjusted working days. */
  constructor(days: Iterable<{ date: string; kind: CalendarDayKind }>) {
    this.exceptions = new Map([...days].map((d) => [d.date, d.kind]));
  }

  isWorkingDay(day: string): boolean {
    const exception = this.exceptions.get(day);
    if (exception !== undefined) return exception === 'workday';
    return !isWeekend(day);
  }

  /** The same question for a Shanghai day number (what the arithmetic below asks). */
  isWorkingDayNumber(day: number): boolean {
    return this.isWorkingDay(dayString(day));
  }

  /**
   * This calendar with the working days from `firstDay` to `lastDay` (day numbers) held in an array: the same
   * answers, for computing millions of deadlines (the demo history generator).
   */
  withDayCache(firstDay: number, lastDay: number): BusinessCalendar {
    return new DayCachedCalendar(this, firstDay, lastDay);
  }

  /** Working time (ms) within [from, to): the parts of it that fall on working days. */
  workingTimeBetween(from: number, to: number): number {
    let total = 0;
    let t = from;
    while (t < to) {
      const day = shanghaiDayNumber(t);
      const end = Math.min(dayStart(day + 1), to);
      if (this.isWorkingDayNumber(day)) total += end - t;
      t = end;
    }
    return total;
  }

  /** The earliest instant at which `amount` ms of working time have passed since `start`. */
  addWorkingTime(start: number, amount: number): number {
    let remaining = amount;
    let t = start;
    for (;;) {
      const day = shanghaiDayNumber(t);
      const dayEnd = dayStart(day + 1);
      if (this.isWorkingDayNumber(day)) {
        if (remaining <= dayEnd - t) return t + remaining;
        remaining -= dayEnd - t;
      }
      t = dayEnd;
    }
  }

  /** When `amount` ms of the mode's time have passed since `start`. */
  deadline(start: number, amount: number, mode: CalendarMode): number {
    switch (mode) {
      case CalendarMode.Natural:
        return start + amount;
      case CalendarMode.NaturalRolled: {
        let due = start + amount;
        while (!this.isWorkingDayNumber(shanghaiDayNumber(due))) due += DAY_MS;
        return due;
      }
      case CalendarMode.WorkingDays:
        return this.addWorkingTime(start, amount);
    }
  }

  /** How much of the mode's time passed in [from, to) (for pausing: what remains is the limit minus this). */
  elapsed(from: number, to: number, mode: CalendarMode): number {
    return mode === CalendarMode.WorkingDays ? this.workingTimeBetween(from, to) : Math.max(0, to - from);
  }
}

class DayCachedCalendar extends BusinessCalendar {
  private readonly working: Uint8Array;

  constructor(
    private readonly source: BusinessCalendar,
    private readonly firstDay: number,
    lastDay: number,
  ) {
    super([]);
    this.working = new Uint8Array(Math.max(0, lastDay - firstDay + 1));
    for (let d = firstDay; d <= lastDay; d++) this.working[d - firstDay] = source.isWorkingDayNumber(d) ? 1 : 0;
  }

  override isWorkingDay(day: string): boolean {
    return this.isWorkingDayNumber(dayNumberOf(day));
  }

  override isWorkingDayNumber(day: number): boolean {
    const i = day - this.firstDay;
    if (i >= 0 && i < this.working.length) return this.working[i] === 1;
    return this.source.isWorkingDayNumber(day);
  }
}
