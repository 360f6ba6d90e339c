/**
 * Asia/Shanghai dates whatever the server's time zone: the one place that knows the offset. Shanghai has kept UTC+8
 * without daylight saving since 1991, so a fixed offset is exact for every date this service handles.
 */
export const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

/** YYYY-MM-DD of an instant (a Date or epoch milliseconds) in Asia/Shanghai. */
export function shanghaiDay(instant: Date | number): string {
  return new Date((typeof instant === 'number' ? instant : instant.getTime()) + SHANGHAI_OFFSET_MS)
    .toISOString()
    .slice(0, 10);
}

/** The instant (epoch milliseconds) a Shanghai calendar day starts. */
export function shanghaiMidnight(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) - SHANGHAI_OFFSET_MS;
}

const DAY_MS = 24 * 3600 * 1000;

/** The Asia/Shanghai day number (days since 1970-01-01 there) of an instant: for arithmetic over many days. */
export function shanghaiDayNumber(instant: number): number {
  return Math.floor((instant + SHANGHAI_OFFSET_MS) / DAY_MS);
}

/** The instant a Shanghai day number starts. */
export function dayStart(dayNumber: number): number {
  return dayNumber * DAY_MS - SHANGHAI_OFFSET_MS;
}

/** YYYY-MM-DD of a Shanghai day number. */
export function dayString(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** The day number of a YYYY-MM-DD date. */
export function dayNumberOf(day: string): number {
  return Math.floor(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
}

/** The calendar year in Asia/Shanghai (case numbers follow it). */
export function shanghaiYear(instant: Date): number {
  return Number(shanghaiDay(instant).slice(0, 4));
}

/**
 * The Shanghai wall-clock time as a Date whose UTC fields read it, for formats without time zones (spreadsheet
 * cells show a Date's UTC fields).
 */
export function shanghaiWallClock(instant: Date): Date {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS);
}

/** "2026-11-21 09:30:05", Shanghai time. */
export function shanghaiDateTime(instant: Date): string {
  return shanghaiWallClock(instant).toISOString().slice(0, 19).replace('T', ' ');
}
