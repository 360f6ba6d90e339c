// The page's own words in both languages. Figure names come from the API (summary.definitions) and enum names
// from the labels the server embeds in the page, so neither is repeated here.

const STORAGE_KEY = 'gd.dashboard.lang';

const WORDS = {
  title: { zh: '工会维权服务数据看板', en: 'Worker Rights Service Dashboard' },
  subtitle: { zh: '12351 职工服务热线 · 领导驾驶舱', en: '12351 Worker Hotline · Leadership view' },
  loginTitle: { zh: '登录', en: 'Sign in' },
  loginHint: {
    zh: '使用业务系统账号登录（领导或派单员角色可查看统计）。',
    en: 'Sign in with your case-system account (leaders and dispatchers see the reports).',
  },
  username: { zh: '用户名', en: 'Username' },
  password: { zh: '密码', en: 'Password' },
  login: { zh: '登录', en: 'Sign in' },
  loggingIn: { zh: '正在登录…', en: 'Signing in…' },
  logout: { zh: '退出登录', en: 'Sign out' },
  badCredentials: { zh: '用户名或密码错误。', en: 'Wrong username or password.' },
  throttled: { zh: '尝试次数过多，请稍后再试。', en: 'Too many attempts; try again later.' },
  expired: { zh: '登录已过期，请重新登录。', en: 'Your session has ended; please sign in again.' },
  signedOut: { zh: '已退出登录。', en: 'Signed out.' },
  offline: { zh: '无法连接服务器，请检查网络。', en: 'Cannot reach the server; check the network.' },
  failed: { zh: '加载失败', en: 'Loading failed' },
  retry: { zh: '重试', en: 'Retry' },
  noAccess: {
    zh: '该账号无权查看统计报表（需要领导或派单员角色）。',
    en: 'This account has no access to the reports (leader or dispatcher role required).',
  },
  unitOutOfScope: {
    zh: '所选单位不在您的管辖范围内，已切换回本单位。',
    en: 'That unit is outside your scope; showing your own unit.',
  },
  loading: { zh: '正在加载…', en: 'Loading…' },
  period: { zh: '统计周期', en: 'Period' },
  thisYear: { zh: '本年', en: 'This year' },
  thisQuarter: { zh: '本季度', en: 'This quarter' },
  thisMonth: { zh: '本月', en: 'This month' },
  pickYear: { zh: '按年度', en: 'By year' },
  custom: { zh: '自定义', en: 'Custom range' },
  year: { zh: '年度', en: 'Year' },
  from: { zh: '起', en: 'From' },
  to: { zh: '止', en: 'To' },
  apply: { zh: '查询', en: 'Apply' },
  unit: { zh: '单位', en: 'Unit' },
  kind: { zh: '类型', en: 'Kind' },
  allKinds: { zh: '全部类型', en: 'All kinds' },
  periodRange: { zh: '统计区间', en: 'Period' },
  rangeJoin: { zh: ' 至 ', en: ' – ' },
  yuan: { zh: '元', en: 'yuan' },
  people: { zh: '人', en: '' },
  cases: { zh: '件', en: '' },
  times: { zh: '次', en: '' },
  trendMonth: { zh: '逐月趋势：受理、办结与挽回经济损失', en: 'Monthly trend: received, closed, money recovered' },
  trendDay: { zh: '逐日趋势：受理、办结与挽回经济损失', en: 'Daily trend: received, closed, money recovered' },
  moneyAxis: { zh: '挽回经济损失（元）', en: 'Money recovered (yuan)' },
  casesAxis: { zh: '件数', en: 'Cases' },
  ranking: { zh: '下级单位排名', en: 'Ranking of units' },
  rankingHint: { zh: '点击表头排序，点击单位名称下钻。', en: 'Click a heading to sort, a unit to drill down.' },
  rank: { zh: '排名', en: '#' },
  unitName: { zh: '单位', en: 'Unit' },
  backlog: { zh: '积压案件账龄', en: 'Backlog by age' },
  asOf: { zh: '截至', en: 'as of' },
  openCases: { zh: '在办案件', en: 'open cases' },
  days: { zh: '天', en: 'days' },
  sla: { zh: '超时情况', en: 'SLA breaches' },
  byTimer: { zh: '按时限类型', en: 'By timer' },
  byUnit: { zh: '按单位', en: 'By unit' },
  total: { zh: '合计', en: 'Total' },
  noData: { zh: '暂无数据', en: 'No data' },
  caseList: { zh: '相关案件', en: 'Cases behind this figure' },
  definition: { zh: '统计口径', en: 'Definition' },
  cohort: { zh: '队列口径：按受理等日期选取案件，按当前状态计算', en: 'Cohort: cases chosen by a date, measured now' },
  flow: { zh: '流量口径：统计期内发生的事件', en: 'Flow: events dated in the period' },
  caseNumber: { zh: '案件编号', en: 'Case number' },
  receivedAt: { zh: '受理时间', en: 'Received' },
  category: { zh: '类别', en: 'Category' },
  status: { zh: '状态', en: 'Status' },
  claimed: { zh: '诉求金额（元）', en: 'Claimed (yuan)' },
  more: { zh: '加载更多', en: 'Load more' },
  close: { zh: '关闭', en: 'Close' },
  noCases: { zh: '没有案件。', en: 'No cases.' },
};

let current = localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';

export const lang = () => current;

export function setLang(next) {
  current = next === 'en' ? 'en' : 'zh';
  localStorage.setItem(STORAGE_KEY, current);
  document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en';
}

/** A word of the page in the current language. */
export const t = (key) => WORDS[key]?.[current] ?? key;

/** The current language's side of a { zh, en } pair (the English one may be missing: fall back to Chinese). */
export const pick = (pair) => (pair ? (current === 'en' ? (pair.en ?? pair.zh) : pair.zh) : '');

/** Rewrites every element marked data-i18n (text) or data-i18n-title (tooltip). */
export function translateStatic(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-title]')) el.title = t(el.dataset.i18nTitle);
  document.title = t('title');
}

/** A figure's definition in the page's language (the API sends both). */
export const definitionText = (definition) => (current === 'en' ? definition.definition : definition.definitionZh);
