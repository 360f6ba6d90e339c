import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { Type } from 'class-transformer';
import { CaseCategory, CaseKind, CaseStatus, Channel } from 'src/cases/case.enums';
import { BreakdownBy } from 'src/reports/report-filter';
import { Granularity } from 'src/reports/report-period';
import type { FigureKey, Rate } from 'src/reports/report-figures';

const DAY = /^(19|20)\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DAY_MESSAGE = (field: string): string => `${field} must be a date like 2026-03-31 (years 1900–2099)`;

export enum ReportSource {
  Aggregates = 'aggregates',
  Raw = 'raw',
}

/**
 * Which cases and which period. Either `from` + `to` (Shanghai dates, inclusive) or `period` (the day, week,
 * month, quarter or year containing `date`, default today); with neither, the current year.
 */
export class ReportQueryDto {
  /** @example "2026-01-01" */
  @IsOptional()
  @Matches(DAY, { message: DAY_MESSAGE('from') })
  from?: string;

  /** @example "2026-06-30" */
  @IsOptional()
  @Matches(DAY, { message: DAY_MESSAGE('to') })
  to?: string;

  @IsOptional()
  @IsEnum(Granularity)
  period?: Granularity;

  /** A day inside the wanted period (with `period`). @example "2026-11-21" */
  @IsOptional()
  @Matches(DAY, { message: DAY_MESSAGE('date') })
  date?: string;

  /** Report on this unit's subtree (must be in your scope); default: your own unit. */
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @IsOptional()
  @IsEnum(CaseKind)
  kind?: CaseKind;

  @IsOptional()
  @IsEnum(CaseCategory)
  category?: CaseCategory;

  @IsOptional()
  @IsEnum(Channel)
  channel?: Channel;

  /** `raw` recomputes from the case tables instead of the maintained aggregates: slow, for checking. */
  @IsOptional()
  @IsEnum(ReportSource)
  source?: ReportSource;
}

export class TimeseriesQueryDto extends ReportQueryDto {
  @IsOptional()
  @IsEnum(Granularity)
  granularity?: Granularity;
}

export class BreakdownQueryDto extends ReportQueryDto {
  @IsIn(Object.values(BreakdownBy))
  @ApiProperty({ enum: BreakdownBy })
  by!: BreakdownBy;
}

export class HotspotQueryDto extends ReportQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 20;
}

export class RateDto implements Rate {
  @ApiProperty({ example: 183 }) numerator!: number;
  @ApiProperty({ example: 200 }) denominator!: number;
  @ApiProperty({ type: Number, nullable: true, example: 0.915 }) rate!: number | null;
}

export class FiguresDto {
  @ApiProperty({ example: 1200 }) received!: number;
  @ApiProperty({ example: 1150 }) closed!: number;
  @ApiProperty() closureRate!: RateDto;
  @ApiProperty() onTimeClosureRate!: RateDto;
  @ApiProperty() responseRate!: RateDto;
  @ApiProperty() resolutionRate!: RateDto;
  @ApiProperty() satisfactionRate!: RateDto;
  /** Yuan, two decimals. */
  @ApiProperty({ example: '1830000.00' }) moneyClaimed!: string;
  @ApiProperty({ example: '1200000.00' }) moneyAgreed!: string;
  @ApiProperty({ example: '300000.00' }) moneyAwarded!: string;
  @ApiProperty({ example: '1183000.50' }) moneyRecovered!: string;
  @ApiProperty({ example: 420 }) workersBenefited!: number;
  @ApiProperty({ example: 96 }) casesWithRecovery!: number;
  @ApiProperty({ example: 7 }) collectiveDisputes!: number;
  @ApiProperty({ example: 15 }) slaBreaches!: number;
}

export class PeriodDto {
  @ApiProperty({ example: '2026-01-01' }) from!: string;
  @ApiProperty({ example: '2026-12-31' }) to!: string;
}

export class FigureMetaDto {
  @ApiProperty({ example: 'closureRate' }) key!: FigureKey;
  @ApiProperty({ example: '办结率' }) zh!: string;
  @ApiProperty({ example: 'Closure rate' }) en!: string;
  @ApiProperty({ enum: ['cohort', 'flow'] }) kind!: 'cohort' | 'flow';
  @ApiProperty() definition!: string;
  @ApiProperty({ example: '统计期内受理的案件中，目前已办结的比例（按受理批次统计）。' }) definitionZh!: string;
  /** The case list behind the figure: GET /cases with the same filters. */
  @ApiProperty({ example: '/cases?receivedFrom=2025-12-31T16%3A00%3A00.000Z&receivedTo=2026-12-31T16%3A00%3A00.000Z' })
  casesUrl!: string;
}

export class SummaryDto {
  @ApiProperty() period!: PeriodDto;
  @ApiProperty({ example: '北京市总工会' }) unitName!: string;
  @ApiProperty({ enum: ReportSource }) source!: ReportSource;
  @ApiProperty() figures!: FiguresDto;
  @ApiProperty({ type: [FigureMetaDto] }) definitions!: FigureMetaDto[];
}

export class TimeseriesPointDto {
  /** First day of the bucket. @example "2026-03-01" */
  @ApiProperty() bucket!: string;
  @ApiProperty() figures!: FiguresDto;
  /** The case list behind each figure of this bucket (GET /cases with the same filters, the bucket's days). */
  @ApiProperty({ example: { received: '/cases?receivedFrom=…', closed: '/cases?closedFrom=…' } })
  figureUrls!: Record<string, string>;
}

export class TimeseriesDto {
  @ApiProperty() period!: PeriodDto;
  @ApiProperty({ enum: Granularity }) granularity!: Granularity;
  @ApiProperty({ type: [TimeseriesPointDto] }) points!: TimeseriesPointDto[];
}

export class BreakdownRowDto {
  /** Child unit id, enum value, or null (the unit's own cases; open cases for `outcome`). */
  @ApiProperty({ type: String, nullable: true }) key!: string | null;
  @ApiProperty({ example: '朝阳区总工会' }) label!: string;
  @ApiPropertyOptional({ example: 'Chaoyang District Federation' }) labelEn?: string;
  @ApiProperty() figures!: FiguresDto;
  /** The cases received in the period for this row. */
  @ApiProperty({ example: '/cases?orgUnitId=…&receivedFrom=…' }) casesUrl!: string;
  /** The case list behind each of the row's figures. */
  @ApiProperty({
    example: { received: '/cases?orgUnitId=…&receivedFrom=…', closed: '/cases?orgUnitId=…&closedFrom=…' },
  })
  figureUrls!: Record<string, string>;
}

export class BreakdownDto {
  @ApiProperty() period!: PeriodDto;
  @ApiProperty({ example: '北京市总工会' }) unitName!: string;
  @ApiProperty({ enum: BreakdownBy }) by!: BreakdownBy;
  @ApiProperty({ type: [BreakdownRowDto] }) rows!: BreakdownRowDto[];
  @ApiProperty() total!: FiguresDto;
}

export class BacklogRowDto {
  @ApiProperty({ enum: CaseStatus }) status!: CaseStatus;
  /** Open cases per age bucket (days since received): 0-7, 8-15, 16-30, 31-90, 91+. */
  @ApiProperty({ example: { '0-7': 12, '8-15': 4, '16-30': 2, '31-90': 1, '91+': 0 } })
  buckets!: Record<string, number>;
  @ApiProperty({ example: 19 }) total!: number;
  @ApiProperty() casesUrl!: string;
}

export class BacklogDto {
  /** A snapshot now: the period filters do not apply. */
  @ApiProperty({ example: '2026-11-21' }) asOf!: string;
  @ApiProperty({ example: ['0-7', '8-15', '16-30', '31-90', '91+'] }) bucketLabels!: string[];
  @ApiProperty({ type: [BacklogRowDto] }) rows!: BacklogRowDto[];
  @ApiProperty({ example: 19 }) total!: number;
}

export class SlaRowDto {
  @ApiProperty({ type: String, nullable: true }) key!: string | null;
  @ApiProperty({ example: '朝阳区总工会' }) label!: string;
  @ApiPropertyOptional({ example: 'Chaoyang District Federation' }) labelEn?: string;
  @ApiProperty({ example: { first_contact: 3, resolution: 1 } }) byTimer!: Record<string, number>;
  /** The cases behind each count of byTimer (a clock of that kind breached in the period). */
  @ApiProperty({ example: { first_contact: '/cases?breachedTimer=first_contact' } })
  byTimerUrls!: Record<string, string>;
  @ApiProperty({ example: 4 }) total!: number;
  @ApiProperty() casesUrl!: string;
}

export class SlaReportDto {
  @ApiProperty() period!: PeriodDto;
  @ApiProperty({ type: [SlaRowDto] }) rows!: SlaRowDto[];
  @ApiProperty({ example: { first_contact: 3, resolution: 1 } }) byTimer!: Record<string, number>;
  @ApiProperty({ example: { first_contact: '/cases?breachedTimer=first_contact' } })
  byTimerUrls!: Record<string, string>;
  @ApiProperty({ example: 4 }) total!: number;
}

export class EmployerHotspotDto {
  @ApiProperty() employerId!: string;
  @ApiProperty({ example: '北京某某外卖科技有限公司' }) name!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '朝阳区总工会',
    description: 'The employer’s district union, when known.',
  })
  district!: string | null;
  @ApiProperty({ example: 42 }) cases!: number;
  @ApiProperty({ example: 3 }) collective!: number;
  @ApiProperty({ example: 311 }) workersAffected!: number;
  @ApiProperty({ example: '120000.00' }) moneyClaimed!: string;
  @ApiProperty() casesUrl!: string;
}

export class CollectiveByCategoryDto {
  @ApiProperty({ enum: CaseCategory }) category!: CaseCategory;
  @ApiProperty({ example: 5 }) cases!: number;
  @ApiProperty({ example: 120 }) workersAffected!: number;
  /** The collective disputes of this category received in the period. */
  @ApiProperty() casesUrl!: string;
}

export class HotspotsDto {
  @ApiProperty() period!: PeriodDto;
  @ApiProperty({ type: [EmployerHotspotDto] }) employers!: EmployerHotspotDto[];
  @ApiProperty({ type: [CollectiveByCategoryDto] }) collectiveByCategory!: CollectiveByCategoryDto[];
  @ApiProperty({ example: 7 }) collectiveDisputes!: number;
  @ApiProperty() collectiveCasesUrl!: string;
}
