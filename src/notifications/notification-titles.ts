/**
 * Every staff notification's title, in one place so the wording stays one voice and a translation has one file to
 * read. A clock is named by its label (`TIMER_LABEL`), passed in: notifications know no clocks.
 */
export const NOTIFICATION_TITLES = {
  dispatched: (number: string) => `案件 ${number} 已派发至本单位，请及时受理`,
  assigned: (number: string) => `案件 ${number} 已指派给您`,
  reassigned: (number: string) => `案件 ${number} 已改派给您`,
  urged: (number: string) => `案件 ${number} 收到督办，请尽快处理`,
  returned: (number: string) => `案件 ${number} 被退回，请重新派单`,
  slaWarning: (number: string, clock: string) => `案件 ${number} 的${clock}时限即将到期`,
  slaBreached: (number: string, clock: string) => `案件 ${number} 的${clock}时限已超期`,
  extensionRequested: (number: string, clock: string, amount: number, unit: 'hours' | 'days') =>
    `案件 ${number} 的${clock}时限申请延期 ${amount} ${unit === 'days' ? '天' : '小时'}，请审批`,
  extensionApproved: (number: string, clock: string, newDueDay: string) =>
    `案件 ${number} 的${clock}时限延期申请已批准，新的到期日 ${newDueDay}`,
  extensionRejected: (number: string, clock: string) => `案件 ${number} 的${clock}时限延期申请未获批准`,
} as const;
