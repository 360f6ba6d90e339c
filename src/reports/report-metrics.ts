/**
 * The counters kept per (Shanghai day, owning unit, kind, category, channel, outcome) by the report aggregates
 * (migrations/1795300000000-ReportAggregates.ts). Every figure is computed from these sums by `toFigures`.
 */
export const METRIC_COLUMNS = [
  'received',
  'cohort_closed',
  'collective',
  'claimed_fen',
  'agreed_fen',
  'awarded_fen',
  'fc_decided',
  'fc_on_time',
  'closed',
  'closed_on_time',
  'resolution_base',
  'resolved_halves',
  'callbacks_reached',
  'callbacks_satisfied',
  'recovered_fen',
  'workers_benefited',
  'cases_benefited',
  'breach_first_contact',
  'breach_acceptance',
  'breach_mediation',
  'breach_resolution',
  'breach_callback',
  'breach_instalment',
  'breach_limitation',
] as const;

export type MetricColumn = (typeof METRIC_COLUMNS)[number];

/** Sums of the counters over some set of aggregate rows; bigint because money sums pass 2^53 fen at scale. */
export type MetricSums = Record<MetricColumn, bigint>;

export const BREACH_COLUMNS = METRIC_COLUMNS.filter((m) => m.startsWith('breach_'));

export function zeroSums(): MetricSums {
  return Object.fromEntries(METRIC_COLUMNS.map((m) => [m, 0n])) as MetricSums;
}

export function addSums(into: MetricSums, other: MetricSums): MetricSums {
  for (const m of METRIC_COLUMNS) into[m] += other[m];
  return into;
}

/** Reads a row whose metric columns came back from PostgreSQL as strings (bigint) into sums. */
export function sumsFromRow(row: Record<string, unknown>): MetricSums {
  const sums = zeroSums();
  for (const m of METRIC_COLUMNS) {
    const value = row[m];
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') sums[m] = BigInt(value);
  }
  return sums;
}
