import { onScopeDispose, readonly, ref, type Ref } from 'vue';
import { dateTime } from '../format';
import type { Lang } from '../i18n';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const now = ref(Date.now());
let users = 0;
let ticker: ReturnType<typeof setInterval> | undefined;

/**
 * The current time in ms, ticking once a second while any component on screen uses it: every countdown of a page
 * shares the one interval, and it stops when the last of them unmounts.
 */
export function useNow(): Readonly<Ref<number>> {
  if (users++ === 0) {
    now.value = Date.now();
    ticker = setInterval(() => {
      now.value = Date.now();
    }, 1000);
  }
  onScopeDispose(() => {
    if (--users === 0) {
      clearInterval(ticker);
      ticker = undefined;
    }
  });
  return readonly(now);
}

/** How a work item stands against its next deadline: past it, within a day of it, further off, or no clock. */
export type Urgency = 'overdue' | 'soon' | 'calm' | 'none';

export function urgencyOf(dueAt: string | null, overdue: boolean, at: number): Urgency {
  // The API's flag also covers a clock that already breached while the next running one is still ahead.
  if (overdue) return 'overdue';
  if (dueAt === null) return 'none';
  const left = Date.parse(dueAt) - at;
  if (left <= 0) return 'overdue';
  return left <= DAY ? 'soon' : 'calm';
}

const UNITS: Record<Lang, { d: string; h: string; m: string; s: string; sep: string }> = {
  zh: { d: '天', h: '小时', m: '分', s: '秒', sep: '' },
  en: { d: 'd', h: 'h', m: 'm', s: 's', sep: ' ' },
};

/**
 * A span as people say it: days and hours when a day or more, else down to the second (the last day is when a
 * dispatcher watches it run), e.g. 2天3小时, 5小时3分12秒, 12秒.
 */
export function span(ms: number, lang: Lang): string {
  const u = UNITS[lang];
  const total = Math.floor(Math.abs(ms) / 1000);
  const d = Math.floor(total / 86_400);
  const h = Math.floor((total % 86_400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const parts =
    d > 0
      ? [`${String(d)}${u.d}`, `${String(h)}${u.h}`]
      : [h > 0 ? `${String(h)}${u.h}` : '', h > 0 || m > 0 ? `${String(m)}${u.m}` : '', `${String(s)}${u.s}`];
  return parts.filter((p) => p !== '').join(u.sep);
}

/** A moment in the hotline's time zone. */
export const when = dateTime;
