import { lang, t } from './i18n.js';

const locale = () => (lang() === 'en' ? 'en-US' : 'zh-CN');

/** A count with thousands separators. */
export const formatCount = (n) => new Intl.NumberFormat(locale()).format(n);

/**
 * An amount of yuan as the API sends it ("1183000.50"), grouped by thousands without going through a float, so
 * the page shows exactly the figure the report quotes.
 */
export function formatYuan(amount) {
  const [whole = '0', fraction = '00'] = String(amount).split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = sign ? whole.slice(1) : whole;
  return `${sign}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction.padEnd(2, '0')}`;
}

/** A rate (0…1, or null when nothing is in the denominator) as a percentage with one decimal. */
export const formatRate = (rate) => (rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`);

/** Short numbers for chart axes: 1.2万 / 1.2K. */
export const formatCompact = (n) =>
  new Intl.NumberFormat(locale(), { notation: 'compact', maximumFractionDigits: 1 }).format(n);

export const formatRange = (period) => `${period.from}${t('rangeJoin')}${period.to}`;

/** A timestamp in Beijing time, whatever the viewer's clock says. */
export function formatInstant(iso) {
  return new Intl.DateTimeFormat(locale(), {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(iso));
}

/** An x-axis name for a bucket's first day: "3月" / "Mar", with the year when the series crosses years. */
export function formatBucket(day, granularity, withYear) {
  const [year, month, date] = day.split('-').map(Number);
  if (granularity === 'day') return lang() === 'en' ? `${month}/${date}` : `${month}月${date}日`;
  if (lang() === 'en') {
    const name = new Date(Date.UTC(year, month - 1, 1)).toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
    return withYear ? `${name} ${year}` : name;
  }
  return withYear ? `${year}年${month}月` : `${month}月`;
}

/** Today's date in Beijing (YYYY-MM-DD). */
export const todayInBeijing = () =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
