import { CaseCategory, CaseKind, Channel } from 'src/cases/case.enums';
import { Granularity, SplitRange } from 'src/reports/report-period';

export enum BreakdownBy {
  Unit = 'unit',
  Kind = 'kind',
  Category = 'category',
  Channel = 'channel',
  Outcome = 'outcome',
}

/** What both the aggregate and the raw computations are asked: resolved period, scope root, dimension filters. */
export interface ReportFilter {
  range: SplitRange;
  /** The unit whose subtree is reported (already checked against the caller's scope), and its path. */
  rootUnitId: string;
  rootPath: string;
  /** The units directly below it: the rows of a breakdown by unit. */
  childUnitIds: string[];
  kind?: CaseKind;
  category?: CaseCategory;
  channel?: Channel;
}

/** How rows are grouped: not at all, by a dimension, or by period buckets. */
export type Grouping = { by: 'none' } | { by: BreakdownBy } | { by: 'time'; granularity: Granularity };

/** Collects positional parameters for one SQL statement. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${String(this.values.length)}`;
  }
}

/** The group key of a unit path under the root: the child unit's id, or '' for the root unit itself. */
export const childUnitKey = (pathSql: string, rootParam: string): string =>
  `split_part(substr(${pathSql}, length(${rootParam}) + 1), '/', 1)`;

/** The kind / category / channel filters as conditions on the rows aliased `alias`. */
export function dimensionWhere(
  filter: Pick<ReportFilter, 'kind' | 'category' | 'channel'>,
  params: SqlParams,
  alias: string,
): string[] {
  const where: string[] = [];
  if (filter.kind) where.push(`${alias}.kind = ${params.add(filter.kind)}`);
  if (filter.category) where.push(`${alias}.category = ${params.add(filter.category)}`);
  if (filter.channel) where.push(`${alias}.channel = ${params.add(filter.channel)}`);
  return where;
}
