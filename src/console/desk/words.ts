import type { Label } from 'src/common/util/label';
import { lang, translator } from '../i18n';
import type { Role } from '../session';

/** The desk's own words (the work lists, the extension requests, the staff picker). */
export const w = translator({
  toDispatch: { zh: '待办案件', en: 'Cases' },
  extensionRequests: { zh: '延期申请', en: 'Extension requests' },
  kindCategory: { zh: '类型 / 类别', en: 'Kind / category' },
  nextClock: { zh: '最近时限', en: 'Next clock' },
  timeLeft: { zh: '剩余时间', en: 'Time left' },
  noClock: { zh: '无计时', en: 'No running clock' },
  left: { zh: '剩余 {span}', en: '{span} left' },
  overdueBy: { zh: '已超时 {span}', en: 'Overdue by {span}' },
  breached: { zh: '有时限已超时', en: 'A clock breached' },
  handle: { zh: '办理', en: 'Actions' },
  caseNumber: { zh: '案件编号', en: 'Case' },
  currentDue: { zh: '当前到期', en: 'Due now' },
  requested: { zh: '申请延长', en: 'Asked for' },
  reason: { zh: '申请理由', en: 'Reason' },
  requestedBy: { zh: '申请人', en: 'Requested by' },
  requestedAt: { zh: '申请时间', en: 'Requested at' },
  approve: { zh: '批准', en: 'Approve' },
  reject: { zh: '驳回', en: 'Reject' },
  approveTitle: { zh: '批准延期', en: 'Approve the extension' },
  rejectTitle: { zh: '驳回延期', en: 'Reject the extension' },
  approveNote: { zh: '批准意见（选填）', en: 'Note (optional)' },
  rejectReason: { zh: '驳回理由', en: 'Reason for rejecting' },
  approved: { zh: '已批准延期', en: 'Extension approved' },
  rejected: { zh: '已驳回延期', en: 'Extension rejected' },
  alreadyDecided: {
    zh: '该申请已被处理或案件已变化，列表已刷新',
    en: 'The request was already decided or the case changed; the list was reloaded',
  },
  noPending: { zh: '没有待审批的延期申请', en: 'No pending extension requests' },
  hours: { zh: '小时', en: 'hours' },
  days: { zh: '天', en: 'days' },
  chooseUnitFirst: { zh: '请先选择承办单位', en: 'Choose the union first' },
  nobodyThere: { zh: '该单位没有可选人员', en: 'Nobody to choose in that union' },
  user: { zh: '用户', en: 'User' },
});

const ROLE_NAMES: Record<Role, Label> = {
  operator: { zh: '接线员', en: 'Operator' },
  dispatcher: { zh: '派单员', en: 'Dispatcher' },
  mediator: { zh: '调解员', en: 'Mediator' },
  legal_aid: { zh: '法律援助', en: 'Legal aid' },
  leader: { zh: '领导', en: 'Leader' },
  admin: { zh: '管理员', en: 'Administrator' },
};

export const roleName = (role: Role): string => ROLE_NAMES[role][lang.value];
