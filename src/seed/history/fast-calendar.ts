import { SHANGHAI_OFFSET_MS as OFFSET_MS } from 'src/common/util/shanghai-time';
import { BusinessCalendar, CalendarMode, DAY_MS } from 'src/sla/business-calendar';

/** The Asia/Shanghai day number (days since 1970-01-01 there) of an instant. */
export function shanghaiDayNumber(instant: number): number {
  return Math.floor((instant + OFFSET_MS) / DAY_MS);
}

/** The instant a Shanghai day number starts. */
export function dayStart(dayNumber: number): number {
  return dayNumber * DAY_MS - OFFSET_MS;
}

/** YYYY-MM-DD of a Shanghai day number. */
export function dayString(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The domain's BusinessCalendar with the working days of a range looked up in an array instead of formatted
 * dates: the generator computes millions of deadlines. Same arithmetic, same answers (a property test compares
 * the two); days outside the range ask the BusinessCalendar.
 */
export class FastCalendar {
  private readonly working: Uint8Array;

  constructor(
    private readonly calendar: BusinessCalendar,
    private readonly firstDay: number,
    lastDay: number,
  ) {
    this.working = new Uint8Array(Math.max(0, lastDay - firstDay + 1));
    for (let d = firstDay; d <= lastDay; d++) this.working[d - firstDay] = calendar.isWorkingDay(dayString(d)) ? 1 : 0;
  }

  isWorkingDayNumber(day: number): boolean {
    const i = day - this.firstDay;
    if (i >= 0 && i < this.working.length) return this.working[i] === 1;
    return this.calendar.isWorkingDay(dayString(day));
  }

  /** The earliest instant at which `amount` ms of working time have passed since `start`. */
  addWorkingTime(start: number, amount: number): number {
    let remaining = amount;
    let t = start;
    for (;;) {
      const day = shanghaiDayNumber(t);
      const end = dayStart(day + 1);
      if (this.isWorkingDayNumber(day)) {
        if (remaining <= end - t) return t + remaining;
        remaining -= end - t;
      }
      t = end;
    }
  }

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
}
