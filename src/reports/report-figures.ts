import { HALF_RESOLVING_OUTCOME, RESOLVING_OUTCOMES, UNWORKED_OUTCOMES } from 'src/cases/case.enums';
import { fenToYuan } from 'src/common/money/money';
import { BREACH_COLUMNS, MetricSums } from 'src/reports/report-metrics';

export interface Rate {
  numerator: number;
  denominator: number;
  /** numerator ÷ denominator rounded to 4 decimals; null when nothing is in the denominator. */
  rate: number | null;
}

/** The headline figures of SPEC §5 for one set of cases and one period. */
export interface ReportFigures {
  received: number;
  closed: number;
  closureRate: Rate;
  onTimeClosureRate: Rate;
  responseRate: Rate;
  resolutionRate: Rate;
  satisfactionRate: Rate;
  moneyClaimed: string;
  moneyAgreed: string;
  moneyAwarded: string;
  moneyRecovered: string;
  workersBenefited: number;
  casesWithRecovery: number;
  collectiveDisputes: number;
  slaBreaches: number;
}

export type FigureKey = keyof ReportFigures;

/** Which date puts a case into a period, and so which case list a figure links to. */
export type PeriodBasis = 'received' | 'closed' | 'callback' | 'paid' | 'firstPaid' | 'breached';

export interface FigureDefinition {
  key: FigureKey;
  zh: string;
  en: string;
  basis: PeriodBasis;
  /** cohort: cases chosen by one date, measured as they stand now; flow: events dated in the period. */
  kind: 'cohort' | 'flow';
  definition: string;
  /** The same definition in Chinese, as leadership reads it. */
  definitionZh: string;
  /** Further GET /cases filters that narrow the figure's case list (collective disputes only collective ones). */
  listFilter?: Record<string, string>;
}

/**
 * The one definition of every figure: the API's labels, the dashboard's labels and docs/metrics.md come from here
 * (`npm run docs:metrics`). The arithmetic is in `toFigures`; the independent raw-table check is in
 * ReportRawRepository.
 */
export const FIGURES: readonly FigureDefinition[] = [
  {
    key: 'received',
    zh: '受理量',
    en: 'Received',
    basis: 'received',
    kind: 'flow',
    definitionZh: '统计期内受理的案件（含当场答复的咨询）。',
    definition: 'Cases received in the period (every kind, consultations answered at once included).',
  },
  {
    key: 'closed',
    zh: '办结量',
    en: 'Closed',
    basis: 'closed',
    kind: 'flow',
    definitionZh: '最近一次办结时间在统计期内的案件；重新办理后再次办结的案件只按最后一次办结计一次。',
    definition: 'Cases whose current closure falls in the period. A reopened case counts once, at its latest closure.',
  },
  {
    key: 'closureRate',
    zh: '办结率',
    en: 'Closure rate',
    basis: 'received',
    kind: 'cohort',
    definitionZh: '统计期内受理的案件中，目前已办结的比例（按受理批次统计）。',
    definition: 'Of the cases received in the period, the share closed now.',
  },
  {
    key: 'onTimeClosureRate',
    zh: '按期办结率',
    en: 'On-time closure rate',
    basis: 'closed',
    kind: 'flow',
    definitionZh: '统计期内办结的案件中，最近一个办结时限未超时的比例；无办结时限的案件视为按期。',
    definition:
      'Cases closed in the period whose latest resolution clock was not breached (closed by its due time) ÷ cases closed in the period. A case without a resolution clock counts as on time.',
  },
  {
    key: 'responseRate',
    zh: '响应率',
    en: 'Response rate',
    basis: 'received',
    kind: 'cohort',
    definitionZh:
      '统计期内受理、首次联系时限已有结论（按时或超时）的案件中，按时首次联系职工的比例；进行中和已取消的不计。',
    definition:
      'Of the cases received in the period whose first-contact clock is decided (met or breached), the share met: first contact with the worker within the limit. Running and cancelled clocks are outside both.',
  },
  {
    key: 'resolutionRate',
    zh: '解决率',
    en: 'Resolution rate',
    basis: 'closed',
    kind: 'flow',
    definitionZh:
      '统计期内办结的案件中（不含撤回、重复、不予受理），以解决性结果办结的比例（已答复、协商解决、调解协议、仲裁裁决、法院判决、和解；部分解决计半件）。',
    definition:
      `Cases closed in the period with a resolving outcome (${RESOLVING_OUTCOMES.join(', ')}; ` +
      `${HALF_RESOLVING_OUTCOME} counts one half) ÷ cases closed in the period other than ` +
      `${UNWORKED_OUTCOMES.slice(0, -1).join(', ')} and ${UNWORKED_OUTCOMES.at(-1) ?? ''}.`,
  },
  {
    key: 'satisfactionRate',
    zh: '满意率',
    en: 'Satisfaction rate',
    basis: 'callback',
    kind: 'flow',
    definitionZh:
      '统计期内回访中联系到职工的（不含无法联系），回答满意或基本满意的比例；重新办理前后的每次回访都计入。',
    definition:
      'Callbacks recorded in the period answering satisfied or basically_satisfied ÷ callbacks recorded in the period that reached the worker (all but unreachable). Every callback counts, including a second one after a reopening.',
  },
  {
    key: 'moneyClaimed',
    zh: '诉求金额',
    en: 'Money claimed',
    basis: 'received',
    kind: 'cohort',
    definitionZh: '统计期内受理案件的诉求金额合计（元）。',
    definition: 'Sum of the claim lines of the cases received in the period, yuan.',
  },
  {
    key: 'moneyAgreed',
    zh: '调解协议金额',
    en: 'Money agreed',
    basis: 'received',
    kind: 'cohort',
    definitionZh: '统计期内受理案件的调解协议金额合计（元）。',
    definition: 'Sum of the mediation agreement amounts of the cases received in the period, yuan.',
  },
  {
    key: 'moneyAwarded',
    zh: '裁判金额',
    en: 'Money awarded',
    basis: 'received',
    kind: 'cohort',
    definitionZh: '统计期内受理案件的最新裁判金额（仲裁裁决或判决）合计（元）。',
    definition: 'Sum of the latest award (arbitration award or judgment) of the cases received in the period, yuan.',
  },
  {
    key: 'moneyRecovered',
    zh: '挽回经济损失',
    en: 'Money recovered',
    basis: 'paid',
    kind: 'flow',
    definitionZh: '支付日期在统计期内的到账记录合计（含更正记录，元）：职工实际拿到的钱。',
    definition:
      'Sum of the payment-ledger entries dated (paid on) in the period, corrections included, yuan: what workers actually received.',
  },
  {
    key: 'workersBenefited',
    zh: '受益职工人数',
    en: 'Workers benefited',
    basis: 'firstPaid',
    kind: 'cohort',
    definitionZh: '首笔到账（第一条正数到账记录）日期在统计期内、目前挽回金额大于零的案件所涉职工人数。',
    definition:
      'Workers affected on the cases whose first payment is dated in the period and whose recovered total is above zero now.',
  },
  {
    key: 'casesWithRecovery',
    zh: '挽回损失案件数',
    en: 'Cases with recovery',
    basis: 'firstPaid',
    kind: 'cohort',
    definitionZh: '计入受益职工人数的案件数。',
    definition: 'The cases counted in workers benefited.',
  },
  {
    key: 'collectiveDisputes',
    listFilter: { collective: 'true' },
    zh: '集体争议',
    en: 'Collective disputes',
    basis: 'received',
    kind: 'flow',
    definitionZh: '统计期内受理的集体争议（涉及10人及以上）案件数。',
    definition: 'Cases received in the period flagged collective (10 or more workers affected).',
  },
  {
    key: 'slaBreaches',
    zh: '超时次数',
    en: 'SLA breaches',
    basis: 'breached',
    kind: 'flow',
    definitionZh: '统计期内超时的时限个数（全部时限类型），按类型见 /reports/sla。',
    definition: 'Clocks (every timer) breached in the period; per timer in /reports/sla.',
  },
];

function rate(numerator: number, denominator: number): Rate {
  return { numerator, denominator, rate: denominator === 0 ? null : Math.round((numerator / denominator) * 1e4) / 1e4 };
}

const n = (value: bigint): number => Number(value);

export function toFigures(s: MetricSums): ReportFigures {
  return {
    received: n(s.received),
    closed: n(s.closed),
    closureRate: rate(n(s.cohort_closed), n(s.received)),
    onTimeClosureRate: rate(n(s.closed_on_time), n(s.closed)),
    responseRate: rate(n(s.fc_on_time), n(s.fc_decided)),
    resolutionRate: rate(n(s.resolved_halves) / 2, n(s.resolution_base)),
    satisfactionRate: rate(n(s.callbacks_satisfied), n(s.callbacks_reached)),
    moneyClaimed: fenToYuan(s.claimed_fen),
    moneyAgreed: fenToYuan(s.agreed_fen),
    moneyAwarded: fenToYuan(s.awarded_fen),
    moneyRecovered: fenToYuan(s.recovered_fen),
    workersBenefited: n(s.workers_benefited),
    casesWithRecovery: n(s.cases_benefited),
    collectiveDisputes: n(s.collective),
    slaBreaches: BREACH_COLUMNS.reduce((total, m) => total + n(s[m]), 0),
  };
}
