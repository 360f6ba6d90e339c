import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsEnum, IsObject, IsOptional } from 'class-validator';
import { CursorPageQueryDto, ListCasesQueryDto } from 'src/cases/case-query.dto';
import { ExportJobEntity, ExportKind, ExportState } from 'src/exports/export-job.entity';
import { ExportFormat } from 'src/exports/export-table';
import { BreakdownQueryDto } from 'src/reports/report.dto';

/** `GET /exports/breakdown`: the query of `GET /reports/breakdown` (always from the aggregates) plus the format. */
export class ExportBreakdownQueryDto extends OmitType(BreakdownQueryDto, ['source'] as const) {
  @IsEnum(ExportFormat)
  @ApiProperty({ enum: ExportFormat })
  format!: ExportFormat;
}

/** `GET /exports/cases`: the filters of `GET /cases` (every matching case, no pages) plus the format. */
export class ExportCasesQueryDto extends OmitType(ListCasesQueryDto, ['limit', 'cursor'] as const) {
  @IsEnum(ExportFormat)
  @ApiProperty({ enum: ExportFormat })
  format!: ExportFormat;
}

/** The filters without the format: what is validated again and recorded for a background export. */
export const BREAKDOWN_FILTERS = OmitType(BreakdownQueryDto, ['source'] as const);
export const CASE_FILTERS = OmitType(ListCasesQueryDto, ['limit', 'cursor'] as const);

export class CreateExportDto {
  @IsEnum(ExportKind)
  @ApiProperty({ enum: ExportKind })
  kind!: ExportKind;

  @IsEnum(ExportFormat)
  @ApiProperty({ enum: ExportFormat })
  format!: ExportFormat;

  /**
   * For `cases`, the filters of `GET /cases`; for `breakdown`, the query of `GET /reports/breakdown` (`by` required).
   * Values as in the query string, or as JSON numbers and booleans.
   */
  @IsOptional()
  @IsObject()
  @ApiPropertyOptional({ example: { by: 'unit', period: 'year', date: '2026-11-21' } })
  filters?: Record<string, unknown>;
}

export class ListExportsQueryDto extends CursorPageQueryDto {}

export class ExportDto {
  id!: string;
  @ApiProperty({ enum: ExportKind }) kind!: ExportKind;
  @ApiProperty({ enum: ExportFormat }) format!: ExportFormat;
  /** The validated filters, a relative report period already turned into dates. */
  filters!: Record<string, unknown>;
  @ApiProperty({ enum: ExportState }) state!: ExportState;
  /** 0–100. */
  progress!: number;
  rowCount!: number | null;
  /** @example "案件清单_20261121-093005.xlsx" */
  fileName!: string;
  sizeBytes!: number | null;
  /** Why it failed (state `failed`). */
  error!: string | null;
  createdAt!: string;
  startedAt!: string | null;
  finishedAt!: string | null;
  /** The file is removed after this. */
  expiresAt!: string | null;
  /** Set when the file is ready. @example "/exports/6c1f0d0e-3b1a-4c1e-9a57-2f0d0c7b9e11/download" */
  downloadUrl!: string | null;
}

export class ExportPageDto {
  @ApiProperty({ type: [ExportDto] }) items!: ExportDto[];
  /** Pass as `cursor` for the next page; null at the end. */
  nextCursor!: string | null;
}

export function toExportDto(x: ExportJobEntity, now: Date): ExportDto {
  const ready = x.state === ExportState.Done && (x.expiresAt === null || x.expiresAt > now);
  return {
    id: x.id,
    kind: x.kind,
    format: x.format,
    filters: x.filters,
    state: x.state === ExportState.Done && !ready ? ExportState.Expired : x.state,
    progress: x.progress,
    rowCount: x.rowCount,
    fileName: x.fileName,
    sizeBytes: x.sizeBytes === null ? null : Number(x.sizeBytes),
    error: x.error,
    createdAt: x.createdAt.toISOString(),
    startedAt: x.startedAt?.toISOString() ?? null,
    finishedAt: x.finishedAt?.toISOString() ?? null,
    expiresAt: x.expiresAt?.toISOString() ?? null,
    downloadUrl: ready ? `/exports/${x.id}/download` : null,
  };
}
