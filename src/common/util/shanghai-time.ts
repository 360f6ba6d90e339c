const YEAR = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', year: 'numeric' });

/** The calendar year in Asia/Shanghai, whatever the server's time zone (case numbers follow it). */
export function shanghaiYear(instant: Date): number {
  return Number(YEAR.format(instant));
}
