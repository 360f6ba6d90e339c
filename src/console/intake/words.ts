import { shortDateTime } from '../format';
import { translator } from '../i18n';

/** The intake page's own words (the shared ones stay in i18n.ts). */
export const w = translator({
  addClaim: { zh: '添加诉求（Alt+C）', en: 'Add claim (Alt+C)' },
  employerHint: { zh: '名称或统一社会信用代码', en: 'Name or credit code' },
  recentCalls: { zh: '我的近期来电', en: 'My recent calls' },
  noCalls: { zh: '暂无来电记录', en: 'No calls yet' },
  calledAt: { zh: '来电时间', en: 'Time' },
  callbacksDue: { zh: '待回访', en: 'Callbacks due' },
  noCallbacks: { zh: '暂无待回访案件', en: 'No callbacks due' },
  closedAt: { zh: '结案时间', en: 'Closed' },
  outcome: { zh: '办结结果', en: 'Outcome' },
  callback: { zh: '回访', en: 'Call back' },
  loadFailed: { zh: '列表加载失败', en: 'Could not load the list' },
});

/** Short Beijing time for the lists: the desk reads today's calls, the year is noise. */
export const shortTime = shortDateTime;
