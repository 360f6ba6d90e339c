const YEAR = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', year: 'numeric' });
// en-CA formats as YYYY-MM-DD.
const DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date (YYYY-MM-DD) in Asia/Shanghai. */
export function shanghaiDate(instant: Date): string {
  return DATE.format(instant);
}

/** The calendar year in Asia/Shanghai, whatever the server's time zone (case numbers follow it). */
export function shanghaiYear(instant: Date): number {
  return Number(YEAR.format(instant));
}

/** Shanghai has kept UTC+8 without daylight saving since 1991. */
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

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
