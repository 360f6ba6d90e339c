import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import type { Queue } from 'bullmq';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { Client } from 'pg';
import { Authenticator } from 'src/auth/authenticator';
import { KIND_ZH, STATUS_ZH } from 'src/cases/case-labels';
import { CaseSummaryDto } from 'src/cases/case-response.dto';
import { AppRole } from 'src/config/app-config';
import { shanghaiDateTime } from 'src/common/util/shanghai-time';
import { CaseExportSource } from 'src/exports/case-export.source';
import { ExportRunJob } from 'src/exports/export-run.job';
import { DIRECT_RUN } from 'src/queue/on-job.decorator';
import { QueueName } from 'src/queue/queue.constants';
import { BreakdownDto, FiguresDto } from 'src/reports/report.dto';
import { FIGURES, Rate } from 'src/reports/report-figures';
import { caseScript, playScript } from 'test/helpers/case-history';
import { TestResponse } from 'test/helpers/http-client';
import { createIdentityFixture, FixtureUser, IdentityFixture } from 'test/helpers/identity-fixture';
import { VALID_ID_NUMBER } from 'test/helpers/intake-payloads';
import { createTestApp, eventually, TestApp } from 'test/helpers/test-app';

/** Small, so the limit can be crossed without thousands of cases; the scripted cases stay below it. */
const SYNC_MAX = 40;
const PERIOD = { from: '2023-01-01', to: '2027-12-31' };
const PII = ['13912345678', VALID_ID_NUMBER, '王小明'];
const CASE_HEADERS = [
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
const FIGURE_HEADERS = FIGURES.map((f) => (f.key.startsWith('money') ? `${f.zh}(元)` : f.zh));

/** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
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

async function loadWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  return workbook;
}

const percent = (rate: Rate): string => (rate.rate === null ? '' : `${(rate.rate * 100).toFixed(2)}%`);
const figureTexts = (f: FiguresDto): string[] =>
  FIGURES.map((d) => {
    const value = f[d.key];
    return typeof value === 'object' ? percent(value) : String(value);
  });

interface Download {
  status: number;
  headers: Headers;
  bytes: Buffer;
  text: string;
}

describe('exports: CSV and XLSX of breakdowns and case lists, streamed or in the background', () => {
  let t: TestApp;
  let fx: IdentityFixture;
  let db: Client;
  let worker: INestApplicationContext | undefined;

  async function fetchFile(user: FixtureUser, path: string): Promise<Download> {
    const response = await fetch(`${t.http.baseUrl}${path}`, {
      headers: { authorization: `Bearer ${await fx.token(user)}` },
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    return { status: response.status, headers: response.headers, bytes, text: bytes.toString('utf8') };
  }

  async function as(user: FixtureUser) {
    return t.http.withToken(await fx.token(user));
  }

  /** Every page of GET /cases with these filters, in list order. */
  async function listed(user: FixtureUser, filters: Record<string, string>): Promise<CaseSummaryDto[]> {
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
  }

  function csvBody(download: Download): string[][] {
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(download.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    return parseCsv(download.text.slice(1)).filter((row) => row.length > 1 || row[0] !== '');
  }

  beforeAll(async () => {
    // API only: background exports wait in the queue until a test starts a worker.
    t = await createTestApp({ role: AppRole.Api, env: { EXPORT_SYNC_MAX_ROWS: String(SYNC_MAX) } });
    fx = await createIdentityFixture(t);
    db = new Client({ connectionString: t.db.url });
    await db.connect();
    for (const script of fc.sample(caseScript, { numRuns: 18, seed: 20261122 })) await playScript(t, fx, script);
  }, 180_000);

  afterAll(async () => {
    await db.end();
    await t.close();
  });

  it('a CSV breakdown has the JSON breakdown’s figures under Chinese headers, with a total row', async () => {
    const leader = await as('leader_city');
    for (const by of ['unit', 'kind', 'outcome'] as const) {
      const query = new URLSearchParams({ by, ...PERIOD }).toString();
      const json = await leader.get<BreakdownDto>(`/reports/breakdown?${query}`);
      expect(json.status).toBe(200);
      const file = await fetchFile('leader_city', `/exports/breakdown?${query}&format=csv`);
      const [header, ...rows] = csvBody(file);
      expect(header).toEqual([{ unit: '单位', kind: '类型', outcome: '结果' }[by], ...FIGURE_HEADERS]);
      expect(rows).toHaveLength(json.body.rows.length + 1);
      json.body.rows.forEach((row, i) => {
        const label =
          by === 'kind' ? (KIND_ZH as Record<string, string>)[row.key ?? ''] : by === 'unit' ? row.label : null;
        if (label !== null) expect(rows[i]?.[0]).toBe(label);
        expect(rows[i]?.slice(1)).toEqual(figureTexts(row.figures));
      });
      expect(rows.at(-1)).toEqual(['合计', ...figureTexts(json.body.total)]);
      if (by === 'outcome') expect(rows.map((r) => r[0])).toContain('未办结');
      const disposition = file.headers.get('content-disposition') ?? '';
      expect(disposition).toMatch(/^attachment; filename="breakdown_\d{8}-\d{6}\.csv"; filename\*=UTF-8''/);
      expect(decodeURIComponent(disposition.split("UTF-8''")[1] ?? '')).toBe(
        `统计_按${String(header?.[0])}_${PERIOD.from}至${PERIOD.to}.csv`,
      );
    }
  });

  it('an XLSX breakdown opens with exceljs: Chinese headers, yuan as numbers formatted 0.00, rates as percentages', async () => {
    const query = new URLSearchParams({ by: 'unit', ...PERIOD }).toString();
    const json = await (await as('leader_city')).get<BreakdownDto>(`/reports/breakdown?${query}`);
    const file = await fetchFile('leader_city', `/exports/breakdown?${query}&format=xlsx`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = await loadWorkbook(file.bytes);
    const sheet = workbook.getWorksheet('按单位统计');
    if (!sheet) throw new Error('no sheet');
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['单位', ...FIGURE_HEADERS]);
    const recoveredColumn = FIGURES.findIndex((f) => f.key === 'moneyRecovered') + 2;
    const closureColumn = FIGURES.findIndex((f) => f.key === 'closureRate') + 2;
    const total = sheet.getRow(json.body.rows.length + 2);
    expect(total.getCell(1).value).toBe('合计');
    expect(total.getCell(recoveredColumn).value).toBe(Number(json.body.total.moneyRecovered));
    expect(total.getCell(recoveredColumn).numFmt).toBe('0.00');
    expect(total.getCell(closureColumn).value).toBe(json.body.total.closureRate.rate);
    expect(total.getCell(closureColumn).numFmt).toBe('0.00%');
    json.body.rows.forEach((row, i) => {
      expect(sheet.getRow(i + 2).getCell(1).value).toBe(row.label);
      expect(sheet.getRow(i + 2).getCell(2).value).toBe(row.figures.received);
    });
    expect(Number(json.body.total.moneyRecovered)).toBeGreaterThan(0);
    const notes = workbook.getWorksheet('说明');
    expect(notes?.getRow(2).values).toEqual([undefined, '统计期间', `${PERIOD.from} 至 ${PERIOD.to}`]);
  });

  it('a case list CSV holds the same cases as GET /cases with the same filters, labelled, and no party data', async () => {
    const filterSets: Record<string, string>[] = [
      {},
      { kind: 'labour_dispute' },
      { orgUnitId: fx.units.districtA.id, open: 'false' },
      { collective: 'true', category: 'wage_arrears' },
      { status: 'closed', channel: 'hotline' },
    ];
    for (const filters of filterSets) {
      const expected = await listed('dispatcher_city', filters);
      const query = new URLSearchParams({ ...filters, format: 'csv' }).toString();
      const file = await fetchFile('dispatcher_city', `/exports/cases?${query}`);
      const [header, ...rows] = csvBody(file);
      expect(header).toEqual(CASE_HEADERS);
      expect(rows.map((r) => r[0])).toEqual(expected.map((c) => c.number));
      expected.forEach((c, i) => {
        const row = rows[i] ?? [];
        expect(row[1]).toBe(shanghaiDateTime(new Date(c.receivedAt)));
        expect(row[2]).toBe(KIND_ZH[c.kind]);
        expect(row[5]).toBe(STATUS_ZH[c.status]);
        expect(row[11]).toBe(c.collective ? '是' : '否');
        expect(row[12]).toBe(c.claimed);
      });
      for (const value of PII) expect(file.text).not.toContain(value);
      expect(file.text).not.toMatch(/1[3-9]\d{9}/);
    }
    expect((await listed('dispatcher_city', {})).length).toBeGreaterThan(10);
  });

  it('a case list XLSX has Chinese headers, numeric yuan cells and no party data in any cell', async () => {
    const expected = await listed('operator_city', {});
    const file = await fetchFile('operator_city', '/exports/cases?format=xlsx');
    expect(file.status).toBe(200);
    const workbook = await loadWorkbook(file.bytes);
    const sheet = workbook.getWorksheet('案件清单');
    if (!sheet) throw new Error('no sheet');
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(CASE_HEADERS);
    expect(sheet.rowCount).toBe(expected.length + 1);
    expected.forEach((c, i) => {
      const row = sheet.getRow(i + 2);
      expect(row.getCell(1).value).toBe(c.number);
      expect(row.getCell(13).value).toBe(Number(c.claimed));
      expect(row.getCell(13).numFmt).toBe('0.00');
      // Spreadsheet times have no zone: the cell reads the Shanghai wall clock (to the second).
      const shown = (row.getCell(2).value as Date).toISOString().slice(0, 19).replace('T', ' ');
      expect(shown).toBe(shanghaiDateTime(new Date(c.receivedAt)));
    });
    const everything: string[] = [];
    sheet.eachRow((row) => {
      row.eachCell((cell) => everything.push(cell.text));
    });
    for (const value of PII) expect(everything.join('\n')).not.toContain(value);
  });

  it('a district user’s exports hold only its subtree; other units are 404', async () => {
    const districtA = await listed('leader_a', {});
    const city = await listed('leader_city', {});
    expect(districtA.length).toBeGreaterThan(0);
    expect(districtA.length).toBeLessThan(city.length);
    const cases = csvBody(await fetchFile('leader_a', '/exports/cases?format=csv')).slice(1);
    expect(cases.map((r) => r[0])).toEqual(districtA.map((c) => c.number));
    const aUnits = new Set([fx.units.districtA, fx.units.streetA1, fx.units.streetA2].map((u) => u.nameZh));
    expect(cases.every((r) => aUnits.has(r[8] ?? ''))).toBe(true);

    const query = new URLSearchParams({ by: 'unit', ...PERIOD }).toString();
    const ranking = csvBody(await fetchFile('leader_a', `/exports/breakdown?${query}&format=csv`)).slice(1);
    expect(ranking.map((r) => r[0])).toEqual(
      expect.arrayContaining([fx.units.streetA1.nameZh, fx.units.streetA2.nameZh, '合计']),
    );
    expect(ranking.map((r) => r[0])).not.toContain(fx.units.districtB.nameZh);
    const summary = await (
      await as('leader_a')
    ).get<{ figures: FiguresDto }>(`/reports/summary?${new URLSearchParams(PERIOD).toString()}`);
    expect(ranking.at(-1)?.slice(1)).toEqual(figureTexts(summary.body.figures));

    const outside = [
      `/exports/cases?format=csv&orgUnitId=${fx.units.districtB.id}`,
      `/exports/breakdown?${query}&format=csv&unitId=${fx.units.city.id}`,
    ];
    for (const path of outside) expect((await fetchFile('leader_a', path)).status).toBe(404);
    const post = await (
      await as('leader_a')
    ).post('/exports', {
      kind: 'cases',
      format: 'csv',
      filters: { orgUnitId: fx.units.districtB.id },
    });
    expect(post.status).toBe(404);
  });

  it('refuses bad formats, filters and roles with 400 and 403', async () => {
    const dispatcher = await as('dispatcher_city');
    const bad = await dispatcher.get<{ code: string; details: { field: string }[] }>('/exports/cases?format=pdf');
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d) => d.field)).toEqual(['format']);
    expect((await dispatcher.get('/exports/cases')).status).toBe(400);
    expect((await dispatcher.get('/exports/cases?format=csv&limit=10')).status).toBe(400);
    expect((await dispatcher.get('/exports/breakdown?format=xls&by=unit')).status).toBe(400);
    const posts: [unknown, string][] = [
      [{ kind: 'cases', format: 'pdf' }, 'format'],
      [{ kind: 'everything', format: 'csv' }, 'kind'],
      [{ kind: 'breakdown', format: 'csv', filters: { by: 'street' } }, 'filters.by'],
      [{ kind: 'breakdown', format: 'csv', filters: {} }, 'filters.by'],
      [{ kind: 'cases', format: 'csv', filters: { cursor: 'x' } }, 'filters.cursor'],
      [{ kind: 'cases', format: 'csv', filters: { receivedFrom: 'yesterday' } }, 'filters.receivedFrom'],
    ];
    for (const [body, field] of posts) {
      const res = await dispatcher.post<{ details: { field: string }[] }>('/exports', body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(res.body.details.map((d) => d.field)).toContain(field);
    }
    const operator = await as('operator_city');
    expect((await operator.get(`/exports/breakdown?format=csv&by=unit`)).status).toBe(403);
    const forbidden = await operator.post('/exports', { kind: 'breakdown', format: 'csv', filters: { by: 'unit' } });
    expect(forbidden.status).toBe(403);
    expect((await (await as('admin_city')).get('/exports/cases?format=csv')).status).toBe(403);
  });

  it('a background export goes queued → running → done with progress, with the scope of the request, and downloads the same file', async () => {
    const owner = await as('dispatcher_a');
    const expectedFile = await fetchFile('leader_a', '/exports/cases?format=csv');
    const created = await owner.post<{ id: string; state: string; progress: number; downloadUrl: string | null }>(
      '/exports',
      { kind: 'cases', format: 'csv', filters: {} },
    );
    expect(created.status).toBe(202);
    expect(created.body).toMatchObject({ state: 'queued', progress: 0, downloadUrl: null });
    const id = created.body.id;
    const status = async () =>
      (
        await owner.get<{ state: string; progress: number; rowCount: number | null; downloadUrl: string | null }>(
          `/exports/${id}`,
        )
      ).body;
    expect((await status()).state).toBe('queued');
    expect((await owner.get<{ code: string }>(`/exports/${id}/download`)).status).toBe(409);

    // The owner moves to the city after asking: the file still holds what district A saw then.
    const dispatcherId = fx.userId('dispatcher_a');
    await db.query('UPDATE app_user SET org_unit_id = $1 WHERE id = $2', [fx.units.city.id, dispatcherId]);
    // Holding the employer table stops the job after it has claimed the export, so `running` can be seen.
    const blocker = new Client({ connectionString: t.db.url });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE employer IN ACCESS EXCLUSIVE MODE');
    worker = await t.startWorker();
    const running = await eventually(async () => {
      const s = await status();
      return s.state === 'running' ? s : undefined;
    });
    expect(running.progress).toBe(0);
    await blocker.query('ROLLBACK');
    await blocker.end();
    const seen: number[] = [];
    const done = await eventually(async () => {
      const s = await status();
      seen.push(s.progress);
      return s.state === 'done' ? s : undefined;
    });
    await db.query('UPDATE app_user SET org_unit_id = $1 WHERE id = $2', [fx.units.districtA.id, dispatcherId]);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(done).toMatchObject({ progress: 100, downloadUrl: `/exports/${id}/download` });
    const queue = worker.get<Queue>(getQueueToken(QueueName.Reports), { strict: false });
    expect((await queue.getJob(`export-${id}`))?.progress).toBe(100);

    const file = await fetchFile('dispatcher_a', `/exports/${id}/download`);
    expect(file.status).toBe(200);
    expect(file.bytes.equals(expectedFile.bytes)).toBe(true);
    expect(done.rowCount).toBe(csvBody(file).length - 1);
    expect(file.headers.get('content-length')).toBe(String(file.bytes.length));
    expect(file.headers.get('content-disposition')).toMatch(/filename\*=UTF-8''%E6%A1%88%E4%BB%B6%E6%B8%85%E5%8D%95_/);

    for (const other of ['dispatcher_city', 'leader_a'] as const) {
      expect((await (await as(other)).get(`/exports/${id}`)).status).toBe(404);
      expect((await fetchFile(other, `/exports/${id}/download`)).status).toBe(404);
      const list = await (await as(other)).get<{ items: { id: string }[] }>('/exports');
      expect(list.body.items.map((x) => x.id)).not.toContain(id);
    }
    const mine = await owner.get<{ items: { id: string }[] }>('/exports');
    expect(mine.body.items.map((x) => x.id)).toContain(id);

    // Idempotent: a duplicated job leaves a finished export alone; a crashed one starts again and ends the same.
    const jobs = worker.get(ExportRunJob, { strict: false });
    const before = await db.query('SELECT finished_at, attempts FROM export_job WHERE id = $1', [id]);
    await jobs.run({ exportId: id }, DIRECT_RUN);
    expect((await db.query('SELECT finished_at, attempts FROM export_job WHERE id = $1', [id])).rows).toEqual(
      before.rows,
    );
    await db.query(`UPDATE export_job SET state = 'running', progress = 37 WHERE id = $1`, [id]);
    await jobs.run({ exportId: id }, DIRECT_RUN);
    const again = await db.query<{ state: string; progress: number; attempts: number }>(
      'SELECT state, progress, attempts FROM export_job WHERE id = $1',
      [id],
    );
    expect(again.rows[0]).toEqual({ state: 'done', progress: 100, attempts: 2 });
    expect((await fetchFile('dispatcher_a', `/exports/${id}/download`)).bytes.equals(expectedFile.bytes)).toBe(true);
  });

  it('a background XLSX breakdown holds the same figures as the streamed one', async () => {
    worker ??= await t.startWorker();
    const created = await (
      await as('leader_a')
    ).post<{ id: string }>('/exports', {
      kind: 'breakdown',
      format: 'xlsx',
      filters: { by: 'category', period: 'year' },
    });
    expect(created.status).toBe(202);
    const leader = await as('leader_a');
    const done = await eventually(async () => {
      const s = (await leader.get<{ state: string; filters: Record<string, string> }>(`/exports/${created.body.id}`))
        .body;
      return s.state === 'done' ? s : undefined;
    });
    // A relative period is recorded as dates when asked for.
    expect(done.filters.by).toBe('category');
    expect(done.filters.from).toMatch(/^\d{4}-01-01$/);
    expect(done.filters.period).toBeUndefined();
    const read = async (bytes: Buffer) => {
      const workbook = await loadWorkbook(bytes);
      const rows: unknown[] = [];
      workbook.getWorksheet('按类别统计')?.eachRow((row) => rows.push(row.values));
      return rows;
    };
    const background = await read((await fetchFile('leader_a', `/exports/${created.body.id}/download`)).bytes);
    const query = new URLSearchParams({ by: 'category', from: done.filters.from ?? '', to: done.filters.to ?? '' });
    const streamed = await read(
      (await fetchFile('leader_a', `/exports/breakdown?${query.toString()}&format=xlsx`)).bytes,
    );
    expect(background.length).toBeGreaterThan(2);
    expect(background).toEqual(streamed);
  });

  it('past the synchronous limit answers 409 EXPORT_TOO_LARGE; the background export takes it', async () => {
    worker ??= await t.startWorker();
    const { rows } = await db.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns
        WHERE table_name = 'case' AND column_name NOT IN ('id', 'number') ORDER BY ordinal_position`,
    );
    const columns = rows.map((r) => `"${r.column_name}"`).join(', ');
    await db.query(
      `INSERT INTO "case" (number, ${columns})
       SELECT 'GD-2020-' || lpad(g::text, 6, '0'), ${columns}
         FROM (SELECT * FROM "case" WHERE kind = 'labour_dispute' LIMIT 1) c, generate_series(1, $1) g`,
      [SYNC_MAX + 5],
    );
    const total = (await listed('dispatcher_city', {})).length;
    expect(total).toBeGreaterThan(SYNC_MAX);
    const refused = await (
      await as('dispatcher_city')
    ).get<{ code: string; details: { maxRows: number } }>('/exports/cases?format=csv');
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'EXPORT_TOO_LARGE', details: { maxRows: SYNC_MAX } });
    expect((await fetchFile('dispatcher_city', '/exports/cases?format=csv&kind=complaint')).status).toBe(200);

    const created = await (
      await as('dispatcher_city')
    ).post<{ id: string }>('/exports', {
      kind: 'cases',
      format: 'xlsx',
    });
    expect(created.status).toBe(202);
    const client = await as('dispatcher_city');
    const done = await eventually(async () => {
      const s = (await client.get<{ state: string; rowCount: number }>(`/exports/${created.body.id}`)).body;
      return s.state === 'done' ? s : undefined;
    });
    expect(done.rowCount).toBe(total);

    // Many batches, with a batch boundary inside the run of copies that share one received_at: same rows, same order.
    const source = t.app.get(CaseExportSource, { strict: false });
    const principal = await t.app
      .get(Authenticator, { strict: false })
      .authenticate(await fx.token('dispatcher_city'), []);
    const actor = { principal, correlationId: 'test', ip: '127.0.0.1' };
    let batches = 0;
    const table = source.table(
      await source.criteria(actor, {}),
      () => {
        batches++;
        return Promise.resolve();
      },
      7,
    );
    const numbers: unknown[] = [];
    for await (const row of table.rows) numbers.push(row[0]);
    expect(numbers).toEqual((await listed('dispatcher_city', {})).map((c) => c.number));
    expect(batches).toBe(Math.ceil(total / 7) + (total % 7 === 0 ? 1 : 0));
  });
});
