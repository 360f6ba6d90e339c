import { Injectable } from '@nestjs/common';
import { UnitScope } from 'src/auth/principal';
import { CATEGORY_ZH, CHANNEL_ZH, KIND_ZH, OUTCOME_ZH } from 'src/cases/case-labels';
import { shanghaiDateTime } from 'src/common/util/shanghai-time';
import { BY_ZH } from 'src/exports/export-file';
import { ColumnType, ExportCell, ExportColumn, ExportTable } from 'src/exports/export-table';
import { BreakdownQueryDto, FiguresDto } from 'src/reports/report.dto';
import { BreakdownBy } from 'src/reports/report-filter';
import { FigureKey, FIGURES, Rate } from 'src/reports/report-figures';
import { ReportScope } from 'src/reports/report-scope';
import { ReportService } from 'src/reports/report.service';

/** How each figure is written; a Record, so a new figure cannot be exported without deciding. */
const FIGURE_TYPES: Record<FigureKey, ColumnType> = {
  received: 'integer',
  closed: 'integer',
  closureRate: 'percent',
  onTimeClosureRate: 'percent',
  responseRate: 'percent',
  resolutionRate: 'percent',
  satisfactionRate: 'percent',
  moneyClaimed: 'money',
  moneyAgreed: 'money',
  moneyAwarded: 'money',
  moneyRecovered: 'money',
  workersBenefited: 'integer',
  casesWithRecovery: 'integer',
  collectiveDisputes: 'integer',
  slaBreaches: 'integer',
};

/** The figure columns, in the order of the figure definitions, with the report's own Chinese labels. */
const FIGURE_COLUMNS: readonly ExportColumn[] = FIGURES.map((f) => ({
  header: FIGURE_TYPES[f.key] === 'money' ? `${f.zh}(元)` : f.zh,
  type: FIGURE_TYPES[f.key],
  width: FIGURE_TYPES[f.key] === 'money' ? 16 : 12,
}));

function figureCells(figures: FiguresDto): ExportCell[] {
  return FIGURES.map((f) => {
    const value: number | string | Rate = figures[f.key];
    return typeof value === 'object' ? value.rate : value;
  });
}

const VALUE_LABELS: Record<Exclude<BreakdownBy, BreakdownBy.Unit>, Partial<Record<string, string>>> = {
  [BreakdownBy.Kind]: KIND_ZH,
  [BreakdownBy.Category]: CATEGORY_ZH,
  [BreakdownBy.Channel]: CHANNEL_ZH,
  [BreakdownBy.Outcome]: OUTCOME_ZH,
};

/** A breakdown row's key in Chinese: the enum value's label (units come labelled already). */
function rowLabel(by: BreakdownBy, key: string | null, label: string): string {
  if (by === BreakdownBy.Unit) return label;
  if (key === null) return by === BreakdownBy.Outcome ? '未办结' : label;
  return VALUE_LABELS[by][key] ?? label;
}

/** The dimension filters of the report, in words, for the notes sheet. */
function narrowing(query: BreakdownExportQuery): string {
  const parts = [
    query.kind === undefined ? null : `类型：${KIND_ZH[query.kind]}`,
    query.category === undefined ? null : `类别：${CATEGORY_ZH[query.category]}`,
    query.channel === undefined ? null : `渠道：${CHANNEL_ZH[query.channel]}`,
  ].filter((part) => part !== null);
  return parts.length === 0 ? '无' : parts.join('；');
}

export type BreakdownExportQuery = Omit<BreakdownQueryDto, 'source'>;

/** A breakdown (the district ranking, or by kind, category, channel, outcome) as an export table, with a total row. */
@Injectable()
export class BreakdownExportSource {
  constructor(
    private readonly scope: ReportScope,
    private readonly reports: ReportService,
  ) {}

  /** The report's unit and period, checked (404 outside the caller's scope, 400 for a bad period). */
  async resolve(
    within: UnitScope,
    query: BreakdownExportQuery,
  ): Promise<{ unitName: string; from: string; to: string }> {
    const report = await this.scope.resolve(within, query);
    return { unitName: report.unit.nameZh, from: report.filter.range.from, to: report.filter.range.to };
  }

  /** Always from the maintained aggregates, like the dashboard. */
  async table(
    within: UnitScope,
    query: BreakdownExportQuery,
    at: Date,
  ): Promise<{ table: ExportTable; period: { from: string; to: string } }> {
    const breakdown = await this.reports.breakdown(within, { ...query, source: undefined });
    const rows: ExportCell[][] = [
      ...breakdown.rows.map((r) => [rowLabel(query.by, r.key, r.label), ...figureCells(r.figures)]),
      ['合计', ...figureCells(breakdown.total)],
    ];
    const table: ExportTable = {
      sheet: `按${BY_ZH[query.by]}统计`,
      columns: [{ header: BY_ZH[query.by], type: 'text', width: 28 }, ...FIGURE_COLUMNS],
      rows,
      notes: [
        ['统计范围', breakdown.unitName],
        ['统计期间', `${breakdown.period.from} 至 ${breakdown.period.to}`],
        ['筛选条件', narrowing(query)],
        ['导出时间', shanghaiDateTime(at)],
        ['口径', '各项指标定义如下（与报表接口、驾驶舱一致）'],
        ...FIGURES.map((f): [string, string] => [f.zh, f.definitionZh]),
      ],
    };
    return { table, period: breakdown.period };
  }
}
