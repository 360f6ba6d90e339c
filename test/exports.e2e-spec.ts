import { KIND_ZH, STATUS_ZH } from 'src/cases/case-labels';
import { shanghaiDateTime } from 'src/common/util/shanghai-time';
import { BreakdownDto, FiguresDto } from 'src/reports/report.dto';
import { FIGURES } from 'src/reports/report-figures';
import {
  CASE_HEADERS,
  createExportFixture,
  ExportFixture,
  FIGURE_HEADERS,
  figureTexts,
  loadWorkbook,
  PERIOD,
  PII,
} from 'test/helpers/export-fixture';
import { IdentityFixture } from 'test/helpers/identity-fixture';

describe('streamed exports: CSV and XLSX of breakdowns and case lists', () => {
  let e: ExportFixture;
  let fx: IdentityFixture;
  let as: ExportFixture['as'];
  let fetchFile: ExportFixture['fetchFile'];
  let listed: ExportFixture['listed'];
  let csvBody: ExportFixture['csvBody'];

  beforeAll(async () => {
    e = await createExportFixture();
    ({ fx, as, fetchFile, listed, csvBody } = e);
  }, 180_000);

  afterAll(async () => {
    await e.close();
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
});
