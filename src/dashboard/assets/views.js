// The parts of the page that are plain DOM: figure cards, the ranking table, the case-list drawer. Every text
// goes in through textContent, so nothing the API returns can become markup.

import { formatCount, formatInstant, formatRate, formatYuan } from './format.js';
import { definitionText, t } from './i18n.js';

/** The headline cards, volumes first, rates second (each row fills the grid's six columns). */
const CARDS = [
  { key: 'received', type: 'count', unit: 'cases' },
  { key: 'closed', type: 'count', unit: 'cases' },
  { key: 'moneyRecovered', type: 'money', unit: 'yuan', wide: true },
  { key: 'workersBenefited', type: 'count', unit: 'people' },
  { key: 'collectiveDisputes', type: 'count', unit: 'cases' },
  { key: 'closureRate', type: 'rate' },
  { key: 'onTimeClosureRate', type: 'rate' },
  { key: 'responseRate', type: 'rate' },
  { key: 'resolutionRate', type: 'rate' },
  { key: 'satisfactionRate', type: 'rate' },
  { key: 'slaBreaches', type: 'count', unit: 'times', alert: true },
];

/** Figures the ranking can sort by, as table columns. */
export const RANK_COLUMNS = [
  { key: 'received', type: 'count' },
  { key: 'closed', type: 'count' },
  { key: 'closureRate', type: 'rate' },
  { key: 'onTimeClosureRate', type: 'rate' },
  { key: 'resolutionRate', type: 'rate' },
  { key: 'satisfactionRate', type: 'rate' },
  { key: 'moneyRecovered', type: 'money' },
  { key: 'slaBreaches', type: 'count' },
];

const el = (tag, className, text) => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
};

/** How one figure sorts, charts and reads. Rates without a denominator sort last and chart as 0. */
export function metricOf(column, name) {
  const { key, type } = column;
  return {
    key,
    name: name(key),
    isRate: type === 'rate',
    value: (f) => (type === 'rate' ? (f[key].rate ?? 0) * 100 : Number(f[key])),
    sortValue: (f) => (type === 'rate' ? (f[key].rate ?? -1) : Number(f[key])),
    text: (f) =>
      type === 'rate' ? formatRate(f[key].rate) : type === 'money' ? formatYuan(f[key]) : formatCount(f[key]),
  };
}

export function renderCards(container, summary, name, onOpen) {
  const definitions = new Map(summary.definitions.map((d) => [d.key, d]));
  container.replaceChildren(
    ...CARDS.map((card) => {
      const value = summary.figures[card.key];
      const button = el('button', `figure figure-${card.type}${card.wide ? ' wide' : ''}${card.alert ? ' alert' : ''}`);
      button.type = 'button';
      button.dataset.figure = card.key;
      const definition = definitions.get(card.key);
      button.title = definition ? definitionText(definition) : '';
      const line = el('span', 'figure-value');
      const text =
        card.type === 'rate' ? formatRate(value.rate) : card.type === 'money' ? formatYuan(value) : formatCount(value);
      line.append(el('span', 'value', text));
      if (card.unit && t(card.unit)) line.append(el('span', 'unit', t(card.unit)));
      button.append(el('span', 'figure-label', name(card.key)), line);
      if (card.type === 'rate') {
        const meter = el('span', 'meter');
        const fill = el('span', 'meter-fill');
        fill.style.width = `${Math.round((value.rate ?? 0) * 100)}%`;
        meter.append(fill);
        button.append(
          meter,
          el('span', 'figure-sub', `${formatCount(value.numerator)} / ${formatCount(value.denominator)}`),
        );
      }
      button.addEventListener('click', () => onOpen(definitions.get(card.key)));
      return button;
    }),
  );
}

/**
 * The ranking table: one row per child unit, sortable by every figure column (click again to reverse).
 * `rows` are already sorted; `onSort(key)` and `onDrill(row)` are the caller's.
 */
export function renderRankingTable(table, rows, sort, name, { onSort, onDrill }) {
  const head = el('tr');
  head.append(el('th', 'rank', t('rank')), el('th', 'unit-col', t('unitName')));
  for (const column of RANK_COLUMNS) {
    const th = el('th', 'num');
    th.setAttribute('aria-sort', sort.key === column.key ? (sort.desc ? 'descending' : 'ascending') : 'none');
    const button = el('button', 'sort', name(column.key));
    button.type = 'button';
    button.dataset.sort = column.key;
    if (sort.key === column.key) button.append(el('span', 'arrow', sort.desc ? ' ▼' : ' ▲'));
    button.addEventListener('click', () => onSort(column.key));
    th.append(button);
    head.append(th);
  }
  const body = el('tbody');
  rows.forEach((row, i) => {
    const tr = el('tr');
    const unitCell = el('td', 'unit-col');
    if (row.key) {
      const link = el('button', 'link', row.name);
      link.type = 'button';
      link.addEventListener('click', () => onDrill(row));
      unitCell.append(link);
    } else {
      unitCell.textContent = row.name;
    }
    tr.append(el('td', 'rank', String(i + 1)), unitCell);
    for (const column of RANK_COLUMNS) tr.append(el('td', 'num', metricOf(column, name).text(row.figures)));
    body.append(tr);
  });
  if (rows.length === 0) {
    const tr = el('tr');
    const td = el('td', 'empty', t('noData'));
    td.colSpan = RANK_COLUMNS.length + 2;
    tr.append(td);
    body.append(tr);
  }
  const thead = el('thead');
  thead.append(head);
  table.replaceChildren(thead, body);
}

/**
 * The drawer listing the cases behind a figure (GET /cases with the report's filters), 20 at a time.
 * `load(url)` fetches with the user's token; `labels` names statuses, kinds and categories.
 */
export function createCaseDrawer(drawer, { load, label, onError }) {
  const title = drawer.querySelector('[data-role=title]');
  const about = drawer.querySelector('[data-role=about]');
  const list = drawer.querySelector('tbody');
  const more = drawer.querySelector('[data-role=more]');
  let nextUrl = null;
  let base = null;

  async function page(url) {
    more.hidden = true;
    try {
      const result = await load(url);
      for (const item of result.items) {
        const tr = el('tr');
        tr.append(
          el('td', 'mono', item.number),
          el('td', '', formatInstant(item.receivedAt)),
          el('td', '', label('kind', item.kind)),
          el('td', '', label('category', item.category)),
          el('td', '', label('status', item.status)),
          el('td', 'num', formatYuan(item.claimed)),
        );
        list.append(tr);
      }
      if (list.children.length === 0) {
        const tr = el('tr');
        const td = el('td', 'empty', t('noCases'));
        td.colSpan = 6;
        tr.append(td);
        list.append(tr);
      }
      nextUrl = result.nextCursor ? { path: base, cursor: result.nextCursor } : null;
      more.hidden = nextUrl === null;
    } catch (error) {
      onError(error);
    }
  }

  more.addEventListener('click', () => {
    if (nextUrl) void page(nextUrl);
  });
  drawer.querySelector('[data-role=close]').addEventListener('click', () => {
    drawer.hidden = true;
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') drawer.hidden = true;
  });

  return {
    /** @param details optional lines under the title (definition, cohort or flow) */
    open(heading, casesUrl, details = []) {
      title.textContent = heading;
      about.replaceChildren(...details.map((line) => el('p', line.className ?? '', line.text)));
      list.replaceChildren();
      base = casesUrl;
      drawer.hidden = false;
      void page({ path: casesUrl });
    },
  };
}
