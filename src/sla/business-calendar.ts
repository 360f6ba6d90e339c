import { shanghaiDay, shanghaiMidnight } from 'src/common/util/shanghai-time';
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

export class BusinessCalendar {
  private readonly exceptions: ReadonlyMap<string, CalendarDayKind>;

  /** `days`: the exceptions to "Monday–Friday work": holidays, and weekend days that are adjusted working days. */
  constructor(days: Iterable<{ date: string; kind: CalendarDayKind }>) {
    this.exceptions = new Map([...days].map((d) => [d.date, d.kind]));
  }

  isWorkingDay(day: string): boolean {
    const exception = this.exceptions.get(day);
    if (exception !== undefined) return exception === 'workday';
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }

  /** Working time (ms) within [from, to): the parts of it that fall on working days. */
  workingTimeBetween(from: number, to: number): number {
    let total = 0;
    let t = from;
    while (t < to) {
      const dayEnd = shanghaiMidnight(shanghaiDay(t)) + DAY_MS;
      const end = Math.min(dayEnd, to);
      if (this.isWorkingDay(shanghaiDay(t))) total += end - t;
      t = end;
    }
    return total;
  }

  /** The earliest instant at which `amount` ms of working time have passed since `start`. */
  addWorkingTime(start: number, amount: number): number {
    let remaining = amount;
    let t = start;
    for (;;) {
      const day = shanghaiDay(t);
      const dayEnd = shanghaiMidnight(day) + DAY_MS;
      if (this.isWorkingDay(day)) {
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
        while (!this.isWorkingDay(shanghaiDay(due))) due += DAY_MS;
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
