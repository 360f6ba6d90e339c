import { lang } from '../i18n';

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

/** An extension's length as people say it: whole days when it is whole days, else hours. */
export function duration(ms: number): string {
  const zh = lang.value === 'zh';
  if (ms > 0 && ms % DAY === 0) return zh ? `${ms / DAY} 天` : `${ms / DAY} d`;
  const hours = Math.round((ms / HOUR) * 10) / 10;
  return zh ? `${hours} 小时` : `${hours} h`;
}
