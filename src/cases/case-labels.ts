import {
  CallbackResult,
  CaseCategory,
  CaseKind,
  CaseOutcome,
  CasePriority,
  CaseStatus,
  Channel,
} from 'src/cases/case.enums';
import { Label, zhOf } from 'src/common/util/label';

/**
 * The one name of every case enum value for anything people read: exports, the dashboard, notifications.
 * Records, so a new enum value without a name does not compile.
 */
export const KIND_LABELS: Record<CaseKind, Label> = {
  [CaseKind.Consultation]: { zh: '咨询', en: 'Consultation' },
  [CaseKind.Complaint]: { zh: '投诉', en: 'Complaint' },
  [CaseKind.LabourDispute]: { zh: '劳动争议', en: 'Labour dispute' },
  [CaseKind.HardshipAid]: { zh: '困难帮扶', en: 'Hardship aid' },
};

export const CATEGORY_LABELS: Record<CaseCategory, Label> = {
  [CaseCategory.WageArrears]: { zh: '拖欠工资', en: 'Wage arrears' },
  [CaseCategory.LabourContract]: { zh: '劳动合同', en: 'Labour contract' },
  [CaseCategory.SocialInsurance]: { zh: '社会保险', en: 'Social insurance' },
  [CaseCategory.WorkInjury]: { zh: '工伤', en: 'Work injury' },
  [CaseCategory.WorkingHours]: { zh: '工时与休假', en: 'Working hours' },
  [CaseCategory.Dismissal]: { zh: '解除劳动关系', en: 'Dismissal' },
  [CaseCategory.OccupationalSafety]: { zh: '职业安全卫生', en: 'Occupational safety' },
  [CaseCategory.Discrimination]: { zh: '就业歧视', en: 'Discrimination' },
  [CaseCategory.PlatformWork]: { zh: '新就业形态', en: 'Platform work' },
  [CaseCategory.Other]: { zh: '其他', en: 'Other' },
};

export const PRIORITY_LABELS: Record<CasePriority, Label> = {
  [CasePriority.Normal]: { zh: '一般', en: 'Normal' },
  [CasePriority.Urgent]: { zh: '紧急', en: 'Urgent' },
  [CasePriority.Critical]: { zh: '特急', en: 'Critical' },
};

export const STATUS_LABELS: Record<CaseStatus, Label> = {
  [CaseStatus.Received]: { zh: '已受理', en: 'Received' },
  [CaseStatus.Triaged]: { zh: '已分类', en: 'Triaged' },
  [CaseStatus.Dispatched]: { zh: '已派发', en: 'Dispatched' },
  [CaseStatus.InProgress]: { zh: '办理中', en: 'In progress' },
  [CaseStatus.Mediation]: { zh: '调解中', en: 'In mediation' },
  [CaseStatus.LegalAid]: { zh: '法律援助中', en: 'Legal aid' },
  [CaseStatus.Resolved]: { zh: '待审核办结', en: 'Closure proposed' },
  [CaseStatus.Closed]: { zh: '已办结', en: 'Closed' },
};

export const OUTCOME_LABELS: Record<CaseOutcome, Label> = {
  [CaseOutcome.Answered]: { zh: '已解答', en: 'Answered' },
  [CaseOutcome.ResolvedByNegotiation]: { zh: '协商解决', en: 'Resolved by negotiation' },
  [CaseOutcome.MediationAgreement]: { zh: '调解达成协议', en: 'Mediation agreement' },
  [CaseOutcome.ArbitrationAward]: { zh: '仲裁裁决', en: 'Arbitration award' },
  [CaseOutcome.CourtJudgment]: { zh: '法院判决', en: 'Court judgment' },
  [CaseOutcome.Settled]: { zh: '和解', en: 'Settled' },
  [CaseOutcome.PartiallyResolved]: { zh: '部分解决', en: 'Partially resolved' },
  [CaseOutcome.Unresolved]: { zh: '未解决', en: 'Unresolved' },
  [CaseOutcome.Withdrawn]: { zh: '撤回', en: 'Withdrawn' },
  [CaseOutcome.NotAccepted]: { zh: '不予受理', en: 'Not accepted' },
  [CaseOutcome.ReferredOut]: { zh: '转交其他部门', en: 'Referred out' },
  [CaseOutcome.Duplicate]: { zh: '重复件', en: 'Duplicate' },
};

export const CHANNEL_LABELS: Record<Channel, Label> = {
  [Channel.Hotline]: { zh: '12351热线', en: 'Hotline' },
  [Channel.WalkIn]: { zh: '来访', en: 'Walk-in' },
  [Channel.Online]: { zh: '网上', en: 'Online' },
  [Channel.Wechat]: { zh: '微信', en: 'WeChat' },
  [Channel.Letter]: { zh: '来信', en: 'Letter' },
  [Channel.Referral]: { zh: '转办', en: 'Referral' },
};

export const CALLBACK_RESULT_LABELS: Record<CallbackResult, Label> = {
  [CallbackResult.Satisfied]: { zh: '满意', en: 'Satisfied' },
  [CallbackResult.BasicallySatisfied]: { zh: '基本满意', en: 'Basically satisfied' },
  [CallbackResult.Dissatisfied]: { zh: '不满意', en: 'Dissatisfied' },
  [CallbackResult.Unreachable]: { zh: '未联系上', en: 'Unreachable' },
};

export const KIND_ZH = zhOf(KIND_LABELS);
export const CATEGORY_ZH = zhOf(CATEGORY_LABELS);
export const PRIORITY_ZH = zhOf(PRIORITY_LABELS);
export const STATUS_ZH = zhOf(STATUS_LABELS);
export const OUTCOME_ZH = zhOf(OUTCOME_LABELS);
export const CHANNEL_ZH = zhOf(CHANNEL_LABELS);
export const CALLBACK_RESULT_ZH = zhOf(CALLBACK_RESULT_LABELS);
