import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { contentDisposition } from 'src/exports/export-file';
import { ExportFormat, ExportTable, renderTable, sheetSink } from 'src/exports/export-table';
import { PassThrough } from 'node:stream';

const received = new Date('2026-03-31T16:30:05.000Z'); // 2026-04-01 00:30:05 in Shanghai

function table(): ExportTable {
  return {
    sheet: '案件清单',
    columns: [
      { header: '用人单位', type: 'text' },
      { header: '涉及人数', type: 'integer' },
      { header: '诉求金额(元)', type: 'money' },
      { header: '办结率', type: 'percent' },
      { header: '受理时间', type: 'datetime' },
    ],
    rows: [
      ['北京某某公司, "总部"', 12, '1234.50', 0.9154, received],
      ['=HYPERLINK("http://x")', 1, '-1.00', null, null],
      ['多行\n名称', 0, '0.00', 1, received],
    ],
    notes: [['统计期间', '2026-01-01 至 2026-12-31']],
  };
}

async function bytes(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks);
}

describe('renderTable', () => {
  it('writes CSV with a BOM, CRLF, quoting, yuan strings, percentages, Shanghai times and defused formulas', async () => {
    const csv = await text(renderTable(ExportFormat.Csv, table()));
    expect(csv.startsWith('\uFEFF用人单位,涉及人数,诉求金额(元),办结率,受理时间\r\n')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      '用人单位,涉及人数,诉求金额(元),办结率,受理时间',
      '"北京某某公司, ""总部""",12,1234.50,91.54%,2026-04-01 00:30:05',
      `"'=HYPERLINK(""http://x"")",1,-1.00,,`,
      '"多行\n名称",0,0.00,100.00%,2026-04-01 00:30:05',
      '',
    ]);
  });

  it('writes XLSX with bold Chinese headers, numeric yuan cells formatted 0.00, Shanghai wall-clock times and notes', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await bytes(renderTable(ExportFormat.Xlsx, table()))).buffer);
    const sheet = workbook.getWorksheet('案件清单');
    if (!sheet) throw new Error('no sheet');
    expect(sheet.getRow(1).values).toEqual([undefined, '用人单位', '涉及人数', '诉求金额(元)', '办结率', '受理时间']);
    expect(sheet.getRow(1).font.bold).toBe(true);
    const first = sheet.getRow(2);
    expect(first.getCell(1).value).toBe('北京某某公司, "总部"');
    expect(first.getCell(3).value).toBe(1234.5);
    expect(first.getCell(3).numFmt).toBe('0.00');
    expect(first.getCell(4).value).toBe(0.9154);
    expect(first.getCell(4).numFmt).toBe('0.00%');
    expect(first.getCell(5).value).toEqual(new Date('2026-04-01T00:30:05.000Z'));
    // XLSX text cells are never formulas: the value is kept as typed.
    expect(sheet.getRow(3).getCell(1).value).toBe('=HYPERLINK("http://x")');
    expect(sheet.getRow(3).getCell(3).value).toBe(-1);
    expect(sheet.rowCount).toBe(4);
    expect(workbook.getWorksheet('说明')?.getRow(1).values).toEqual([
      undefined,
      '统计期间',
      '2026-01-01 至 2026-12-31',
    ]);
  });
});

describe('sheetSink', () => {
  it('finds the stream exceljs writes sheet XML into, so the writer can wait for the compressor', () => {
    // If an exceljs upgrade moves it, large XLSX exports would buffer in memory again: fail loudly here instead.
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: new PassThrough() });
    const sheet = workbook.addWorksheet('x');
    expect(sheetSink(sheet)?._writableState.length).toBe(0);
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the UTF-8 name percent-encoded per RFC 5987', () => {
    expect(contentDisposition("案件清单 (1)'.csv", 'cases_20260401-003005.csv')).toBe(
      `attachment; filename="cases_20260401-003005.csv"; filename*=UTF-8''%E6%A1%88%E4%BB%B6%E6%B8%85%E5%8D%95%20%281%29%27.csv`,
    );
    expect(contentDisposition('x.csv', 'a "b"\r\n.csv')).toBe(
      `attachment; filename="a__b___.csv"; filename*=UTF-8''x.csv`,
    );
  });
});
