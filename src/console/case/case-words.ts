import type { Label } from 'src/common/util/label';
import type { InstalmentState } from 'src/workflow/effects/instalments';
import type { components } from '../api-types';
import { dateTime } from '../format';
import { lang, translator } from '../i18n';

type Schemas = components['schemas'];
// Records over the API's unions: a value added to the API without a name here does not type-check.
type Names<K extends string> = Record<K, Label>;

/** The case page's panels' own words. */
export const w = translator({
  overview: { zh: '概况', en: 'Overview' },
  parties: { zh: '当事人', en: 'Parties' },
  mediation: { zh: '调解', en: 'Mediation' },
  legalAid: { zh: '法律援助', en: 'Legal aid' },
  ledger: { zh: '回款', en: 'Payments' },
  attachments: { zh: '附件', en: 'Attachments' },
  notes: { zh: '备注', en: 'Notes' },
  related: { zh: '关联案件', en: 'Related cases' },
  ownerUnit: { zh: '承办单位', en: 'Owner unit' },
  assignee: { zh: '承办人', en: 'Assignee' },
  me: { zh: '本人', en: 'Me' },
  otherStaff: { zh: '已指派（其他工作人员）', en: 'Assigned (another staff member)' },
  unassigned: { zh: '未指派', en: 'Unassigned' },
  notFound: { zh: '案件不存在或不在您的管辖范围内', en: 'No such case in your scope' },
  worker: { zh: '劳动者', en: 'Worker' },
  name: { zh: '姓名', en: 'Name' },
  phone: { zh: '手机号码', en: 'Phone' },
  idNumber: { zh: '身份证号码', en: 'ID number' },
  employmentForm: { zh: '用工形式', en: 'Employment form' },
  unionMember: { zh: '工会会员', en: 'Union member' },
  yes: { zh: '是', en: 'Yes' },
  no: { zh: '否', en: 'No' },
  reveal: { zh: '查看完整', en: 'Reveal' },
  revealTitle: { zh: '查看完整个人信息', en: 'Reveal personal data' },
  purpose: { zh: '查看用途', en: 'Purpose' },
  purposeHint: { zh: '请说明为何需要完整信息，将记入审计日志', en: 'Why you need it; written to the audit log' },
  revealedHint: { zh: '完整信息仅在本页显示，离开本页即隐藏', en: 'Shown on this page only, hidden when you leave' },
  noWorker: { zh: '本案未登记劳动者', en: 'No worker on record' },
  partyOutOfScope: { zh: '劳动者信息不在您的管辖范围内', en: "The worker's record is outside your scope" },
  clockState: { zh: '状态', en: 'State' },
  extended: { zh: '已延期', en: 'Extended' },
  operations: { zh: '操作', en: 'Actions' },
  pause: { zh: '暂停', en: 'Pause' },
  resume: { zh: '恢复', en: 'Resume' },
  requestExtension: { zh: '申请延期', en: 'Request extension' },
  pauseReason: { zh: '暂停原因', en: 'Reason for pausing' },
  extensionAmount: { zh: '延长时长', en: 'How much longer' },
  extensionUnit: { zh: '时间单位', en: 'Unit' },
  reason: { zh: '理由', en: 'Reason' },
  workingDays: { zh: '按工作日计算', en: 'Counted in working days' },
  extensionRequests: { zh: '延期申请', en: 'Extension requests' },
  requestedAt: { zh: '申请时间', en: 'Requested' },
  decisionNote: { zh: '审批意见', en: 'Decision note' },
  approve: { zh: '批准', en: 'Approve' },
  reject: { zh: '驳回', en: 'Reject' },
  rejectReason: { zh: '驳回理由', en: 'Reason for rejecting' },
  ownRequest: { zh: '不能审批本人的申请', en: 'You cannot decide your own request' },
  noExtensions: { zh: '暂无延期申请', en: 'No extension requests' },
  sessions: { zh: '调解记录', en: 'Mediation sessions' },
  sessionDate: { zh: '调解日期', en: 'Date' },
  place: { zh: '地点', en: 'Place' },
  mediator: { zh: '调解员', en: 'Mediator' },
  partiesPresent: { zh: '到场人员', en: 'Present' },
  result: { zh: '结果', en: 'Result' },
  note: { zh: '说明', en: 'Note' },
  noSessions: { zh: '暂无调解记录', en: 'No sessions' },
  agreement: { zh: '调解协议', en: 'Agreement' },
  noAgreement: { zh: '尚未达成协议', en: 'No agreement yet' },
  agreedAmount: { zh: '协议金额（元）', en: 'Agreed (yuan)' },
  instalments: { zh: '分期付款计划', en: 'Instalment schedule' },
  seq: { zh: '期次', en: 'No.' },
  dueOn: { zh: '应付日期', en: 'Due on' },
  noInstalments: { zh: '未约定分期（一次性支付）', en: 'No instalments (paid at once)' },
  eligibility: { zh: '援助资格', en: 'Eligibility' },
  eligible: { zh: '符合援助条件', en: 'Eligible' },
  notEligible: { zh: '不符合援助条件', en: 'Not eligible' },
  undecided: { zh: '尚未审查', en: 'Not decided' },
  currentStage: { zh: '当前阶段', en: 'Current stage' },
  stage: { zh: '阶段', en: 'Stage' },
  forum: { zh: '仲裁委/法院', en: 'Forum' },
  externalCaseNumber: { zh: '仲裁/诉讼案号', en: 'Forum case number' },
  filedOn: { zh: '立案日期', en: 'Filed on' },
  hearingOn: { zh: '开庭日期', en: 'Hearing on' },
  decidedOn: { zh: '裁决/判决日期', en: 'Decided on' },
  awarded: { zh: '裁判金额（元）', en: 'Awarded (yuan)' },
  noStages: { zh: '暂无法律程序记录', en: 'No stages recorded' },
  amount: { zh: '金额（元）', en: 'Amount (yuan)' },
  paidOn: { zh: '付款日期', en: 'Paid on' },
  payer: { zh: '付款方', en: 'Payer' },
  corrects: { zh: '更正对象', en: 'Corrects' },
  recordedAt: { zh: '登记时间', en: 'Recorded' },
  total: { zh: '已挽回合计（元）', en: 'Recovered in total (yuan)' },
  correct: { zh: '更正', en: 'Correct' },
  correcting: { zh: '更正的回款', en: 'Correcting the payment' },
  noPayments: { zh: '暂无回款', en: 'No payments' },
  fileName: { zh: '文件名', en: 'File' },
  size: { zh: '大小', en: 'Size' },
  uploadedAt: { zh: '上传时间', en: 'Uploaded' },
  upload: { zh: '上传附件', en: 'Upload a file' },
  evidenceFile: { zh: '证据材料', en: 'Evidence file' },
  uploadHint: {
    zh: '可上传 PDF、JPEG、PNG、WebP、DOCX、XLSX（按文件内容识别类型，单个文件大小有限制）',
    en: 'PDF, JPEG, PNG, WebP, DOCX or XLSX (type checked by content; size-limited)',
  },
  uploadProgress: { zh: '上传进度', en: 'Upload progress' },
  uploaded: { zh: '已上传', en: 'Uploaded' },
  tooLarge: { zh: '文件超过大小限制，未上传', en: 'The file is over the size limit: not uploaded' },
  badType: { zh: '不支持的文件类型（按内容识别），未上传', en: 'Not an accepted file type (by content): not uploaded' },
  download: { zh: '下载', en: 'Download' },
  noAttachments: { zh: '暂无附件', en: 'No attachments' },
  noteText: { zh: '备注内容', en: 'Note' },
  addNote: { zh: '添加备注', en: 'Add note' },
  noteAdded: { zh: '备注已添加', en: 'Note added' },
  noNotes: { zh: '暂无备注', en: 'No notes' },
  linkNumber: { zh: '关联案件编号', en: 'Case number to link' },
  linkCase: { zh: '关联', en: 'Link' },
  linkNotFound: {
    zh: '未找到该编号的案件（或不在您的管辖范围内）',
    en: 'No case with this number in your scope',
  },
  linkedOk: { zh: '已关联案件', en: 'Case linked' },
  alreadyLinked: { zh: '两案已经关联', en: 'Already linked' },
  noRelated: { zh: '暂无关联案件', en: 'No related cases' },
  dispatchedTo: { zh: '派往', en: 'to' },
  yuan: { zh: '元', en: 'yuan' },
  submit: { zh: '提交', en: 'Submit' },
});

export const PAYER_LABELS: Names<Schemas['PaymentEntryDto']['payer']> = {
  employer: { zh: '用人单位', en: 'Employer' },
  guarantor: { zh: '担保人', en: 'Guarantor' },
  wage_guarantee_fund: { zh: '欠薪保障金', en: 'Wage guarantee fund' },
  court_enforcement: { zh: '法院强制执行', en: 'Court enforcement' },
  other: { zh: '其他', en: 'Other' },
};

export const SESSION_RESULT_LABELS: Names<Schemas['MediationSessionDto']['result']> = {
  agreement: { zh: '达成协议', en: 'Agreement' },
  partial_agreement: { zh: '部分达成协议', en: 'Partial agreement' },
  no_agreement: { zh: '未达成协议', en: 'No agreement' },
  employer_absent: { zh: '用人单位未到场', en: 'Employer absent' },
};

export const STAGE_LABELS: Names<Schemas['LegalStageDto']['stage']> = {
  assessment: { zh: '审查评估', en: 'Assessment' },
  arbitration: { zh: '劳动仲裁', en: 'Arbitration' },
  litigation: { zh: '诉讼', en: 'Litigation' },
  enforcement: { zh: '强制执行', en: 'Enforcement' },
};

export const EMPLOYMENT_LABELS: Names<Schemas['PartyResponseDto']['employmentForm']> = {
  standard: { zh: '标准劳动关系', en: 'Standard' },
  dispatched: { zh: '劳务派遣', en: 'Dispatched' },
  part_time: { zh: '非全日制', en: 'Part-time' },
  platform: { zh: '新就业形态（平台）', en: 'Platform work' },
  migrant: { zh: '农民工', en: 'Migrant worker' },
};

export const INSTALMENT_LABELS: Names<InstalmentState> = {
  paid: { zh: '已付', en: 'Paid' },
  due: { zh: '待付', en: 'Due' },
  overdue: { zh: '逾期未付', en: 'Overdue' },
};

export const EXTENSION_STATE_LABELS: Names<Schemas['ExtensionRequestDto']['state']> = {
  pending: { zh: '待审批', en: 'Pending' },
  approved: { zh: '已批准', en: 'Approved' },
  rejected: { zh: '已驳回', en: 'Rejected' },
};

export const EXTENSION_UNIT_LABELS: Names<Schemas['ExtensionRequestDto']['unit']> = {
  hours: { zh: '小时', en: 'hours' },
  days: { zh: '天', en: 'days' },
};

/** The name of a value in one of these tables, in the current language (the value itself when unknown). */
export function named(table: Record<string, Label>, value: string | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return table[value]?.[lang.value] ?? value;
}

/** A time as people in Beijing read it; '—' when there is none. */
export const when = dateTime;
