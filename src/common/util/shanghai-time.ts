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
