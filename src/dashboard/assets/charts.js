// ECharts options for the dashboard's charts. `echarts` is the global from /dashboard/assets/echarts.min.js.
// Tooltips are built as DOM nodes (textContent, colours through the CSSOM) rather than ECharts' default HTML
// strings, whose inline style attributes the page's CSP (style-src 'self') would refuse.

import { formatBucket, formatCompact, formatCount, formatYuan } from './format.js';
import { t } from './i18n.js';

export const PALETTE = ['#1d4e89', '#2a9d8f', '#e9a23b', '#c8553d', '#6c5b7b', '#4f9dde', '#8aa05b'];
const AGE_COLOURS = ['#8cc5a8', '#e9c46a', '#f4a261', '#e76f51', '#a8322a'];
const FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif';
const AXIS_TEXT = '#5b6270';
const GRID_LINE = '#e8ebf0';

function tooltipNode(title, rows) {
  const box = document.createElement('div');
  box.className = 'tt';
  const head = document.createElement('div');
  head.className = 'tt-title';
  head.textContent = title;
  box.append(head);
  for (const row of rows) {
    const line = document.createElement('div');
    line.className = 'tt-row';
    const dot = document.createElement('span');
    dot.className = 'tt-dot';
    dot.style.backgroundColor = row.colour;
    const name = document.createElement('span');
    name.textContent = row.name;
    const value = document.createElement('strong');
    value.textContent = row.value;
    line.append(dot, name, value);
    box.append(line);
  }
  return box;
}

const base = (extra) => ({
  color: PALETTE,
  textStyle: { fontFamily: FONT },
  tooltip: {
    backgroundColor: '#fff',
    borderColor: '#d9dde4',
    borderWidth: 1,
    padding: [8, 12],
    extraCssText: 'box-shadow: 0 4px 16px rgba(20,30,50,.12); border-radius: 6px;',
    ...extra.tooltip,
  },
  ...extra,
});

const valueAxis = (extra = {}) => ({
  type: 'value',
  axisLabel: { color: AXIS_TEXT, formatter: (v) => formatCompact(v) },
  splitLine: { lineStyle: { color: GRID_LINE } },
  nameTextStyle: { color: AXIS_TEXT },
  ...extra,
});

const categoryAxis = (data, extra = {}) => ({
  type: 'category',
  data,
  axisLabel: { color: AXIS_TEXT },
  axisLine: { lineStyle: { color: '#c5cad3' } },
  axisTick: { show: false },
  ...extra,
});

const noData = (empty) =>
  empty
    ? { title: { text: t('noData'), left: 'center', top: 'middle', textStyle: { color: '#9aa1ad', fontSize: 14 } } }
    : {};

/** Received and closed as bars, money recovered as a line on its own axis; `points` cover every bucket. */
export function trendOption(points, granularity, name) {
  const years = new Set(points.map((p) => p.bucket.slice(0, 4)));
  const labels = points.map((p) => formatBucket(p.bucket, granularity, years.size > 1));
  const names = [name('received'), name('closed'), name('moneyRecovered')];
  return base({
    ...noData(points.every((p) => p.figures.received === 0 && p.figures.closed === 0)),
    legend: { top: 0, data: names, textStyle: { color: AXIS_TEXT } },
    grid: { left: 48, right: 72, top: 44, bottom: 28 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params) => {
        const point = points[params[0].dataIndex];
        return tooltipNode(labels[params[0].dataIndex], [
          { colour: PALETTE[0], name: names[0], value: formatCount(point.figures.received) },
          { colour: PALETTE[1], name: names[1], value: formatCount(point.figures.closed) },
          { colour: PALETTE[2], name: names[2], value: `${formatYuan(point.figures.moneyRecovered)} ${t('yuan')}` },
        ]);
      },
    },
    xAxis: categoryAxis(labels),
    // Both axes start at zero (or below it, if corrections make a bucket negative) so their zeros line up.
    yAxis: [
      valueAxis({ name: t('casesAxis'), minInterval: 1, min: 0 }),
      valueAxis({ name: t('moneyAxis'), splitLine: { show: false }, min: (range) => Math.min(0, range.min) }),
    ],
    series: [
      { name: names[0], type: 'bar', barMaxWidth: 18, data: points.map((p) => p.figures.received) },
      { name: names[1], type: 'bar', barMaxWidth: 18, data: points.map((p) => p.figures.closed) },
      {
        name: names[2],
        type: 'line',
        yAxisIndex: 1,
        symbolSize: 6,
        showSymbol: points.length <= 31,
        lineStyle: { width: 2.5 },
        areaStyle: { opacity: 0.08 },
        data: points.map((p) => Number(p.figures.moneyRecovered)),
      },
    ],
  });
}

/** One figure per unit as horizontal bars, in the table's order (first row on top). */
export function rankingOption(rows, metric) {
  const top = [...rows].reverse();
  return base({
    ...noData(rows.length === 0),
    grid: { left: 8, right: 88, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params) => {
        const row = top[params[0].dataIndex];
        return tooltipNode(row.name, [{ colour: PALETTE[0], name: metric.name, value: metric.text(row.figures) }]);
      },
    },
    xAxis: valueAxis({ max: metric.isRate ? 100 : undefined, axisLabel: { show: false }, splitLine: { show: false } }),
    yAxis: categoryAxis(
      top.map((r) => r.name),
      { axisLabel: { color: '#2b3140', width: 150, overflow: 'truncate' } },
    ),
    series: [
      {
        type: 'bar',
        barMaxWidth: 16,
        itemStyle: { borderRadius: [0, 3, 3, 0], color: PALETTE[0] },
        label: {
          show: true,
          position: 'right',
          color: '#2b3140',
          formatter: (p) => metric.text(top[p.dataIndex].figures),
        },
        data: top.map((r) => metric.value(r.figures)),
      },
    ],
  });
}

/** Open cases per status, stacked by age bucket (older is redder). */
export function backlogOption(backlog, statusName) {
  const rows = backlog.rows;
  const bucketName = (label) => `${label} ${t('days')}`;
  return base({
    ...noData(backlog.total === 0),
    legend: { top: 0, data: backlog.bucketLabels.map(bucketName), textStyle: { color: AXIS_TEXT } },
    grid: { left: 40, right: 16, top: 40, bottom: 28, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params) => {
        const row = rows[params[0].dataIndex];
        return tooltipNode(`${statusName(row.status)} · ${t('total')} ${formatCount(row.total)}`, [
          ...backlog.bucketLabels.map((label, i) => ({
            colour: AGE_COLOURS[i],
            name: bucketName(label),
            value: formatCount(row.buckets[label] ?? 0),
          })),
        ]);
      },
    },
    xAxis: categoryAxis(
      rows.map((r) => statusName(r.status)),
      { axisLabel: { color: AXIS_TEXT, interval: 0 } },
    ),
    yAxis: valueAxis({ minInterval: 1 }),
    series: backlog.bucketLabels.map((label, i) => ({
      name: bucketName(label),
      type: 'bar',
      stack: 'age',
      barMaxWidth: 36,
      itemStyle: { color: AGE_COLOURS[i] },
      data: rows.map((r) => r.buckets[label] ?? 0),
    })),
  });
}

/** Breaches per timer over the whole scope (every timer listed: a row of zeros is good news, not missing data). */
export function slaTimerOption(sla, timerName) {
  const timers = Object.keys(sla.byTimer);
  return base({
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    tooltip: { show: false },
    xAxis: valueAxis({ minInterval: 1, axisLabel: { show: false }, splitLine: { show: false } }),
    yAxis: categoryAxis(timers.map(timerName).reverse()),
    series: [
      {
        type: 'bar',
        barMaxWidth: 16,
        itemStyle: { color: PALETTE[3], borderRadius: [0, 3, 3, 0] },
        label: { show: true, position: 'right', color: '#2b3140', formatter: (p) => formatCount(p.value) },
        data: timers.map((k) => sla.byTimer[k]).reverse(),
      },
    ],
  });
}

/** Breaches per child unit, stacked by the timers that have any. */
export function slaUnitOption(rows, allTimers, timerName) {
  const timers = allTimers.filter((k) => rows.some((r) => (r.byTimer[k] ?? 0) > 0));
  const names = timers.map(timerName);
  return base({
    ...noData(rows.every((r) => r.total === 0)),
    legend: { top: 0, data: names, textStyle: { color: AXIS_TEXT } },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params) => {
        const row = rows[params[0].dataIndex];
        return tooltipNode(`${row.name} · ${t('total')} ${formatCount(row.total)}`, [
          ...timers.map((k, i) => ({
            colour: PALETTE[i % PALETTE.length],
            name: names[i],
            value: row.byTimer[k] ?? 0,
          })),
        ]);
      },
    },
    xAxis: categoryAxis(
      rows.map((r) => r.name),
      {
        axisLabel: { color: AXIS_TEXT, interval: 0, rotate: rows.length > 6 ? 30 : 0, width: 90, overflow: 'truncate' },
      },
    ),
    yAxis: valueAxis({ minInterval: 1 }),
    series: timers.map((k, i) => ({
      name: names[i],
      type: 'bar',
      stack: 'timer',
      barMaxWidth: 28,
      data: rows.map((r) => r.byTimer[k] ?? 0),
    })),
  });
}

/** The page's charts: one ECharts instance per element, resized with it. */
export function createCharts({ animate }) {
  const charts = new Map();
  const observer = new ResizeObserver((entries) => {
    for (const entry of entries) charts.get(entry.target)?.resize();
  });
  return {
    render(el, option, onClick) {
      let chart = charts.get(el);
      if (!chart) {
        chart = echarts.init(el, null, { renderer: 'canvas' });
        charts.set(el, chart);
        observer.observe(el);
      }
      chart.setOption({ animation: animate, ...option }, { notMerge: true });
      chart.off('click');
      if (onClick) chart.on('click', onClick);
    },
  };
}
