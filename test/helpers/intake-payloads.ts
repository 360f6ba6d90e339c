import { residentIdCheckChar } from 'src/common/validation/china-ids';

export const VALID_ID_NUMBER = '11010519900307123' + residentIdCheckChar('11010519900307123');
export const VALID_CREDIT_CODE = '91350100M000100Y43';

/** A complete, valid POST /cases body. */
export function validCaseBody(): Record<string, unknown> {
  return {
    kind: 'labour_dispute',
    category: 'wage_arrears',
    priority: 'normal',
    narrative: '外卖骑手反映站点拖欠三个月配送费。',
    workersAffected: 3,
    disputeArisenOn: '2026-09-01',
    worker: { name: '王小明', phone: '13912345678', idNumber: VALID_ID_NUMBER, employmentForm: 'platform' },
    employer: { name: '北京某某外卖配送有限公司', creditCode: VALID_CREDIT_CODE, industry: '即时配送' },
    claims: [{ type: 'unpaid_wages', amount: '12345.67', note: '8—10月配送费' }],
  };
}

/** A complete, valid POST /calls body that creates a case. */
export function validCallBody(): Record<string, unknown> {
  const { worker, ...details } = validCaseBody();
  return {
    channel: 'hotline',
    startedAt: '2026-11-20T09:30:00+08:00',
    endedAt: '2026-11-20T09:41:00+08:00',
    caller: worker,
    summary: '来电人称被拖欠工资，要求维权。',
    disposition: 'case_created',
    case: details,
  };
}
