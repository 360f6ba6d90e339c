// The leadership dashboard: signs in, reads the reports API for the chosen period, unit and kind, and draws it.

import { ApiError, createApi } from './api.js';
import { backlogOption, createCharts, rankingOption, slaTimerOption, slaUnitOption, trendOption } from './charts.js';
import { createFilters } from './filters.js';
import { formatCount, formatRange } from './format.js';
import { definitionText, lang, pick, setLang, t, translateStatic } from './i18n.js';
import { createCaseDrawer, metricOf, RANK_COLUMNS, renderCards, renderRankingTable } from './views.js';

const LABELS = JSON.parse(document.getElementById('labels').textContent);
const REPORT_ROLES = ['leader', 'dispatcher'];
const $ = (id) => document.getElementById(id);
const view = $('dashboard-view');

const state = {
  me: null,
  units: [],
  data: null,
  sort: { key: 'received', desc: true },
  loads: 0,
};

const filters = createFilters({ onChange: () => void load() });
const api = createApi({ onSignedOut: () => showLogin(t('expired')) });
const charts = createCharts({ animate: !matchMedia('(prefers-reduced-motion: reduce)').matches });
const label = (group, code) => pick(LABELS[group]?.[code]) || code;
const drawer = createCaseDrawer($('drawer'), {
  load: ({ path, cursor }) => api.get(path, { limit: 20, cursor }),
  label,
  onError: (error) => showError(error),
});

// ---- loading ----------------------------------------------------------------------------------------------

async function loadUnits() {
  const units = [];
  for (let offset = 0; ; offset += 100) {
    const page = await api.get('/org-units', { limit: 100, offset });
    units.push(...page.items);
    if (page.items.length < 100 || units.length >= page.total) return units;
  }
}

async function load() {
  const mine = ++state.loads;
  filters.writeHash();
  setStatus('loading', t('loading'));
  const query = filters.query();
  const unit = filters.granularity();
  try {
    const [summary, series, ranking, backlog, sla] = await Promise.all([
      api.get('/reports/summary', query),
      api.get('/reports/timeseries', { ...query, granularity: unit }),
      api.get('/reports/breakdown', { ...query, by: 'unit' }),
      api.get('/reports/backlog', query),
      api.get('/reports/sla', query),
    ]);
    if (mine !== state.loads) return; // a newer choice is already on its way
    state.data = { summary, series, unit, ranking, backlog, sla };
    render();
    setStatus('ready');
  } catch (error) {
    if (mine !== state.loads) return;
    if (error instanceof ApiError && error.status === 404 && filters.values.unitId) {
      filters.setUnit('');
      await load();
      setStatus('ready', t('unitOutOfScope'));
      return;
    }
    showError(error);
  }
}

function setStatus(kind, text = '') {
  view.dataset.state = kind;
  $('status').hidden = text === '';
  $('status').className = `status status-${kind}`;
  $('status-text').textContent = text;
  $('retry').hidden = kind !== 'error';
  $('content').hidden = kind === 'forbidden';
}

function showError(error) {
  if (error instanceof ApiError && error.status === 401) return; // the sign-in form is already showing
  if (error instanceof ApiError && error.status === 403) return setStatus('forbidden', t('noAccess'));
  const text = error instanceof ApiError ? `${t('failed')}（${error.status} ${error.code}）` : t('offline');
  setStatus('error', text);
}

$('retry').addEventListener('click', () => void load());

// ---- drawing ----------------------------------------------------------------------------------------------

function figureName(summary) {
  const names = new Map(summary.definitions.map((d) => [d.key, d]));
  return (key) => pick(names.get(key)) || key;
}

function sortedRankingRows(ranking, name) {
  const metric = metricOf(RANK_COLUMNS.find((c) => c.key === state.sort.key) ?? RANK_COLUMNS[0], name);
  const rows = ranking.rows.map((r) => ({ ...r, name: pick({ zh: r.label, en: r.labelEn }) }));
  const direction = state.sort.desc ? -1 : 1;
  rows.sort((a, b) => direction * (metric.sortValue(a.figures) - metric.sortValue(b.figures)));
  return { rows, metric };
}

function render() {
  const d = state.data;
  if (!d) return;
  const name = figureName(d.summary);
  $('period-text').textContent = formatRange(d.summary.period);
  $('user').textContent = `${state.me.username} · ${unitLabel(filters.values.unitId || state.me.orgUnitId)}`;

  renderCards($('cards'), d.summary, name, (definition) =>
    drawer.open(pick(definition), definition.casesUrl, [
      { text: `${t('definition')}：${definitionText(definition)}` },
      { text: t(definition.kind), className: 'hint' },
    ]),
  );

  $('trend-title').textContent = t(d.unit === 'day' ? 'trendDay' : 'trendMonth');
  charts.render($('chart-trend'), trendOption(d.series.points, d.unit, name));

  const { rows, metric } = sortedRankingRows(d.ranking, name);
  $('chart-ranking').style.height = `${Math.max(220, rows.length * 30 + 24)}px`;
  charts.render($('chart-ranking'), rankingOption(rows, metric), (e) => {
    const row = [...rows].reverse()[e.dataIndex];
    if (row) drawer.open(row.name, row.casesUrl);
  });
  renderRankingTable($('ranking-table'), rows, state.sort, name, {
    onSort: (key) => {
      state.sort = { key, desc: state.sort.key === key ? !state.sort.desc : true };
      render();
    },
    onDrill: (row) => {
      filters.setUnit(row.key);
      void load();
    },
  });

  $('backlog-note').textContent =
    `${t('asOf')} ${d.backlog.asOf} · ${t('openCases')} ${formatCount(d.backlog.total)} ${t('cases')}`.trim();
  charts.render(
    $('chart-backlog'),
    backlogOption(d.backlog, (s) => label('status', s)),
    (e) => {
      const row = d.backlog.rows[e.dataIndex];
      if (row) drawer.open(label('status', row.status), row.casesUrl);
    },
  );

  const timerName = (k) => label('timer', k);
  const slaRows = d.sla.rows.map((r) => ({ ...r, name: pick({ zh: r.label, en: r.labelEn }) }));
  $('sla-note').textContent = `${t('total')} ${formatCount(d.sla.total)} ${t('times')}`.trim();
  charts.render($('chart-sla-timer'), slaTimerOption(d.sla, timerName));
  charts.render($('chart-sla-unit'), slaUnitOption(slaRows, Object.keys(d.sla.byTimer), timerName), (e) => {
    const row = slaRows[e.dataIndex];
    if (row) drawer.open(`${row.name} · ${t('sla')}`, row.casesUrl);
  });
}

function fillChoices() {
  filters.fillChoices({
    kinds: Object.keys(LABELS.kind).map((code) => [code, label('kind', code)]),
    units: state.units,
    ownUnitId: state.me?.orgUnitId,
  });
}

function unitLabel(id) {
  const unit = state.units.find((u) => u.id === id);
  return unit ? pick({ zh: unit.nameZh, en: unit.nameEn }) : '';
}

// ---- signing in and out -----------------------------------------------------------------------------------

function showLogin(message = '') {
  state.data = null;
  $('login-view').hidden = false;
  view.hidden = true;
  $('drawer').hidden = true;
  $('logout').hidden = true;
  $('user').textContent = '';
  $('login-message').textContent = message;
  document.querySelector('#login-form input[name=username]').focus();
}

async function enter() {
  $('login-view').hidden = true;
  view.hidden = false;
  $('logout').hidden = false;
  setStatus('loading', t('loading'));
  try {
    state.me = await api.get('/me');
    $('user').textContent = state.me.username;
    if (!state.me.roles.some((role) => REPORT_ROLES.includes(role))) return setStatus('forbidden', t('noAccess'));
    state.units = await loadUnits();
    fillChoices();
    await load();
  } catch (error) {
    showError(error);
  }
}

$('login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  $('login-message').textContent = t('loggingIn');
  try {
    await api.login(String(form.get('username')), String(form.get('password')));
    event.target.reset();
    $('login-message').textContent = '';
    await enter();
  } catch (error) {
    $('login-message').textContent =
      error instanceof ApiError && error.status === 401 ? t('badCredentials') : failure(error);
  }
});

/** Why signing in or resuming did not work, for the sign-in form. */
function failure(error) {
  if (!(error instanceof ApiError)) return t('offline');
  return error.status === 429 ? t('throttled') : `${t('failed')}（${error.status}）`;
}

$('logout').addEventListener('click', async () => {
  await api.logout().catch(() => undefined);
  filters.setUnit(''); // the next user may have another scope
  showLogin(t('signedOut'));
});

// ---- language ---------------------------------------------------------------------------------------------

function applyLanguage() {
  translateStatic();
  for (const button of document.querySelectorAll('[data-lang]')) {
    button.setAttribute('aria-pressed', String(button.dataset.lang === lang()));
  }
  fillChoices();
  render();
}

for (const button of document.querySelectorAll('[data-lang]')) {
  button.addEventListener('click', () => {
    setLang(button.dataset.lang);
    applyLanguage();
  });
}

// ---- start ------------------------------------------------------------------------------------------------

setLang(lang());
filters.readHash();
applyLanguage();
api.resume().then(
  (resumed) => (resumed ? enter() : showLogin()),
  (error) => showLogin(failure(error)),
);
