import { DAY_MS, HOUR_MS } from 'src/sla/business-calendar';
import { dayStart, dayString, shanghaiDayNumber } from 'src/common/util/shanghai-time';
import { BusinessCalendar } from 'src/sla/business-calendar';
import { Rng, Stream, Weighted } from 'src/seed/history/rng';

/** Lunar New Year's Day (Asia/Shanghai): wage-arrears calls peak in the weeks before it. */
const SPRING_FESTIVAL = [
  '2016-02-08',
  '2017-01-28',
  '2018-02-16',
  '2019-02-05',
  '2020-01-25',
  '2021-02-12',
  '2022-02-01',
  '2023-01-22',
  '2024-02-10',
  '2025-01-29',
  '2026-02-17',
  '2027-02-06',
  '2028-01-26',
  '2029-02-13',
  '2030-02-03',
].map((day) => shanghaiDayNumber(Date.parse(`${day}T00:00:00+08:00`)));

/** Days until the next Spring Festival (0 on the day itself). */
export function daysBeforeSpringFestival(day: number): number {
  const next = SPRING_FESTIVAL.find((sf) => sf >= day);
  return next === undefined ? 365 : next - day;
}

/** The pre-festival surge, peaking about twelve days before it. */
export function festivalSurge(day: number): number {
  const before = daysBeforeSpringFestival(day);
  return before > 45 ? 0 : Math.exp(-(((before - 12) / 10) ** 2));
}

const MONTH_FACTOR = [1.15, 0.85, 1.05, 1.0, 0.95, 1.0, 1.05, 1.0, 0.95, 0.85, 1.05, 1.2];
/** Calls by hour of day: the hotline's office hours, with online channels overnight. */
const HOUR_WEIGHT = [
  0.04, 0.03, 0.02, 0.02, 0.02, 0.03, 0.06, 0.2, 0.6, 1.0, 1.0, 0.9, 0.5, 0.8, 1.0, 1.0, 0.9, 0.6, 0.3, 0.2, 0.15, 0.12,
  0.08, 0.05,
];

/** How many cases each day of the history receives (exactly `total` in all) and when. */
export class Volume {
  readonly firstDay: number;
  readonly lastDay: number;
  /** Index of the first case of each day (relative to firstDay); one more entry than days. */
  private readonly firstCase: Int32Array;
  /** Cases received earlier the same calendar year (for case numbers). */
  private readonly earlierInYear: Int32Array;
  private readonly years: Int16Array;

  constructor(
    private readonly seed: number,
    readonly total: number,
    years: number,
    private readonly until: number,
    calendar: BusinessCalendar,
  ) {
    this.lastDay = shanghaiDayNumber(until - 1);
    this.firstDay = this.lastDay - Math.round(years * 365.2425) + 1;
    const days = this.lastDay - this.firstDay + 1;
    const weights = new Float64Array(days);
    let sum = 0;
    for (let i = 0; i < days; i++) {
      weights[i] = this.weight(this.firstDay + i, calendar, years);
      sum += weights[i] ?? 0;
    }
    this.firstCase = new Int32Array(days + 1);
    this.earlierInYear = new Int32Array(days);
    this.years = new Int16Array(days);
    let cumulative = 0;
    let year = '';
    let inYear = 0;
    for (let i = 0; i < days; i++) {
      cumulative += weights[i] ?? 0;
      this.firstCase[i + 1] = Math.round((total * cumulative) / sum);
      const dayYear = dayString(this.firstDay + i).slice(0, 4);
      if (dayYear !== year) [year, inYear] = [dayYear, 0];
      this.years[i] = Number(dayYear);
      this.earlierInYear[i] = inYear;
      inYear += this.count(this.firstDay + i);
    }
  }

  private weight(day: number, calendar: BusinessCalendar, years: number): number {
    const date = dayString(day);
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    const working = calendar.isWorkingDayNumber(day);
    const dayKind = working ? (weekend ? 0.9 : 1) : weekend ? (weekday === 6 ? 0.45 : 0.35) : 0.35;
    // About 7 % more calls each year, centred on the middle of the history.
    const trend = Math.max(0.3, 1 + 0.07 * ((day - this.firstDay) / 365.25 - years / 2));
    const noise = Math.exp(0.08 * new Rng(this.seed, Stream.Day, day * 2).normal());
    let w =
      dayKind * trend * (MONTH_FACTOR[Number(date.slice(5, 7)) - 1] ?? 1) * (1 + 0.6 * festivalSurge(day)) * noise;
    if (day === this.lastDay) w *= this.hourShare(this.until - dayStart(day));
    return w;
  }

  /** The share of a day's calls that come in its first `ms` milliseconds. */
  private hourShare(ms: number): number {
    const total = HOUR_WEIGHT.reduce((a, b) => a + b, 0);
    let before = 0;
    for (let h = 0; h < 24; h++) before += (HOUR_WEIGHT[h] ?? 0) * Math.min(1, Math.max(0, ms / HOUR_MS - h));
    return before / total;
  }

  count(day: number): number {
    const i = day - this.firstDay;
    return (this.firstCase[i + 1] ?? 0) - (this.firstCase[i] ?? 0);
  }

  firstCaseOf(day: number): number {
    return this.firstCase[day - this.firstDay] ?? 0;
  }

  /** The day case #index is received on (binary search). */
  dayOf(index: number): number {
    let lo = 0;
    let hi = this.lastDay - this.firstDay;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((this.firstCase[mid] ?? 0) <= index) lo = mid;
      else hi = mid - 1;
    }
    return this.firstDay + lo;
  }

  /** The calendar year (Asia/Shanghai) of a day of the history. */
  yearOf(day: number): number {
    return this.years[day - this.firstDay] ?? 0;
  }

  /** The position of case #index among the cases of its calendar year (0-based). */
  positionInYear(index: number): number {
    const day = this.dayOf(index);
    return (this.earlierInYear[day - this.firstDay] ?? 0) + index - this.firstCaseOf(day);
  }

  /** The receipt instants of the day's cases, ascending, all before `until`. */
  times(day: number): number[] {
    const n = this.count(day);
    const rng = new Rng(this.seed, Stream.Day, day * 2 + 1);
    const start = dayStart(day);
    const limit = Math.min(start + DAY_MS, this.until);
    const hours = new Weighted(
      HOUR_WEIGHT.map((w, h) => [h, start + h * HOUR_MS < limit ? w : 0] as const).filter(([, w]) => w > 0),
    );
    const times: number[] = [];
    for (let k = 0; k < n; k++) {
      const from = start + hours.draw(rng) * HOUR_MS;
      times.push(Math.floor(from + rng.float() * (Math.min(from + HOUR_MS, limit) - from)));
    }
    return times.sort((a, b) => a - b);
  }
}
