import { computed, ref } from 'vue';
import {
  CALLBACK_RESULT_LABELS,
  CATEGORY_LABELS,
  CHANNEL_LABELS,
  KIND_LABELS,
  OUTCOME_LABELS,
  PRIORITY_LABELS,
  STATUS_LABELS,
} from 'src/cases/case-labels';
import type { Label } from 'src/common/util/label';
import type { ClaimType } from 'src/cases/case.enums';
import { TIMER_LABELS } from 'src/sla/sla.types';
import { type TimerState } from 'src/cases/case-clock.enums';
import type { components } from './api-types';

type Schemas = components['schemas'];
// Records over the enums (or the API's own unions): a value added without a name does not type-check.
type Names<K extends string> = Record<K, Label>;

export type Lang = 'zh' | 'en';
const LANG_KEY = 'gd.console.lang';

/** Chinese first; the choice is remembered per browser. */
export const lang = ref<Lang>(localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh');

export function setLang(next: Lang): void {
  lang.value = next;
  localStorage.setItem(LANG_KEY, next);
  document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
}

/** The console's own words; enum values use the service's label tables. */
const WORDS = {
  appName: { zh: '工会维权服务台', en: 'Grievance Desk' },
  signIn: { zh: '登录', en: 'Sign in' },
  signOut: { zh: '退出', en: 'Sign out' },
  username: { zh: '用户名', en: 'Username' },
  password: { zh: '密码', en: 'Password' },
  badLogin: { zh: '用户名或密码不正确', en: 'Wrong username or password' },
  intake: { zh: '来电登记', en: 'Call intake' },
  desk: { zh: '派单台', en: 'Dispatch desk' },
  myCases: { zh: '我的案件', en: 'My cases' },
  search: { zh: '案件查询', en: 'Case search' },
  dashboard: { zh: '领导驾驶舱', en: 'Dashboard' },
  callerPhone: { zh: '来电号码', en: 'Caller phone' },
  callerName: { zh: '来电人姓名', en: 'Caller name' },
  openCasesOfCaller: { zh: '该来电人的在办案件', en: "Caller's open cases" },
  noOpenCases: { zh: '该号码没有在办案件', en: 'No open cases for this number' },
  attach: { zh: '关联到此案', en: 'Attach' },
  disposition: { zh: '处理方式', en: 'Disposition' },
  summary: { zh: '来电摘要', en: 'Call summary' },
  kind: { zh: '类型', en: 'Kind' },
  category: { zh: '类别', en: 'Category' },
  priority: { zh: '紧急程度', en: 'Priority' },
  employerName: { zh: '用人单位', en: 'Employer' },
  creditCode: { zh: '统一社会信用代码', en: 'Credit code' },
  workersAffected: { zh: '涉及人数', en: 'Workers affected' },
  claims: { zh: '诉求', en: 'Claims' },
  claimType: { zh: '诉求类型', en: 'Claim type' },
  amountYuan: { zh: '金额（元）', en: 'Amount (yuan)' },
  addClaim: { zh: '添加诉求', en: 'Add claim' },
  remove: { zh: '删除', en: 'Remove' },
  narrative: { zh: '事实经过', en: 'Narrative' },
  disputeArisenOn: { zh: '争议发生日期', en: 'Dispute arose on' },
  submit: { zh: '提交（Enter）', en: 'Submit (Enter)' },
  answeredOnSpot: { zh: '当场解答', en: 'Answered on the spot' },
  newCall: { zh: '新来电（Alt+N）', en: 'New call (Alt+N)' },
  saved: { zh: '已登记', en: 'Logged' },
  caseCreated: { zh: '已立案', en: 'Case created' },
  attached: { zh: '已关联到案件', en: 'Attached to case' },
  fixFields: { zh: '请修正标红的字段', en: 'Please fix the marked fields' },
  number: { zh: '案件编号', en: 'Case number' },
  status: { zh: '状态', en: 'Status' },
  receivedAt: { zh: '受理时间', en: 'Received' },
  claimed: { zh: '诉求金额（元）', en: 'Claimed (yuan)' },
  freeText: { zh: '关键词', en: 'Keywords' },
  find: { zh: '查询', en: 'Search' },
  more: { zh: '加载更多', en: 'Load more' },
  nothingFound: { zh: '没有找到案件', en: 'No cases found' },
  collective: { zh: '集体争议', en: 'Collective' },
  clocks: { zh: '时限', en: 'Clocks' },
  dueAt: { zh: '到期时间', en: 'Due' },
  timeline: { zh: '办理记录', en: 'Timeline' },
  recovered: { zh: '已挽回（元）', en: 'Recovered (yuan)' },
  back: { zh: '返回', en: 'Back' },
  actions: { zh: '可办理操作', en: 'Actions' },
  notifications: { zh: '通知', en: 'Notifications' },
  noNotifications: { zh: '暂无通知', en: 'No notifications' },
  noActions: { zh: '当前没有您可办理的操作', en: 'Nothing you can do on this case now' },
  confirm: { zh: '确定', en: 'Confirm' },
  cancel: { zh: '取消', en: 'Cancel' },
  done: { zh: '已办理', en: 'Done' },
  staleVersion: {
    zh: '案件已被他人修改，已重新加载；您填写的内容已保留，请核对后再提交',
    en: 'The case changed meanwhile and was reloaded; what you typed is kept: check and submit again',
  },
} satisfies Record<string, Label>;

export type Word = keyof typeof WORDS;

export const t = (word: Word): string => WORDS[word][lang.value];

/** A page's or panel's own words, kept beside it: `const w = translator({ ... })`, then `w('key')`. */
export function translator<W extends Record<string, Label>>(words: W): (word: keyof W) => string {
  return (word) => (words[word] as Label)[lang.value];
}

const TABLES = {
  kind: KIND_LABELS,
  category: CATEGORY_LABELS,
  priority: PRIORITY_LABELS,
  status: STATUS_LABELS,
  outcome: OUTCOME_LABELS,
  channel: CHANNEL_LABELS,
  callback: CALLBACK_RESULT_LABELS,
  claimType: {
    unpaid_wages: { zh: '拖欠工资', en: 'Unpaid wages' },
    overtime: { zh: '加班费', en: 'Overtime' },
    severance: { zh: '经济补偿金', en: 'Severance' },
    double_wages: { zh: '二倍工资', en: 'Double wages' },
    social_insurance: { zh: '社会保险', en: 'Social insurance' },
    work_injury: { zh: '工伤待遇', en: 'Work injury' },
    compensation: { zh: '赔偿金', en: 'Compensation' },
    other: { zh: '其他', en: 'Other' },
  } satisfies Names<`${ClaimType}`>,
  timer: TIMER_LABELS,
  timerState: {
    running: { zh: '计时中', en: 'Running' },
    paused: { zh: '已暂停', en: 'Paused' },
    met: { zh: '按时完成', en: 'Met' },
    breached: { zh: '已超时', en: 'Breached' },
    cancelled: { zh: '已取消', en: 'Cancelled' },
  } satisfies Names<`${TimerState}`>,
  event: {
    received: { zh: '受理', en: 'Received' },
    classified: { zh: '分类', en: 'Classified' },
    updated: { zh: '修改', en: 'Updated' },
    claims_replaced: { zh: '修改诉求', en: 'Claims changed' },
    note_added: { zh: '添加备注', en: 'Note added' },
    linked: { zh: '关联案件', en: 'Linked' },
    call_attached: { zh: '来电关联', en: 'Call attached' },
    callback_requested: { zh: '需要回电', en: 'Callback requested' },
    consultation_answered: { zh: '咨询已解答', en: 'Consultation answered' },
    attachment_added: { zh: '上传附件', en: 'Attachment added' },
    dispatched: { zh: '派单', en: 'Dispatched' },
    transferred: { zh: '转办', en: 'Transferred' },
    returned: { zh: '退回', en: 'Returned' },
    accepted: { zh: '受理派单', en: 'Accepted' },
    urged: { zh: '督办', en: 'Urged' },
    reassigned: { zh: '改派', en: 'Reassigned' },
    contact_recorded: { zh: '联系记录', en: 'Contact recorded' },
    answered_at_intake: { zh: '当场解答', en: 'Answered at intake' },
    closure_proposed: { zh: '申请办结', en: 'Closure proposed' },
    closed: { zh: '结案', en: 'Closed' },
    withdrawn: { zh: '撤回', en: 'Withdrawn' },
    not_accepted: { zh: '不予受理', en: 'Not accepted' },
    closed_as_duplicate: { zh: '重复案件结案', en: 'Closed as duplicate' },
    callback_recorded: { zh: '回访', en: 'Callback recorded' },
    reopened: { zh: '重新办理', en: 'Reopened' },
    mediation_started: { zh: '开始调解', en: 'Mediation started' },
    session_recorded: { zh: '调解记录', en: 'Session recorded' },
    agreement_recorded: { zh: '达成协议', en: 'Agreement recorded' },
    no_agreement: { zh: '调解不成', en: 'No agreement' },
    referred_to_legal_aid: { zh: '转法律援助', en: 'Referred to legal aid' },
    eligibility_decided: { zh: '援助审查', en: 'Eligibility decided' },
    stage_recorded: { zh: '法律程序', en: 'Stage recorded' },
    payment_recorded: { zh: '回款', en: 'Payment recorded' },
    payment_corrected: { zh: '更正回款', en: 'Payment corrected' },
    sla_warning: { zh: '时限预警', en: 'SLA warning' },
    sla_breached: { zh: '时限超时', en: 'SLA breached' },
    timer_paused: { zh: '暂停计时', en: 'Clock paused' },
    timer_resumed: { zh: '恢复计时', en: 'Clock resumed' },
    extension_requested: { zh: '申请延期', en: 'Extension requested' },
    extension_approved: { zh: '批准延期', en: 'Extension approved' },
    extension_rejected: { zh: '驳回延期', en: 'Extension rejected' },
  } satisfies Names<Schemas['CaseEventDto']['type']>,
  disposition: {
    case_created: { zh: '立案', en: 'New case' },
    consultation_answered: { zh: '咨询已解答', en: 'Consultation answered' },
    attached_to_case: { zh: '关联已有案件', en: 'Attach to a case' },
    callback_requested: { zh: '需要回电', en: 'Callback requested' },
    abandoned: { zh: '未接通/挂断', en: 'Abandoned' },
  } satisfies Names<Schemas['LogCallDto']['disposition']>,
} satisfies Record<string, Record<string, Label>>;

export type Table = keyof typeof TABLES;

/** The label of an enum value in the current language (the value itself when unknown). */
export function label(table: Table, value: string | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const entry = (TABLES[table] as Record<string, Label | undefined>)[value];
  return entry?.[lang.value] ?? value;
}

const FIELDS: Record<string, Label> = {
  orgUnitId: { zh: '承办单位', en: 'Unit' },
  assigneeId: { zh: '承办人', en: 'Assignee' },
  note: { zh: '备注', en: 'Note' },
  reason: { zh: '原因', en: 'Reason' },
  with: { zh: '联系对象', en: 'With' },
  method: { zh: '联系方式', en: 'Method' },
  sessionDate: { zh: '调解日期', en: 'Session date' },
  place: { zh: '地点', en: 'Place' },
  mediatorId: { zh: '调解员', en: 'Mediator' },
  partiesPresent: { zh: '到场人员', en: 'Present' },
  result: { zh: '结果', en: 'Result' },
  amount: { zh: '金额', en: 'Amount' },
  instalments: { zh: '分期', en: 'Instalments' },
  paidOn: { zh: '付款日期', en: 'Paid on' },
  payer: { zh: '付款方', en: 'Payer' },
  evidenceAttachmentId: { zh: '凭证附件', en: 'Evidence' },
  outcome: { zh: '办结结果', en: 'Outcome' },
  amountsConfirmed: { zh: '金额已核对', en: 'Amounts confirmed' },
  paymentStatus: { zh: '支付情况', en: 'Payment status' },
  attempts: { zh: '回访次数', en: 'Attempts' },
  kind: { zh: '类型', en: 'Kind' },
  category: { zh: '类别', en: 'Category' },
  priority: { zh: '紧急程度', en: 'Priority' },
};

/** The label of a command body's field (the field's own name when there is none). */
export const fieldLabel = (name: string): string => FIELDS[name]?.[lang.value] ?? name;

/** Options for a select: every value of a table with its label, reactive to the language. */
export function options(table: Table) {
  return computed(() => Object.keys(TABLES[table]).map((value) => ({ value, label: label(table, value) })));
}
