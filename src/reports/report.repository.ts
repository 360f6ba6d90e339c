import { Injectable } from '@nestjs/common';
import { DbContext } from 'src/database/db-context';
import { BreakdownBy, childUnitKey, Grouping, ReportFilter, SqlParams } from 'src/reports/report-filter';
import { METRIC_COLUMNS, MetricSums, sumsFromRow } from 'src/reports/report-metrics';
import { Granularity } from 'src/reports/report-period';

const FINE_DIMS = ['org_unit_id', 'kind', 'category', 'channel', 'outcome'] as const;
const METRICS = METRIC_COLUMNS.join(', ');
const SUMS = METRIC_COLUMNS.map((m) => `sum(${m})::text AS ${m}`).join(', ');

export interface GroupedSums {
  key: string | null;
  sums: MetricSums;
}

/**
 * Figures from the maintained aggregates: whole months from the month cubes, ragged ends from the day cube, plus
 * the deltas not yet folded in by the rollup job — so answers are exact the moment a command commits.
 */
@Injectable()
export class ReportRepository {
  constructor(private readonly db: DbContext) {}

  async sums(filter: ReportFilter, grouping: Grouping): Promise<GroupedSums[]> {
    const params = new SqlParams();
    const root = params.add(filter.rootPath);
    const dayGrain = grouping.by === 'time' && [Granularity.Day, Granularity.Week].includes(grouping.granularity);
    const needsFineDims =
      filter.category !== undefined ||
      filter.channel !== undefined ||
      grouping.by === BreakdownBy.Category ||
      grouping.by === BreakdownBy.Channel ||
      grouping.by === BreakdownBy.Outcome;
    const { range } = filter;
    const sources: string[] = [];
    const from = params.add(range.from);
    const to = params.add(range.to);
    const dims = (table: 'fine' | 'coarse'): string =>
      table === 'fine'
        ? FINE_DIMS.join(', ')
        : 'org_unit_id, kind, NULL::case_category AS category, NULL::channel AS channel, NULL::case_outcome AS outcome';
    if (!dayGrain && range.monthsFrom < range.monthsTo) {
      const monthsFrom = params.add(range.monthsFrom);
      const monthsTo = params.add(range.monthsTo);
      const [table, kind] = needsFineDims
        ? ['report_month', 'fine' as const]
        : ['report_month_unit', 'coarse' as const];
      sources.push(
        `SELECT month AS d, ${dims(kind)}, ${METRICS} FROM ${table} WHERE month >= ${monthsFrom}::date AND month < ${monthsTo}::date`,
      );
      sources.push(
        `SELECT day AS d, ${dims('fine')}, ${METRICS} FROM report_day
         WHERE (day >= ${from}::date AND day < ${monthsFrom}::date) OR (day >= ${monthsTo}::date AND day <= ${to}::date)`,
      );
    } else {
      sources.push(
        `SELECT day AS d, ${dims('fine')}, ${METRICS} FROM report_day WHERE day BETWEEN ${from}::date AND ${to}::date`,
      );
    }
    sources.push(
      `SELECT day AS d, ${dims('fine')}, ${METRICS} FROM report_delta WHERE day BETWEEN ${from}::date AND ${to}::date`,
    );
    const where = [`u.path LIKE ${root} || '%'`];
    if (filter.kind) where.push(`x.kind = ${params.add(filter.kind)}`);
    if (filter.category) where.push(`x.category = ${params.add(filter.category)}`);
    if (filter.channel) where.push(`x.channel = ${params.add(filter.channel)}`);
    const key = groupKey(grouping, root);
    const rows = await this.db.manager.query<Array<Record<string, unknown>>>(
      `SELECT ${key} AS key, ${SUMS}
       FROM (${sources.join('\nUNION ALL\n')}) x JOIN org_unit u ON u.id = x.org_unit_id
       WHERE ${where.join(' AND ')}
       GROUP BY 1`,
      params.values,
    );
    return rows.map((row) => ({ key: typeof row.key === 'string' ? row.key : null, sums: sumsFromRow(row) }));
  }

  /** Folds up to `limit` deltas into the cubes; returns how many were folded (0 when another rollup runs). */
  async rollup(limit: number): Promise<number> {
    const [row] = await this.db.manager.query<Array<{ moved: number }>>('SELECT report_rollup($1) AS moved', [limit]);
    return row?.moved ?? 0;
  }

  /** Recomputes every aggregate from the raw tables (after a bulk load, or as a repair). */
  async rebuild(): Promise<number> {
    const [row] = await this.db.manager.query<Array<{ rows: string }>>('SELECT report_rebuild() AS rows');
    return Number(row?.rows ?? 0);
  }

  async pendingDeltas(): Promise<number> {
    const [row] = await this.db.manager.query<Array<{ count: string }>>('SELECT count(*) AS count FROM report_delta');
    return Number(row?.count ?? 0);
  }
}

function groupKey(grouping: Grouping, root: string): string {
  switch (grouping.by) {
    case 'none':
      return 'NULL::text';
    case 'time':
      return `to_char(date_trunc('${grouping.granularity}', x.d), 'YYYY-MM-DD')`;
    case BreakdownBy.Unit:
      return childUnitKey('u.path', root);
    case BreakdownBy.Kind:
    case BreakdownBy.Category:
    case BreakdownBy.Channel:
    case BreakdownBy.Outcome:
      return `x.${grouping.by}::text`;
  }
}
