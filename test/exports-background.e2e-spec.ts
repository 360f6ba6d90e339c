import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { Authenticator } from 'src/sessions/authenticator';
import { CaseExportSource } from 'src/exports/case-export.source';
import { ExportRunJob } from 'src/exports/export-run.job';
import { DIRECT_RUN } from 'src/queue/on-job.decorator';
import { exportJobOptions } from 'src/exports/export-queue';
import { JobName, QueueName } from 'src/queue/queue.constants';
import { QueueService } from 'src/queue/queue.service';
import { createExportFixture, ExportFixture, loadWorkbook, SYNC_MAX } from 'test/helpers/export-fixture';
import { IdentityFixture } from 'test/helpers/identity-fixture';
import { eventually, TestApp } from 'test/helpers/test-app';

describe('background exports: POST /exports, a BullMQ job with progress, owner-only download', () => {
  let e: ExportFixture;
  let t: TestApp;
  let fx: IdentityFixture;
  let db: Client;
  let worker: INestApplicationContext | undefined;
  let as: ExportFixture['as'];
  let fetchFile: ExportFixture['fetchFile'];
  let listed: ExportFixture['listed'];
  let csvBody: ExportFixture['csvBody'];

  beforeAll(async () => {
    e = await createExportFixture();
    ({ t, fx, db, as, fetchFile, listed, csvBody } = e);
  }, 180_000);

  afterAll(async () => {
    await e.close();
  });

  it('a retried export request with its Idempotency-Key queues one export and answers 202 both times', async () => {
    const owner = await as('dispatcher_a');
    const send = () =>
      owner.post<{ id: string }>(
        '/exports',
        { kind: 'cases', format: 'csv', filters: {} },
        { headers: { 'idempotency-key': 'export-key-0001' } },
      );
    const first = await send();
    const again = await send();
    expect([first.status, again.status]).toEqual([202, 202]);
    expect(again.body).toEqual(first.body);
    const { rows } = await db.query<{ response_status: number }>(
      "SELECT response_status FROM idempotency_key WHERE key = 'export-key-0001'",
    );
    const stored = rows[0];
    expect(stored?.response_status).toBe(202);
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

  it('expired files are removed, a lost job is queued again, and a permanent failure says why', async () => {
    worker ??= await t.startWorker();
    const jobs = worker.get(ExportRunJob, { strict: false });
    const owner = await as('dispatcher_a');
    const state = async (id: string) =>
      (await owner.get<{ state: string; downloadUrl: string | null; error: string | null }>(`/exports/${id}`)).body;
    const finished = async (id: string) =>
      eventually(async () => {
        const s = await state(id);
        return s.state === 'done' || s.state === 'failed' ? s : undefined;
      });

    const created = await owner.post<{ id: string }>('/exports', {
      kind: 'cases',
      format: 'xlsx',
      filters: { kind: 'complaint' },
    });
    expect((await finished(created.body.id)).state).toBe('done');
    const stored = await db.query<{ file_key: string }>('SELECT file_key FROM export_job WHERE id = $1', [
      created.body.id,
    ]);
    const path = join(t.config.storage.dir, stored.rows[0]?.file_key ?? 'missing');
    expect(existsSync(path)).toBe(true);
    await db.query(`UPDATE export_job SET expires_at = now() - interval '1 minute' WHERE id = $1`, [created.body.id]);
    expect(await state(created.body.id)).toMatchObject({ state: 'expired', downloadUrl: null });
    expect((await owner.get(`/exports/${created.body.id}/download`)).status).toBe(409);
    await jobs.sweep();
    const swept = await db.query('SELECT state, file_key FROM export_job WHERE id = $1', [created.body.id]);
    expect(swept.rows[0]).toEqual({ state: 'expired', file_key: null });
    expect(existsSync(path)).toBe(false);

    // A row whose job never reached the queue (Redis away at commit): the sweep queues it again.
    const insert = (unit: { id: string; path: string }, filters: object, age: string) =>
      db.query<{ id: string }>(
        `INSERT INTO export_job (owner_id, unit_id, unit_path, kind, format, filters, file_name, created_at)
         VALUES ($1, $2, $3, 'cases', 'csv', $4, '案件清单.csv', now() - $5::interval) RETURNING id`,
        [fx.userId('dispatcher_a'), unit.id, unit.path, JSON.stringify(filters), age],
      );
    const lost = (await insert(fx.units.districtA, {}, '5 minutes')).rows[0]?.id ?? '';
    expect((await state(lost)).state).toBe('queued');
    await jobs.sweep();
    expect((await finished(lost)).state).toBe('done');

    // Its job already ran and is kept by the queue (here: it ran before the row existed and found nothing): an
    // add with the export's own job id would be ignored, so the sweep's job carries its round.
    const reused = randomUUID();
    const queue = t.app.get<Queue>(getQueueToken(QueueName.Reports));
    await t.app.get(QueueService).enqueue(JobName.ExportRun, { exportId: reused }, exportJobOptions(reused));
    await eventually(async () => ((await queue.getJob(`export-${reused}`))?.finishedOn ? true : undefined));
    await db.query(
      `INSERT INTO export_job (id, owner_id, unit_id, unit_path, kind, format, filters, file_name, created_at)
       VALUES ($1, $2, $3, $4, 'cases', 'csv', '{}', '案件清单.csv', now() - interval '5 minutes')`,
      [reused, fx.userId('dispatcher_a'), fx.units.districtA.id, fx.units.districtA.path],
    );
    await jobs.sweep();
    expect((await finished(reused)).state).toBe('done');

    // The recorded scope no longer holds the unit named in the filters: failed at once, with the reason.
    const doomed = (await insert(fx.units.streetA1, { orgUnitId: fx.units.districtA.id }, '0 seconds')).rows[0]?.id;
    await jobs.run({ exportId: doomed ?? '' }, DIRECT_RUN);
    expect(await state(doomed ?? '')).toMatchObject({
      state: 'failed',
      error: 'Org unit not found',
      downloadUrl: null,
    });
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
    let batches = 0;
    const table = source.table(
      await source.criteria(principal, {}),
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
