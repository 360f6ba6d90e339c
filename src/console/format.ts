import { lang } from './i18n';

// One formatter per language: `toLocaleString` with options builds a new Intl.DateTimeFormat on every call, which
// a table pays once per row and per render.
const FORMATS = {
  zh: new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'short',
    timeStyle: 'short',
    hour12: false,
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'short',
    timeStyle: 'short',
    hour12: false,
  }),
};

/** An instant as Beijing wall-clock date and time, in the console's language; '—' for none. */
export function dateTime(iso: string | null | undefined): string {
  return iso ? FORMATS[lang.value].format(new Date(iso)) : '—';
}

const SHORT = {
  zh: new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Shanghai',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }),
};

/** Month, day and time without the year: for lists of today's and this week's work. */
export function shortDateTime(iso: string | null | undefined): string {
  return iso ? SHORT[lang.value].format(new Date(iso)) : '—';
}
