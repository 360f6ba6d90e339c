import { CaseCategory, CaseKind, CaseStatus, Channel } from 'src/cases/case.enums';
import { TimerName } from 'src/sla/sla.types';

export interface Label {
  zh: string;
  en: string;
}

/**
 * Names the dashboard shows for enum values the reports return as codes. Typed as complete records so a new
 * status, kind, category, channel or timer fails the build until it has a name on the page.
 * (Figure names are not here: they come with every summary, from the one definition in report-figures.ts.)
 */
export interface DashboardLabels {
  status: Record<CaseStatus, Label>;
  kind: Record<CaseKind, Label>;
  category: Record<CaseCategory, Label>;
  channel: Record<Channel, Label>;
  timer: Record<TimerName, Label>;
}

export const DASHBOARD_LABELS: DashboardLabels = {
  status: {
    [CaseStatus.Received]: { zh: '已受理', en: 'Received' },
    [CaseStatus.Triaged]: { zh: '已分类', en: 'Triaged' },
    [CaseStatus.Dispatched]: { zh: '已派单', en: 'Dispatched' },
    [CaseStatus.InProgress]: { zh: '办理中', en: 'In progress' },
    [CaseStatus.Mediation]: { zh: '调解中', en: 'In mediation' },
    [CaseStatus.LegalAid]: { zh: '法律援助中', en: 'Legal aid' },
    [CaseStatus.Resolved]: { zh: '待审核办结', en: 'Closure proposed' },
    [CaseStatus.Closed]: { zh: '已办结', en: 'Closed' },
  },
  kind: {
    [CaseKind.Consultation]: { zh: '咨询', en: 'Consultation' },
    [CaseKind.Complaint]: { zh: '投诉', en: 'Complaint' },
    [CaseKind.LabourDispute]: { zh: '劳动争议', en: 'Labour dispute' },
    [CaseKind.HardshipAid]: { zh: '困难帮扶', en: 'Hardship aid' },
  },
  category: {
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
  },
  channel: {
    [Channel.Hotline]: { zh: '12351热线', en: 'Hotline' },
    [Channel.WalkIn]: { zh: '来访', en: 'Walk-in' },
    [Channel.Online]: { zh: '网上', en: 'Online' },
    [Channel.Wechat]: { zh: '微信', en: 'WeChat' },
    [Channel.Letter]: { zh: '来信', en: 'Letter' },
    [Channel.Referral]: { zh: '转办', en: 'Referral' },
  },
  timer: {
    [TimerName.FirstContact]: { zh: '首次联系', en: 'First contact' },
    [TimerName.Acceptance]: { zh: '签收', en: 'Acceptance' },
    [TimerName.Mediation]: { zh: '调解', en: 'Mediation' },
    [TimerName.Resolution]: { zh: '办结', en: 'Resolution' },
    [TimerName.Callback]: { zh: '回访', en: 'Callback' },
    [TimerName.Instalment]: { zh: '分期履行', en: 'Instalment' },
    [TimerName.Limitation]: { zh: '仲裁时效', en: 'Limitation' },
  },
};
