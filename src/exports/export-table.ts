import ExcelJS from 'exceljs';
import { EventEmitter, once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import { shanghaiDateTime, shanghaiWallClock } from 'src/common/util/shanghai-time';

export enum ExportFormat {
  Csv = 'csv',
  Xlsx = 'xlsx',
}

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  [ExportFormat.Csv]: 'text/csv; charset=utf-8',
  [ExportFormat.Xlsx]: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * How a column's values are written. money: a yuan string with two decimals ("1234.50"), a number cell formatted
 * 0.00 in XLSX; percent: a share 0–1 or null; datetime: an instant, shown in Shanghai time.
 */
export type ColumnType = 'text' | 'integer' | 'money' | 'percent' | 'datetime';

export interface ExportColumn {
  header: string;
  type: ColumnType;
  /** Spreadsheet column width in characters. */
  width?: number;
}

export type ExportCell = string | number | Date | null;

/** One sheet of an export: Chinese headers, rows produced lazily (a case list is read batch by batch). */
export interface ExportTable {
  /** The sheet's name (at most 31 characters, Excel's limit). */
  sheet: string;
  columns: readonly ExportColumn[];
  rows: AsyncIterable<ExportCell[]> | Iterable<ExportCell[]>;
  /** Label–text lines for a second sheet (XLSX only): period, scope, figure definitions. */
  notes?: readonly [string, string][];
}

const NUMBER_FORMATS: Partial<Record<ColumnType, string>> = {
  integer: '0',
  money: '0.00',
  percent: '0.00%',
  datetime: 'yyyy-mm-dd hh:mm:ss',
};

/** The file as a stream: rows are read only as fast as the consumer takes bytes. */
export function renderTable(format: ExportFormat, table: ExportTable): Readable {
  return format === ExportFormat.Csv ? Readable.from(csvChunks(table)) : xlsxStream(table);
}

const CSV_BATCH = 200;
const UTF8_BOM = '\uFEFF';

/** RFC 4180 with CRLF, after a BOM so Excel reads the file as UTF-8 (Chinese headers otherwise come out garbled). */
async function* csvChunks(table: ExportTable): AsyncGenerator<string> {
  let chunk = `${UTF8_BOM}${table.columns.map((c) => csvField(c.header)).join(',')}\r\n`;
  let lines = 0;
  for await (const row of table.rows) {
    chunk += `${table.columns.map((column, i) => csvField(csvText(column.type, row[i] ?? null))).join(',')}\r\n`;
    if (++lines % CSV_BATCH === 0) {
      yield chunk;
      chunk = '';
    }
  }
  yield chunk;
}

export function csvText(type: ColumnType, value: ExportCell): string {
  if (value === null) return '';
  if (value instanceof Date) return shanghaiDateTime(value);
  if (type === 'percent' && typeof value === 'number') return `${(Math.round(value * 10000) / 100).toFixed(2)}%`;
  if (type === 'text') return defuseFormula(String(value));
  return String(value);
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Free text (an employer's name as the caller gave it) that a spreadsheet would run as a formula is prefixed with
 * an apostrophe (OWASP CSV injection). XLSX needs nothing: its text cells are never formulas.
 */
function defuseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function xlsxStream(table: ExportTable): PassThrough {
  const out = new PassThrough();
  writeXlsx(table, out).catch((error: unknown) => {
    out.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return out;
}

async function writeXlsx(table: ExportTable, out: PassThrough): Promise<void> {
  // Inline strings (no shared-string table) keep memory flat however many rows there are.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(table.sheet.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((c) => ({ width: c.width ?? Math.max(10, c.header.length * 2 + 2) }));
  const header = sheet.addRow(table.columns.map((c) => c.header));
  header.font = { bold: true };
  header.commit();
  for await (const values of table.rows) {
    if (out.destroyed) return;
    const row = sheet.addRow(table.columns.map((column, i) => xlsxValue(column.type, values[i] ?? null)));
    table.columns.forEach((column, i) => {
      const numFmt = NUMBER_FORMATS[column.type];
      if (numFmt !== undefined) row.getCell(i + 1).numFmt = numFmt;
    });
    row.commit();
    // Read no further ahead than the compressor and the consumer: otherwise rows pile up in memory.
    const sink = sheetSink(sheet);
    if (sink !== undefined && sink._writableState.length > SHEET_BACKLOG_BYTES) await drained(sink, out);
    if (out.writableNeedDrain) await drained(out, out);
  }
  sheet.commit();
  if (table.notes && table.notes.length > 0) {
    const notes = workbook.addWorksheet('说明');
    notes.columns = [{ width: 18 }, { width: 100 }];
    for (const line of table.notes) notes.addRow([...line]).commit();
    notes.commit();
  }
  await workbook.commit();
}

function xlsxValue(type: ColumnType, value: ExportCell): ExcelJS.CellValue {
  if (value === null) return null;
  if (value instanceof Date) return shanghaiWallClock(value);
  if (type === 'money' && typeof value === 'string') return Number(value);
  return value;
}

/** XML written ahead of the compressor before the writer waits for it. */
const SHEET_BACKLOG_BYTES = 1024 * 1024;

/** A readable-stream 2 Writable (what archiver wraps the sheet in): it has no `writableLength`, only this. */
type LegacyWritable = EventEmitter & { _writableState: { length: number } };

/**
 * The stream exceljs writes a sheet's XML into on its way to the zip. exceljs ignores its backpressure (the sheet's
 * StreamBuf drops write()'s answer), so without waiting on it here the XML of a large sheet piles up in memory
 * faster than it is compressed (measured: +300 MiB at 400,000 rows).
 */
export function sheetSink(sheet: ExcelJS.Worksheet): LegacyWritable | undefined {
  const pipes = (sheet as unknown as { stream?: { pipes?: unknown[] } }).stream?.pipes;
  const first = pipes?.[0];
  const state = (first as { _writableState?: { length?: unknown } } | undefined)?._writableState;
  return first instanceof EventEmitter && typeof state?.length === 'number' ? (first as LegacyWritable) : undefined;
}

/** Resolves when `stream` has drained, or when the consumer `out` has gone away. */
async function drained(stream: EventEmitter, out: PassThrough): Promise<void> {
  const controller = new AbortController();
  await Promise.race([
    once(stream, 'drain', { signal: controller.signal }),
    once(out, 'close', { signal: controller.signal }),
  ]).finally(() => {
    controller.abort();
  });
}
