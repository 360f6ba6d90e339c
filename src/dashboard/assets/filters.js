// The period, unit and kind the page reports on: their controls, the API query they make, and their mirror in
// the address (#period=…&unitId=…) so a view can be bookmarked or reloaded.

import { todayInBeijing } from './format.js';
import { lang, pick, t } from './i18n.js';

const PERIODS = ['year', 'quarter', 'month', 'pick-year', 'custom'];
const $ = (id) => document.getElementById(id);
const daysIn = (from, to) => (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;

/** @param onChange called when the user has chosen something the page must reload for */
export function createFilters({ onChange }) {
  const thisYear = todayInBeijing().slice(0, 4);
  const values = {
    period: 'year',
    year: thisYear,
    from: `${thisYear}-01-01`,
    to: todayInBeijing(),
    unitId: '',
    kind: '',
  };

  function sync() {
    $('period').value = values.period;
    $('year').value = values.year;
    $('from').value = values.from;
    $('to').value = values.to;
    $('unit').value = values.unitId;
    $('kind').value = values.kind;
    $('year-field').hidden = values.period !== 'pick-year';
    for (const id of ['from-field', 'to-field', 'apply']) $(id).hidden = values.period !== 'custom';
    // The browser's own validation then refuses a range that ends before it starts.
    $('from').max = $('to').value;
    $('to').min = $('from').value;
  }

  $('filters').addEventListener('change', (event) => {
    if (event.target.type === 'date') {
      $('from').max = $('to').value;
      $('to').min = $('from').value;
      return; // a custom range waits for "Apply"
    }
    values.period = $('period').value;
    values.year = $('year').value || thisYear;
    values.unitId = $('unit').value;
    values.kind = $('kind').value;
    sync();
    if (values.period !== 'custom') onChange();
  });

  $('filters').addEventListener('submit', (event) => {
    event.preventDefault();
    Object.assign(values, { from: $('from').value, to: $('to').value });
    onChange();
  });

  return {
    values,
    sync,

    readHash() {
      const params = new URLSearchParams(location.hash.slice(1));
      for (const key of Object.keys(values)) if (params.has(key)) values[key] = params.get(key);
      if (!PERIODS.includes(values.period)) values.period = 'year';
    },

    writeHash() {
      const params = new URLSearchParams({ period: values.period });
      if (values.period === 'pick-year') params.set('year', values.year);
      if (values.period === 'custom') {
        params.set('from', values.from);
        params.set('to', values.to);
      }
      if (values.unitId) params.set('unitId', values.unitId);
      if (values.kind) params.set('kind', values.kind);
      history.replaceState(null, '', `#${params}`);
    },

    /** The reports API's query (the server decides what "this year" is, in Beijing time). */
    query() {
      const scope = { unitId: values.unitId, kind: values.kind };
      if (values.period === 'custom') return { ...scope, from: values.from, to: values.to };
      if (values.period === 'pick-year') return { ...scope, period: 'year', date: `${values.year}-01-01` };
      return { ...scope, period: values.period };
    },

    /** The trend goes month by month, except over a month or two, where days say more. */
    granularity() {
      if (values.period === 'month') return 'day';
      if (values.period === 'custom') return daysIn(values.from, values.to) <= 62 ? 'day' : 'month';
      return 'month';
    },

    setUnit(unitId) {
      values.unitId = unitId;
      sync();
    },

    /** Fills the choices in the current language; `units` in tree order, the user's own unit meaning "no unitId". */
    fillChoices({ kinds, units, ownUnitId }) {
      const years = Array.from({ length: 6 }, (_, i) => String(Number(thisYear) - i));
      $('year').replaceChildren(...years.map((y) => new Option(lang() === 'en' ? y : `${y}年`, y)));
      $('kind').replaceChildren(new Option(t('allKinds'), ''), ...kinds.map(([code, name]) => new Option(name, code)));
      if (units.length > 0) {
        const top = Math.min(...units.map((u) => u.depth));
        $('unit').replaceChildren(
          ...units.map((u) => {
            const name = `${'　'.repeat(u.depth - top)}${pick({ zh: u.nameZh, en: u.nameEn })}`;
            return new Option(name, u.id === ownUnitId ? '' : u.id);
          }),
        );
      }
      sync();
    },
  };
}
