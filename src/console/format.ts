import { lang, type Lang } from './i18n';

// One formatter per language: `toLocaleString` with options builds a new Intl.DateTimeFormat on every call, which
// a table pays once per row and per render. Every time is Beijing wall-clock time on a 24-hour clock.
function formats(options: Intl.DateTimeFormatOptions): Record<Lang, Intl.DateTimeFormat> {
  const all = { timeZone: 'Asia/Shanghai', hour12: false, ...options };
  return { zh: new Intl.DateTimeFormat('zh-CN', all), en: new Intl.DateTimeFormat('en-GB', all) };
}

const FULL = formats({ dateStyle: 'short', timeStyle: 'short' });
const SHORT = formats({ month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });

/** An instant as Beijing wall-clock date and time, in the console's language; '—' for none. */
export function dateTime(iso: string | null | undefined): string {
  return iso ? FULL[lang.value].format(new Date(iso)) : '—';
}

/** Month, day and time without the year: for lists of today's and this week's work. */
export function shortDateTime(iso: string | null | undefined): string {
  return iso ? SHORT[lang.value].format(new Date(iso)) : '—';
}
