import { CASE_COLUMNS } from 'src/exports/case-export.source';
import { ExportCell, ExportFormat, renderTable } from 'src/exports/export-table';

/**
 * `npm run bench:export`: renders a synthetic case list of BENCH_ROWS rows (default 200,000) to CSV and to XLSX
 * and reports time, size and the process's peak resident memory, so the streaming claim (memory flat in the row
 * count) is a measured figure. No database: this measures the writers alone.
 */
const ROWS = Number(process.env.BENCH_ROWS ?? 200_000);

/** Yields to the event loop every 500 rows, as the database reads between batches do. */
async function* rows(): AsyncGenerator<ExportCell[]> {
  const start = Date.UTC(2024, 0, 1);
  for (let i = 0; i < ROWS; i++) {
    if (i % 500 === 0) await new Promise((resolve) => setImmediate(resolve));
    const received = new Date(start + i * 60_000);
    yield [
      `GD-2024-${String(i).padStart(6, '0')}`,
      received,
      '劳动争议',
      '拖欠工资',
      '一般',
      '已办结',
      '调解达成协议',
      '热线电话',
      '北京市朝阳区总工会',
      `北京某某外卖配送有限公司${String(i % 5000)}`,
      (i % 30) + 1,
      i % 30 >= 9 ? '是' : '否',
      `${String(1000 + (i % 90000))}.50`,
      '5000.00',
      '0.00',
      `${String(i % 7000)}.25`,
      new Date(received.getTime() + 86_400_000 * 9),
      '满意',
      i % 3,
    ];
  }
}

async function measure(format: ExportFormat): Promise<void> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const started = process.hrtime.bigint();
  let bytes = 0;
  for await (const chunk of renderTable(format, { sheet: '案件清单', columns: CASE_COLUMNS, rows: rows() })) {
    bytes += (chunk as Buffer | string).length;
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  clearInterval(sampler);
  const mb = (n: number): string => (n / 1024 / 1024).toFixed(1);
  process.stdout.write(
    `${format}: ${String(ROWS)} rows in ${(ms / 1000).toFixed(2)} s (${String(Math.round(ROWS / (ms / 1000)))} rows/s), ` +
      `${mb(bytes)} MiB, peak RSS ${mb(peak)} MiB\n`,
  );
}

async function main(): Promise<void> {
  await measure(ExportFormat.Csv);
  await measure(ExportFormat.Xlsx);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
