import { Injectable } from '@nestjs/common';
import { UnitScope } from 'src/auth/principal';
import { ValidationFailedError } from 'src/common/errors/domain.error';
import { OrgUnitEntity } from 'src/org-units/org-unit.entity';
import { OrgUnitService } from 'src/org-units/org-unit.service';
import { Clock } from 'src/common/util/clock';
import { ReportQueryDto } from 'src/reports/report.dto';
import { ReportFilter } from 'src/reports/report-filter';
import { LinkFilter } from 'src/reports/report-links';
import { daysBetween, DateRange, Granularity, periodContaining, splitByMonths } from 'src/reports/report-period';
import { shanghaiDay } from 'src/common/util/shanghai-time';

/** Twenty years: enough for any history, small enough that a day-grain query stays bounded. */
const MAX_DAYS = 366 * 20;

export interface ResolvedReport {
  filter: ReportFilter;
  unit: OrgUnitEntity;
  children: OrgUnitEntity[];
  link: LinkFilter;
  today: string;
}

/** Turns a report query into a checked filter: the unit in the caller's scope (404 otherwise) and a valid period. */
@Injectable()
export class ReportScope {
  constructor(
    private readonly units: OrgUnitService,
    private readonly clock: Clock,
  ) {}

  /** `byUnit`: the report has a row per child unit, so the children are loaded (one query more). */
  async resolve(within: UnitScope, query: ReportQueryDto, byUnit = false): Promise<ResolvedReport> {
    const today = shanghaiDay(this.clock.now());
    const range = resolveRange(query, today);
    const id = query.unitId ?? within.unitId;
    const { unit, children } = byUnit
      ? await this.units.childrenInScope(id, within)
      : { unit: await this.units.requireInScope(id, within), children: [] };
    return {
      filter: {
        range: splitByMonths(range),
        rootUnitId: unit.id,
        rootPath: unit.path,
        childUnitIds: children.map((child) => child.id),
        kind: query.kind,
        category: query.category,
        channel: query.channel,
      },
      unit,
      children,
      link: { unitId: query.unitId, kind: query.kind, category: query.category, channel: query.channel },
      today,
    };
  }
}

export function resolveRange(query: ReportQueryDto, today: string): DateRange {
  if (query.from !== undefined || query.to !== undefined) {
    const problems: { field: string; reasons: string[] }[] = [];
    if (query.from === undefined) problems.push({ field: 'from', reasons: ['from is required with to'] });
    if (query.to === undefined) problems.push({ field: 'to', reasons: ['to is required with from'] });
    if (query.period !== undefined) problems.push({ field: 'period', reasons: ['use either period or from/to'] });
    if (problems.length > 0 || query.from === undefined || query.to === undefined)
      throw new ValidationFailedError(problems);
    const range = { from: query.from, to: query.to };
    for (const field of ['from', 'to'] as const) {
      if (Number.isNaN(Date.parse(`${range[field]}T00:00:00Z`)) || !isRealDay(range[field])) {
        throw new ValidationFailedError([{ field, reasons: [`${field} is not a calendar date`] }]);
      }
    }
    if (range.from > range.to)
      throw new ValidationFailedError([{ field: 'to', reasons: ['to must not be before from'] }]);
    if (daysBetween(range) > MAX_DAYS) {
      throw new ValidationFailedError([{ field: 'from', reasons: ['a report period spans at most 20 years'] }]);
    }
    return range;
  }
  if (query.date !== undefined && !isRealDay(query.date)) {
    throw new ValidationFailedError([{ field: 'date', reasons: ['date is not a calendar date'] }]);
  }
  return periodContaining(query.period ?? Granularity.Year, query.date ?? today);
}

/** 2026-02-30 matches the pattern but is not a day. */
function isRealDay(day: string): boolean {
  return new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day;
}
