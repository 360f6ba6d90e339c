import { Injectable } from '@nestjs/common';
import { UnitScope } from 'src/auth/principal';
import { ValidationFailedError } from 'src/common/errors/domain.error';
import {
  BreakdownDto,
  BreakdownQueryDto,
  ReportQueryDto,
  ReportSource,
  SlaReportDto,
  SummaryDto,
  TimeseriesDto,
  TimeseriesQueryDto,
} from 'src/reports/report.dto';
import { GroupedSums, ReportRepository } from 'src/reports/report.repository';
import { ReportRawRepository } from 'src/reports/report-raw.repository';
import { BreakdownBy, Grouping } from 'src/reports/report-filter';
import { FIGURES, toFigures } from 'src/reports/report-figures';
import { casesUrl, figureUrls, LinkFilter } from 'src/reports/report-links';
import { addSums, BREACH_COLUMNS, zeroSums } from 'src/reports/report-metrics';
import { bucketStarts, bucketWithin, daysBetween, Granularity } from 'src/reports/report-period';
import { ReportScope, ResolvedReport } from 'src/reports/report-scope';

/** Most buckets one timeseries answers (a day-by-day series over a year and a bit). */
const MAX_POINTS = 400;
const APPROX_DAYS: Record<Granularity, number> = { day: 1, week: 7, month: 28, quarter: 90, year: 365 };

/** The aggregate-backed reports: summary, timeseries, breakdown and SLA breaches (SPEC §5). */
@Injectable()
export class ReportService {
  constructor(
    private readonly scope: ReportScope,
    private readonly cubes: ReportRepository,
    private readonly raw: ReportRawRepository,
  ) {}

  async summary(within: UnitScope, query: ReportQueryDto): Promise<SummaryDto> {
    const report = await this.scope.resolve(within, query);
    const [row] = await this.grouped(query, report, { by: 'none' });
    const urls = figureUrls(report.link, report.filter.range);
    return {
      period: period(report),
      unitName: report.unit.nameZh,
      source: query.source ?? ReportSource.Aggregates,
      figures: toFigures(row?.sums ?? zeroSums()),
      definitions: FIGURES.map((f) => ({
        key: f.key,
        zh: f.zh,
        en: f.en,
        kind: f.kind,
        definition: f.definition,
        definitionZh: f.definitionZh,
        casesUrl: urls[f.key],
      })),
    };
  }

  async timeseries(within: UnitScope, query: TimeseriesQueryDto): Promise<TimeseriesDto> {
    const report = await this.scope.resolve(within, query);
    const granularity = query.granularity ?? Granularity.Month;
    if (daysBetween(report.filter.range) / APPROX_DAYS[granularity] > MAX_POINTS) {
      throw new ValidationFailedError([
        { field: 'granularity', reasons: [`at most ${String(MAX_POINTS)} points: choose a coarser granularity`] },
      ]);
    }
    const rows = await this.grouped(query, report, { by: 'time', granularity });
    const byBucket = new Map(rows.map((r) => [r.key ?? '', r.sums]));
    return {
      period: period(report),
      granularity,
      // Every bucket of the period, empty ones as zeros: a chart's gaps are months with nothing, not missing data.
      points: bucketStarts(report.filter.range, granularity).map((bucket) => ({
        bucket,
        figures: toFigures(byBucket.get(bucket) ?? zeroSums()),
        figureUrls: figureUrls(report.link, bucketWithin(bucket, granularity, report.filter.range)),
      })),
    };
  }

  async breakdown(within: UnitScope, query: BreakdownQueryDto): Promise<BreakdownDto> {
    const report = await this.scope.resolve(within, query, query.by === BreakdownBy.Unit);
    const rows = await this.grouped(query, report, { by: query.by });
    const labelled = query.by === BreakdownBy.Unit ? this.unitRows(report, rows) : valueRows(rows);
    return {
      period: period(report),
      unitName: report.unit.nameZh,
      by: query.by,
      rows: labelled.map((r) => {
        const urls = figureUrls(linkFor(report, query.by, r.key), report.filter.range);
        return {
          key: r.key,
          label: r.label,
          labelEn: r.labelEn,
          figures: toFigures(r.sums),
          casesUrl: urls.received,
          figureUrls: urls,
        };
      }),
      total: toFigures(rows.reduce((total, r) => addSums(total, r.sums), zeroSums())),
    };
  }

  async sla(within: UnitScope, query: ReportQueryDto): Promise<SlaReportDto> {
    const report = await this.scope.resolve(within, query, true);
    const rows = this.unitRows(report, await this.grouped(query, report, { by: BreakdownBy.Unit }));
    const byTimer = (sums: GroupedSums['sums']): Record<string, number> =>
      Object.fromEntries(BREACH_COLUMNS.map((m) => [m.replace('breach_', ''), Number(sums[m])]));
    // One case list per clock kind too: the cases with a clock of that kind breached in the period.
    const byTimerUrls = (link: LinkFilter): Record<string, string> =>
      Object.fromEntries(
        BREACH_COLUMNS.map((m) => m.replace('breach_', '')).map((timer) => [
          timer,
          casesUrl(link, report.filter.range, 'breached', { breachedTimer: timer }),
        ]),
      );
    const total = rows.reduce((all, r) => addSums(all, r.sums), zeroSums());
    return {
      period: period(report),
      rows: rows.map((r) => {
        const link = linkFor(report, BreakdownBy.Unit, r.key);
        return {
          key: r.key,
          label: r.label,
          labelEn: r.labelEn,
          byTimer: byTimer(r.sums),
          byTimerUrls: byTimerUrls(link),
          total: toFigures(r.sums).slaBreaches,
          casesUrl: casesUrl(link, report.filter.range, 'breached'),
        };
      }),
      byTimerUrls: byTimerUrls(report.link),
      byTimer: byTimer(total),
      total: toFigures(total).slaBreaches,
    };
  }

  /** Either source, rows in one order (by key, the unit's own or open cases last) so answers compare equal. */
  private async grouped(query: ReportQueryDto, report: ResolvedReport, grouping: Grouping): Promise<GroupedSums[]> {
    const source = query.source === ReportSource.Raw ? this.raw : this.cubes;
    // A group whose counters are all zero (an unreachable callback, say) is no group.
    const rows = (await source.sums(report.filter, grouping)).filter((r) =>
      Object.values(r.sums).some((v) => v !== 0n),
    );
    return rows.sort((a, b) => (a.key === null ? 1 : b.key === null ? -1 : a.key.localeCompare(b.key)));
  }

  /** Every child unit gets a row (a district with no cases still ranks), plus the unit's own cases if any. */
  private unitRows(report: ResolvedReport, rows: GroupedSums[]): LabelledSums[] {
    const byKey = new Map(rows.map((r) => [r.key ?? '', r.sums]));
    const labelled: LabelledSums[] = report.children.map((child) => ({
      key: child.id,
      label: child.nameZh,
      labelEn: child.nameEn,
      sums: byKey.get(child.id) ?? zeroSums(),
    }));
    const own = byKey.get('');
    if (own)
      labelled.push({
        key: null,
        label: `${report.unit.nameZh}（本级）`,
        labelEn: `${report.unit.nameEn} (own)`,
        sums: own,
      });
    return labelled;
  }
}

interface LabelledSums {
  key: string | null;
  label: string;
  labelEn?: string;
  sums: GroupedSums['sums'];
}

function valueRows(rows: GroupedSums[]): LabelledSums[] {
  return rows.map((r) => ({ key: r.key, label: r.key ?? 'open', sums: r.sums }));
}

function period(report: ResolvedReport): { from: string; to: string } {
  return { from: report.filter.range.from, to: report.filter.range.to };
}

/** The case list of one breakdown row: the report's filters narrowed to the row's unit or value. */
function linkFor(report: ResolvedReport, by: BreakdownBy, key: string | null): ResolvedReport['link'] {
  if (by === BreakdownBy.Unit) {
    return key === null
      ? { ...report.link, unitId: report.unit.id, ownUnitOnly: true }
      : { ...report.link, unitId: key };
  }
  if (by === BreakdownBy.Outcome)
    return key === null ? { ...report.link, open: true } : { ...report.link, outcome: key };
  return { ...report.link, [by]: key ?? undefined };
}
