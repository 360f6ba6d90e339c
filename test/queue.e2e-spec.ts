import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { AppRole } from 'src/config/app-config';
import { QueueName, RECURRING_JOBS } from 'src/queue/queue.constants';
import { HeartbeatResponseDto } from 'src/system/heartbeat.dto';
import { HttpClient } from 'test/helpers/http-client';
import { createIdentityFixture } from 'test/helpers/identity-fixture';
import { createTestApp, eventually, TestApp } from 'test/helpers/test-app';
import { DataSource } from 'typeorm';

async function adminClient(t: TestApp): Promise<HttpClient> {
  return t.http.withToken(await (await createIdentityFixture(t)).token('admin_city'));
}

async function processedHeartbeat(http: HttpClient, id: string): Promise<HeartbeatResponseDto | undefined> {
  const res = await http.get<HeartbeatResponseDto>(`/system/heartbeats/${id}`);
  return res.body.processedAt === null ? undefined : res.body;
}

describe('queue: API enqueues, worker consumes', () => {
  describe('role all', () => {
    let t: TestApp;
    let http: HttpClient;
    beforeAll(async () => {
      t = await createTestApp({ role: AppRole.All });
      http = await adminClient(t);
    });
    afterAll(async () => {
      await t.close();
    });

    it('a heartbeat job is processed by the worker and written to the database', async () => {
      const created = await http.post<HeartbeatResponseDto>('/system/heartbeats', { source: 'e2e' });
      expect(created.status).toBe(201);
      expect(created.body.processedAt).toBeNull();
      const done = await eventually(() => processedHeartbeat(http, created.body.id));
      expect(new Date(done.processedAt ?? 0).getTime()).toBeGreaterThanOrEqual(new Date(done.requestedAt).getTime());
    });

    it('the worker schedules every recurring job once, at its period', async () => {
      const schedulers = await Promise.all(
        Object.values(QueueName).map((name) => t.app.get<Queue>(getQueueToken(name)).getJobSchedulers()),
      );
      const scheduled = schedulers.flat().map((s) => [s.key, Number(s.every)]);
      expect(scheduled.sort()).toEqual(RECURRING_JOBS.map(([name, everyMs]) => [name, everyMs]).sort());
    });

    it('an unknown heartbeat is 404 with the error body', async () => {
      const res = await http.get<{ code: string }>('/system/heartbeats/6c1f0d0e-3b1a-4c1e-9a57-2f0d0c7b9e11');
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    });
  });

  describe('separate API and worker processes', () => {
    let t: TestApp;
    let http: HttpClient;
    beforeAll(async () => {
      t = await createTestApp({ role: AppRole.Api });
      http = await adminClient(t);
    });
    afterAll(async () => {
      await t.close();
    });

    it('the API alone only enqueues; a worker started later consumes the job exactly once', async () => {
      const created = await http.post<HeartbeatResponseDto>('/system/heartbeats', { source: 'api-only' });
      expect(created.status).toBe(201);
      await new Promise((resolve) => setTimeout(resolve, 750));
      expect(await processedHeartbeat(http, created.body.id)).toBeUndefined();

      await t.startWorker();
      await eventually(() => processedHeartbeat(http, created.body.id));
      const [row] = await t.app
        .get(DataSource)
        .query<{ processed_count: number }[]>('SELECT processed_count FROM system_heartbeat WHERE id = $1', [
          created.body.id,
        ]);
      expect(row?.processed_count).toBe(1);
    });
  });
});
