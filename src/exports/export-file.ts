import { Readable } from 'node:stream';
import { shanghaiDateTime } from 'src/common/util/shanghai-time';
import { ExportKind } from 'src/exports/export-job.entity';
import { CONTENT_TYPES, ExportFormat } from 'src/exports/export-table';
import { BreakdownBy } from 'src/reports/report-filter';

/** A file ready to send: the Chinese name, an ASCII fallback for old clients, its type and its bytes. */
export interface ExportFile {
  fileName: string;
  asciiName: string;
  contentType: string;
  content: Readable;
  sizeBytes?: number;
}

export const BY_ZH: Record<BreakdownBy, string> = {
  [BreakdownBy.Unit]: '单位',
  [BreakdownBy.Kind]: '类型',
  [BreakdownBy.Category]: '类别',
  [BreakdownBy.Channel]: '渠道',
  [BreakdownBy.Outcome]: '结果',
};

/** "20261121-093005", Shanghai time: file names sort by when they were made. */
function stamp(at: Date): string {
  return shanghaiDateTime(at).replace(/-/g, '').replace(' ', '-').replace(/:/g, '');
}

export function caseListFileName(format: ExportFormat, at: Date): string {
  return `案件清单_${stamp(at)}.${format}`;
}

export function breakdownFileName(format: ExportFormat, by: BreakdownBy, period: { from: string; to: string }): string {
  return `统计_按${BY_ZH[by]}_${period.from}至${period.to}.${format}`;
}

/** The ASCII fallback: kind and time only. */
export function asciiFileName(kind: ExportKind, format: ExportFormat, at: Date): string {
  return `${kind}_${stamp(at)}.${format}`;
}

export function exportFile(
  names: { fileName: string; asciiName: string },
  format: ExportFormat,
  content: Readable,
  sizeBytes?: number,
): ExportFile {
  return { ...names, contentType: CONTENT_TYPES[format], content, sizeBytes };
}

/**
 * `attachment` with an ASCII `filename` for old clients and the UTF-8 name in `filename*` (RFC 6266 / RFC 5987):
 * every byte outside attr-char percent-encoded.
 */
export function contentDisposition(fileName: string, asciiName: string): string {
  const ascii = asciiName.replace(/[^A-Za-z0-9._-]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
