export enum Granularity {
  Day = 'day',
  Week = 'week',
  Month = 'month',
  Quarter = 'quarter',
  Year = 'year',
}

/** A closed range of Shanghai calendar dates, YYYY-MM-DD. */
export interface DateRange {
  from: string;
  to: string;
}

/** The range split so whole months come from the month aggregates and only the ragged ends from the day ones. */
export interface SplitRange extends DateRange {
  /** [monthsFrom, monthsTo): first days of months; equal when the range holds no whole month. */
  monthsFrom: string;
  monthsTo: string;
}

const toDate = (day: string): Date => new Date(`${day}T00:00:00Z`);
const toDay = (date: Date): string => date.toISOString().slice(0, 10);

export function addDays(day: string, days: number): string {
  const date = toDate(day);
  date.setUTCDate(date.getUTCDate() + days);
  return toDay(date);
}

function firstOfMonth(day: string, monthsLater = 0): string {
  const date = toDate(day);
  return toDay(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + monthsLater, 1)));
}

export function daysBetween(range: DateRange): number {
  return Math.round((toDate(range.to).getTime() - toDate(range.from).getTime()) / 86_400_000) + 1;
}

/** The period of the given granularity that contains `day` (weeks start on Monday, as in China). */
export function periodContaining(granularity: Granularity, day: string): DateRange {
  const date = toDate(day);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  switch (granularity) {
    case Granularity.Day:
      return { from: day, to: day };
    case Granularity.Week: {
      const monday = addDays(day, -((date.getUTCDay() + 6) % 7));
      return { from: monday, to: addDays(monday, 6) };
    }
    case Granularity.Month:
      return { from: firstOfMonth(day), to: addDays(firstOfMonth(day, 1), -1) };
    case Granularity.Quarter: {
      const start = toDay(new Date(Date.UTC(year, month - (month % 3), 1)));
      return { from: start, to: addDays(firstOfMonth(start, 3), -1) };
    }
    case Granularity.Year:
      return { from: `${String(year)}-01-01`, to: `${String(year)}-12-31` };
  }
}

export function splitByMonths(range: DateRange): SplitRange {
  const monthsFrom = range.from.endsWith('-01') ? range.from : firstOfMonth(range.from, 1);
  const dayAfter = addDays(range.to, 1);
  const monthsTo = dayAfter.endsWith('-01') ? dayAfter : firstOfMonth(range.to);
  return monthsFrom < monthsTo ? { ...range, monthsFrom, monthsTo } : { ...range, monthsFrom, monthsTo: monthsFrom };
}

/** The first day of every bucket of the granularity that meets the range, in order (weeks from Monday). */
export function bucketStarts(range: DateRange, granularity: Granularity): string[] {
  const starts: string[] = [];
  for (let day = periodContaining(granularity, range.from).from; day <= range.to;) {
    starts.push(day);
    day = addDays(periodContaining(granularity, day).to, 1);
  }
  return starts;
}

/** A bucket's days that fall inside the range (the first and last buckets may be cut by it). */
export function bucketWithin(start: string, granularity: Granularity, range: DateRange): DateRange {
  const bucket = periodContaining(granularity, start);
  return { from: bucket.from < range.from ? range.from : bucket.from, to: bucket.to > range.to ? range.to : bucket.to };
}
