import {
  CallbackResult,
  CaseCategory,
  CaseKind,
  CaseOutcome,
  CasePriority,
  CaseStatus,
  Channel,
} from 'src/cases/case.enums';

/**
 * The Chinese name of every case enum value, for anything people read (exports, pages). Records, so a new enum
 * value without a label does not compile.
 */
export const KIND_ZH: Record<CaseKind, string> = {
  [CaseKind.Consultation]: '咨询',
  [CaseKind.Complaint]: '投诉',
  [CaseKind.LabourDispute]: '劳动争议',
  [CaseKind.HardshipAid]: '困难帮扶',
};

export const CATEGORY_ZH: Record<CaseCategory, string> = {
  [CaseCategory.WageArrears]: '拖欠工资',
  [CaseCategory.LabourContract]: '劳动合同',
  [CaseCategory.SocialInsurance]: '社会保险',
  [CaseCategory.WorkInjury]: '工伤',
  [CaseCategory.WorkingHours]: '工作时间',
  [CaseCategory.Dismissal]: '解除劳动关系',
  [CaseCategory.OccupationalSafety]: '劳动安全卫生',
  [CaseCategory.Discrimination]: '就业歧视',
  [CaseCategory.PlatformWork]: '新就业形态',
  [CaseCategory.Other]: '其他',
};

export const PRIORITY_ZH: Record<CasePriority, string> = {
  [CasePriority.Normal]: '一般',
  [CasePriority.Urgent]: '紧急',
  [CasePriority.Critical]: '特急',
};

export const STATUS_ZH: Record<CaseStatus, string> = {
  [CaseStatus.Received]: '已受理',
  [CaseStatus.Triaged]: '已分类',
  [CaseStatus.Dispatched]: '已派发',
  [CaseStatus.InProgress]: '办理中',
  [CaseStatus.Mediation]: '调解中',
  [CaseStatus.LegalAid]: '法律援助中',
  [CaseStatus.Resolved]: '待结案审核',
  [CaseStatus.Closed]: '已办结',
};

export const OUTCOME_ZH: Record<CaseOutcome, string> = {
  [CaseOutcome.Answered]: '已解答',
  [CaseOutcome.ResolvedByNegotiation]: '协商解决',
  [CaseOutcome.MediationAgreement]: '调解达成协议',
  [CaseOutcome.ArbitrationAward]: '仲裁裁决',
  [CaseOutcome.CourtJudgment]: '法院判决',
  [CaseOutcome.Settled]: '和解',
  [CaseOutcome.PartiallyResolved]: '部分解决',
  [CaseOutcome.Unresolved]: '未解决',
  [CaseOutcome.Withdrawn]: '撤回',
  [CaseOutcome.NotAccepted]: '不予受理',
  [CaseOutcome.ReferredOut]: '转交其他部门',
  [CaseOutcome.Duplicate]: '重复件',
};

export const CHANNEL_ZH: Record<Channel, string> = {
  [Channel.Hotline]: '热线电话',
  [Channel.WalkIn]: '来访',
  [Channel.Online]: '网上',
  [Channel.Wechat]: '微信',
  [Channel.Letter]: '来信',
  [Channel.Referral]: '转介',
};

export const CALLBACK_RESULT_ZH: Record<CallbackResult, string> = {
  [CallbackResult.Satisfied]: '满意',
  [CallbackResult.BasicallySatisfied]: '基本满意',
  [CallbackResult.Dissatisfied]: '不满意',
  [CallbackResult.Unreachable]: '未联系上',
};
