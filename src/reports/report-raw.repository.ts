import { Injectable } from '@nestjs/common';
import { HALF_RESOLVING_OUTCOME, RESOLVING_OUTCOMES, UNWORKED_OUTCOMES } from 'src/cases/case.enums';
import { DbContext } from 'src/database/db-context';
import {
  BreakdownBy,
  childUnitKey,
  dimensionWhere,
  Grouping,
  ReportFilter,
  SqlParams,
} from 'src/reports/report-filter';
import { addSums, MetricColumn, MetricSums, sumsFromRow, zeroSums } from 'src/reports/report-metrics';
import type { GroupedSums } from 'src/reports/report.repository';

interface Family {
  /** FROM clause; the case is always aliased `c`. */
  from: string;
  /** The Shanghai calendar date that places a row in a period. */
  date: string;
  where?: string;
  metrics: Partial<Record<MetricColumn, string>>;
}

/** Enum values as an SQL list: they are identifiers of this codebase, never user input. */
const sqlList = (values: readonly string[]): string => `(${values.map((v) => `'${v}'`).join(',')})`;
const RESOLVING = sqlList(RESOLVING_OUTCOMES);
const local = (ts: string): string => `(${ts} AT TIME ZONE 'Asia/Shanghai')::date`;

/**
 * The same figures straight from the raw tables (case, case_timer, case_callback, payment), written independently
 * of the aggregate view and triggers: the check behind the property test and the benchmark, and `source=raw`.
 * Slow by design at scale — it scans the period's rows.
 */
const FAMILIES: readonly Family[] = [
  {
    from: `"case" c LEFT JOIN LATERAL (
             SELECT t.state FROM case_timer t WHERE t.case_id = c.id AND t.timer = 'first_contact'
             ORDER BY t.started_at DESC, t.id DESC LIMIT 1) fc ON true`,
    date: local('c.received_at'),
    metrics: {
      received: 'count(*)',
      cohort_closed: `count(*) FILTER (WHERE c.status = 'closed')`,
      collective: 'count(*) FILTER (WHERE c.collective)',
      claimed_fen: 'sum(c.claimed_fen)',
      agreed_fen: 'sum(c.agreed_fen)',
      awarded_fen: 'sum(c.awarded_fen)',
      fc_decided: `count(*) FILTER (WHERE fc.state IN ('met', 'breached'))`,
      fc_on_time: `count(*) FILTER (WHERE fc.state = 'met')`,
    },
  },
  {
    from: `"case" c LEFT JOIN LATERAL (
             SELECT t.state FROM case_timer t WHERE t.case_id = c.id AND t.timer = 'resolution'
             ORDER BY t.started_at DESC, t.id DESC LIMIT 1) rt ON true`,
    date: local('c.closed_at'),
    where: `c.status = 'closed'`,
    metrics: {
      closed: 'count(*)',
      closed_on_time: `count(*) FILTER (WHERE rt.state IS DISTINCT FROM 'breached')`,
      resolution_base: `count(*) FILTER (WHERE c.outcome NOT IN ${sqlList(UNWORKED_OUTCOMES)})`,
      resolved_halves: `2 * count(*) FILTER (WHERE c.outcome IN ${RESOLVING}) + count(*) FILTER (WHERE c.outcome = '${HALF_RESOLVING_OUTCOME}')`,
    },
  },
  {
    from: `case_callback cb JOIN "case" c ON c.id = cb.case_id`,
    date: local('cb.recorded_at'),
    metrics: {
      callbacks_reached: `count(*) FILTER (WHERE cb.result <> 'unreachable')`,
      callbacks_satisfied: `count(*) FILTER (WHERE cb.result IN ('satisfied', 'basically_satisfied'))`,
    },
  },
  {
    from: `payment p JOIN "case" c ON c.id = p.case_id`,
    date: 'p.paid_on',
    metrics: { recovered_fen: 'sum(p.amount_fen)' },
  },
  {
    from: `"case" c JOIN (SELECT case_id, min(paid_on) AS first_paid FROM payment WHERE amount_fen > 0 GROUP BY case_id) fp
             ON fp.case_id = c.id`,
    date: 'fp.first_paid',
    where: 'c.recovered_fen > 0',
    metrics: { workers_benefited: 'sum(c.workers_affected)', cases_benefited: 'count(*)' },
  },
  {
    from: `case_timer t JOIN "case" c ON c.id = t.case_id`,
    date: local('t.breached_at'),
    where: 't.breached_at IS NOT NULL',
    metrics: Object.fromEntries(
      ['first_contact', 'acceptance', 'mediation', 'resolution', 'callback', 'instalment', 'limitation'].map((n) => [
        `breach_${n}`,
        `count(*) FILTER (WHERE t.timer = '${n}')`,
      ]),
    ),
  },
];

@Injectable()
export class ReportRawRepository {
  constructor(private readonly db: DbContext) {}

  async sums(filter: ReportFilter, grouping: Grouping): Promise<GroupedSums[]> {
    const merged = new Map<string | null, MetricSums>();
    for (const family of FAMILIES) {
      for (const row of await this.family(family, filter, grouping)) {
        const current = merged.get(row.key) ?? zeroSums();
        merged.set(row.key, addSums(current, row.sums));
      }
    }
    return [...merged.entries()].map(([key, sums]) => ({ key, sums }));
  }

  private async family(family: Family, filter: ReportFilter, grouping: Grouping): Promise<GroupedSums[]> {
    const params = new SqlParams();
    const root = params.add(filter.rootPath);
    const where = [
      `c.owner_path LIKE ${root} || '%'`,
      `${family.date} BETWEEN ${params.add(filter.range.from)}::date AND ${params.add(filter.range.to)}::date`,
    ];
    if (family.where) where.push(family.where);
    where.push(...dimensionWhere(filter, params, 'c'));
    const key =
      grouping.by === 'none'
        ? 'NULL::text'
        : grouping.by === 'time'
          ? `to_char(date_trunc('${grouping.granularity}', ${family.date}), 'YYYY-MM-DD')`
          : grouping.by === BreakdownBy.Unit
            ? childUnitKey('c.owner_path', root)
            : `c.${grouping.by}::text`;
    const metrics = Object.entries(family.metrics).map(([m, sql]) => `(${sql})::text AS ${m}`);
    const rows = await this.db.manager.query<Array<Record<string, unknown>>>(
      `SELECT ${key} AS key, ${metrics.join(', ')} FROM ${family.from} WHERE ${where.join(' AND ')} GROUP BY 1`,
      params.values,
    );
    return rows.map((row) => ({ key: typeof row.key === 'string' ? row.key : null, sums: sumsFromRow(row) }));
  }
}
