import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { Client } from 'pg';
import { CaseSummaryDto } from 'src/cases/case-response.dto';
import { AppRole } from 'src/config/app-config';
import { FiguresDto } from 'src/reports/report.dto';
import { FIGURES, Rate } from 'src/reports/report-figures';
import { caseScript, playScript } from 'test/helpers/case-history';
import { HttpClient, TestResponse } from 'test/helpers/http-client';
import { createIdentityFixture, FixtureUser, IdentityFixture } from 'test/helpers/identity-fixture';
import { VALID_ID_NUMBER } from 'test/helpers/intake-payloads';
import { createTestApp, TestApp } from 'test/helpers/test-app';

/** Small, so the limit can be crossed without thousands of cases; the scripted cases stay below it. */
export const SYNC_MAX = 40;
export const PERIOD = { from: '2023-01-01', to: '2027-12-31' };
/** The intake fixture's worker: phone, ID number and name must never be in an export. */
export const PII = ['13912345678', VALID_ID_NUMBER, '王小明'];
export const CASE_HEADERS = [
  '案件编号',
  '受理时间',
  '类型',
  '类别',
  '优先级',
  '状态',
  '结果',
  '渠道',
  '所属单位',
  '用人单位',
  '涉及人数',
  '集体争议',
  '诉求金额(元)',
  '调解协议金额(元)',
  '裁判金额(元)',
  '挽回金额(元)',
  '办结时间',
  '回访结果',
  '重办次数',
];
export const FIGURE_HEADERS = FIGURES.map((f) => (f.key.startsWith('money') ? `${f.zh}(元)` : f.zh));

/** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (quoted && c === '"' && text.charAt(i + 1) === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(field);
      field = '';
    } else if (!quoted && c === '\r' && text.charAt(i + 1) === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

export async function loadWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  return workbook;
}

const percent = (rate: Rate): string => (rate.rate === null ? '' : `${(rate.rate * 100).toFixed(2)}%`);

/** The figures as an export writes them in CSV: counts, yuan strings, percentages with two decimals. */
export const figureTexts = (f: FiguresDto): string[] =>
  FIGURES.map((d) => {
    const value = f[d.key];
    return typeof value === 'object' ? percent(value) : String(value);
  });

export interface Download {
  status: number;
  headers: Headers;
  bytes: Buffer;
  text: string;
}

export interface ExportFixture {
  t: TestApp;
  fx: IdentityFixture;
  db: Client;
  as(user: FixtureUser): Promise<HttpClient>;
  fetchFile(user: FixtureUser, path: string): Promise<Download>;
  /** Every page of GET /cases with these filters, in list order. */
  listed(user: FixtureUser, filters: Record<string, string>): Promise<CaseSummaryDto[]>;
  /** The rows of a CSV download, after checking its type and BOM. */
  csvBody(download: Download): string[][];
  close(): Promise<void>;
}

/**
 * The API alone (background exports wait in the queue until a test starts a worker) with a low synchronous limit,
 * and a fixed set of case histories played through the API.
 */
export async function createExportFixture(): Promise<ExportFixture> {
  const t = await createTestApp({ role: AppRole.Api, env: { EXPORT_SYNC_MAX_ROWS: String(SYNC_MAX) } });
  const fx = await createIdentityFixture(t);
  const db = new Client({ connectionString: t.db.url });
  await db.connect();
  for (const script of fc.sample(caseScript, { numRuns: 18, seed: 20261122 })) await playScript(t, fx, script);
  const as = async (user: FixtureUser) => t.http.withToken(await fx.token(user));
  return {
    t,
    fx,
    db,
    as,
    async fetchFile(user, path) {
      const response = await fetch(`${t.http.baseUrl}${path}`, {
        headers: { authorization: `Bearer ${await fx.token(user)}` },
      });
      const bytes = Buffer.from(await response.arrayBuffer());
      return { status: response.status, headers: response.headers, bytes, text: bytes.toString('utf8') };
    },
    async listed(user, filters) {
      const client = await as(user);
      const items: CaseSummaryDto[] = [];
      let cursor: string | null = null;
      do {
        const params: string = new URLSearchParams({
          ...filters,
          limit: '7',
          ...(cursor === null ? {} : { cursor }),
        }).toString();
        const page: TestResponse<{ items: CaseSummaryDto[]; nextCursor: string | null }> = await client.get(
          `/cases?${params}`,
        );
        expect(page.status).toBe(200);
        items.push(...page.body.items);
        cursor = page.body.nextCursor;
      } while (cursor !== null);
      return items;
    },
    csvBody(download) {
      expect(download.status).toBe(200);
      expect(download.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(download.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      return parseCsv(download.text.slice(1)).filter((row) => row.length > 1 || row[0] !== '');
    },
    async close() {
      await db.end();
      await t.close();
    },
  };
}
