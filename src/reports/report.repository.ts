import { Injectable } from '@nestjs/common';
import { DbContext } from 'src/database/db-context';
import {
  BreakdownBy,
  childUnitKey,
  dimensionWhere,
  Grouping,
  ReportFilter,
  SqlParams,
} from 'src/reports/report-filter';
import { addSums, METRIC_COLUMNS, MetricSums, sumsFromRow, zeroSums } from 'src/reports/report-metrics';
import { Granularity } from 'src/reports/report-period';

const METRICS = METRIC_COLUMNS.join(', ');
const SUMS = METRIC_COLUMNS.map((m) => `sum(${m})::text AS ${m}`).join(', ');
/** The key of the reported unit's own total in a breakdown by unit (never a uuid). */
const TOTAL = '*';

export interface GroupedSums {
  key: string | null;
  sums: MetricSums;
}

/**
 * Figures from the maintained aggregates. The cubes hold one row set per ancestor unit, so a subtree is the rows of
 * exactly one unit: whole months from a month cube, the ragged ends from a day cube (coarse cubes when only kind
 * matters), plus the deltas the rollup job has not folded yet — exact the moment a command commits.
 */
@Injectable()
export class ReportRepository {
  constructor(private readonly db: DbContext) {}

  async sums(filter: ReportFilter, grouping: Grouping): Promise<GroupedSums[]> {
    // One statement, so cubes and pending deltas come from one snapshot: a rollup committing between two reads
    // would otherwise drop the deltas it folded from both.
    const params = new SqlParams();
    const rows = await this.db.manager.query<Array<Record<string, unknown>>>(
      `${this.cubeSql(filter, grouping, params)}\nUNION ALL\n${this.pendingSql(filter, grouping, params)}`,
      params.values,
    );
    const merged = new Map<string | null, MetricSums>();
    const add = (key: string | null, sums: MetricSums): void => {
      merged.set(key, addSums(merged.get(key) ?? zeroSums(), sums));
    };
    const own = zeroSums();
    for (const row of rows) {
      const key = typeof row.key === 'string' ? row.key : null;
      const sums = sumsFromRow(row);
      if (row.src === 'delta' || grouping.by !== BreakdownBy.Unit) add(key, sums);
      else if (key === TOTAL) addSums(own, sums);
      else {
        // The unit's own cases are its subtree's total less its children's subtrees.
        add(key, sums);
        for (const m of METRIC_COLUMNS) own[m] -= sums[m];
      }
    }
    if (grouping.by === BreakdownBy.Unit) add('', own);
    return [...merged.entries()].map(([key, sums]) => ({ key, sums }));
  }

  private cubeSql(filter: ReportFilter, grouping: Grouping, params: SqlParams): string {
    const byUnit = grouping.by === BreakdownBy.Unit;
    const units = params.add(byUnit ? [filter.rootUnitId, ...filter.childUnitIds] : [filter.rootUnitId]);
    const dayGrain = grouping.by === 'time' && [Granularity.Day, Granularity.Week].includes(grouping.granularity);
    const fine =
      filter.category !== undefined ||
      filter.channel !== undefined ||
      grouping.by === BreakdownBy.Category ||
      grouping.by === BreakdownBy.Channel ||
      grouping.by === BreakdownBy.Outcome;
    const dims = fine ? 'kind, category, channel, outcome' : 'kind';
    const suffix = fine ? '' : '_kind';
    const { range } = filter;
    const from = params.add(range.from);
    const to = params.add(range.to);
    const sources: string[] = [];
    const select = (bucket: string): string => `SELECT unit_id, ${bucket} AS d, ${dims}, ${METRICS}`;
    if (!dayGrain && range.monthsFrom < range.monthsTo) {
      const monthsFrom = params.add(range.monthsFrom);
      const monthsTo = params.add(range.monthsTo);
      sources.push(`${select('month')} FROM report_tree_month${suffix}
        WHERE unit_id = ANY(${units}::uuid[]) AND month >= ${monthsFrom}::date AND month < ${monthsTo}::date`);
      sources.push(`${select('day')} FROM report_tree_day${suffix}
        WHERE unit_id = ANY(${units}::uuid[])
          AND ((day >= ${from}::date AND day < ${monthsFrom}::date) OR (day >= ${monthsTo}::date AND day <= ${to}::date))`);
    } else {
      sources.push(`${select('day')} FROM report_tree_day${suffix}
        WHERE unit_id = ANY(${units}::uuid[]) AND day BETWEEN ${from}::date AND ${to}::date`);
    }
    const where = dimensionWhere(filter, params, 'x');
    // Every parameter must appear in the SQL (PostgreSQL cannot type an unused one): the root only when keyed by unit.
    const key = byUnit
      ? `CASE WHEN x.unit_id = ${params.add(filter.rootUnitId)}::uuid THEN '${TOTAL}' ELSE x.unit_id::text END`
      : groupKey(grouping);
    return `SELECT 'cube' AS src, ${key} AS key, ${SUMS} FROM (${sources.join('\nUNION ALL\n')}) x
       ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} GROUP BY 2`;
  }

  /** Deltas are keyed by the owning unit, so the subtree is a path prefix here (they are few). */
  private pendingSql(filter: ReportFilter, grouping: Grouping, params: SqlParams): string {
    const root = params.add(filter.rootPath);
    const where = [
      `u.path LIKE ${root} || '%'`,
      `x.day BETWEEN ${params.add(filter.range.from)}::date AND ${params.add(filter.range.to)}::date`,
      ...dimensionWhere(filter, params, 'x'),
    ];
    const key = grouping.by === BreakdownBy.Unit ? childUnitKey('u.path', root) : groupKey(grouping);
    return `SELECT 'delta' AS src, ${key} AS key, ${SUMS} FROM (SELECT day AS d, * FROM report_delta) x
       JOIN org_unit u ON u.id = x.org_unit_id WHERE ${where.join(' AND ')} GROUP BY 2`;
  }

  /** Folds up to `limit` deltas into the cubes; returns how many were folded (0 when another rollup runs). */
  async rollup(limit: number): Promise<number> {
    const [row] = await this.db.manager.query<Array<{ moved: number }>>('SELECT report_rollup($1) AS moved', [limit]);
    return row?.moved ?? 0;
  }
}

function groupKey(grouping: Grouping): string {
  switch (grouping.by) {
    case 'none':
      return 'NULL::text';
    case 'time':
      return `to_char(date_trunc('${grouping.granularity}', x.d), 'YYYY-MM-DD')`;
    case BreakdownBy.Unit:
      throw new Error('unit keys depend on the source');
    case BreakdownBy.Kind:
    case BreakdownBy.Category:
    case BreakdownBy.Channel:
    case BreakdownBy.Outcome:
      return `x.${grouping.by}::text`;
  }
}
