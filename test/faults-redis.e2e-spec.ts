import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { execFileSync } from 'node:child_process';
import { QueueName, RECURRING_JOBS } from 'src/queue/queue.constants';
import { createIdentityFixture, IdentityFixture } from 'test/helpers/identity-fixture';
import { validCaseBody } from 'test/helpers/intake-payloads';
import { PrivateRedis } from 'test/helpers/redis-server';
import { createTestApp, eventually, TestApp } from 'test/helpers/test-app';
import { DataSource } from 'typeorm';

const FIRST_CONTACT_SECONDS = 8;

/** First contact in seconds for category `other`: the clocks run out while the test watches. */
async function addSecondsPolicy(db: DataSource): Promise<void> {
  await db.query(`INSERT INTO sla_policy (code, position, match, timers) VALUES ('test-seconds', -1, $1, $2)`, [
    JSON.stringify({ category: 'other' }),
    JSON.stringify({
      first_contact: { amount: FIRST_CONTACT_SECONDS, unit: 'seconds', mode: 'natural', warnAt: 0.5 },
      resolution: { amount: 3600, unit: 'seconds', mode: 'natural', warnAt: 0.75 },
    }),
  ]);
}

interface ClockRow {
  case_id: string;
  id: string;
  state: string;
  due_at: Date;
}

/**
 * Faults injected into a real Redis while a worker runs (role `all`: API and worker in this process), as an
 * operator would meet them: the data wiped under a running worker, and the server gone during intake.
 */
describe('Redis faults with a running worker', () => {
  let redis: PrivateRedis;
  let t: TestApp;
  let db: DataSource;
  let fx: IdentityFixture;
  let operator: TestApp['http'];

  const schedulerNames = async (): Promise<string[]> => {
    const lists = await Promise.all(
      Object.values(QueueName).map((name) => t.app.get<Queue>(getQueueToken(name)).getJobSchedulers()),
    );
    return lists
      .flat()
      .map((s) => s.key)
      .sort();
  };
  const firstContactClocks = (caseIds: string[]) =>
    db.query<ClockRow[]>(
      `SELECT case_id, id, state, due_at FROM case_timer WHERE case_id = ANY($1) AND timer = 'first_contact'`,
      [caseIds],
    );
  const eventCount = async (caseIds: string[], type: string) =>
    (
      await db.query<{ case_id: string; n: number }[]>(
        'SELECT case_id, count(*)::int AS n FROM case_event WHERE case_id = ANY($1) AND type = $2 GROUP BY case_id',
        [caseIds, type],
      )
    ).map((r) => r.n);

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    t = await createTestApp({ env: { REDIS_URL: redis.url, SCHEDULER_CHECK_SECONDS: '1' } });
    db = t.app.get(DataSource);
    await addSecondsPolicy(db);
    fx = await createIdentityFixture(t);
    operator = t.http.withToken(await fx.token('operator_city'));
  });

  afterAll(async () => {
    await redis.up();
    await t.close();
    await redis.dispose();
  });

  it('after FLUSHALL the running worker re-creates its schedulers and every clock breaches on time, once', async () => {
    const expected = RECURRING_JOBS.map(([name]) => name).sort();
    expect(await schedulerNames()).toEqual(expected);
    const caseIds: string[] = [];
    for (let i = 0; i < 10; i++) {
      const created = await operator.post<{ id: string }>('/cases', { ...validCaseBody(), category: 'other' });
      expect(created.status).toBe(201);
      caseIds.push(created.body.id);
    }
    // The clocks are armed (due within the horizon); then Redis loses everything: jobs and schedulers.
    execFileSync('redis-cli', ['-p', String(redis.port), 'FLUSHALL']);

    const clocks = await eventually(async () => {
      const rows = await firstContactClocks(caseIds);
      return rows.every((r) => r.state === 'breached') ? rows : undefined;
    }, 30000);
    const lastDue = Math.max(...clocks.map((c) => c.due_at.getTime()));
    // On time: the worker noticed within its check period and the re-created reconciler ran at once; waiting for
    // the next reconcile period (60 s) or a worker restart would be far later.
    expect(Date.now() - lastDue).toBeLessThan(10000);
    expect(await schedulerNames()).toEqual(expected);

    // Exactly once each, with the dispatchers told once each, however long we wait.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(await eventCount(caseIds, 'sla_breached')).toEqual(caseIds.map(() => 1));
    expect(await eventCount(caseIds, 'sla_warning')).toEqual(caseIds.map(() => 1));
    const [notified] = await db.query<{ n: number; cases: number }[]>(
      `SELECT count(*)::int AS n, count(DISTINCT case_id)::int AS cases FROM notification
        WHERE case_id = ANY($1) AND user_id = $2 AND type = 'sla_breached'`,
      [caseIds, fx.userId('dispatcher_city')],
    );
    expect(notified).toEqual({ n: caseIds.length, cases: caseIds.length });
  });

  it('with Redis stopped, intake that arms a clock answers 201 at once; the clock is armed when Redis returns', async () => {
    await redis.down();
    const started = Date.now();
    const created = await operator.post<{ id: string }>('/cases', { ...validCaseBody(), category: 'other' });
    const elapsed = Date.now() - started;
    expect(created.status).toBe(201);
    expect(elapsed).toBeLessThan(1000);

    // Back empty (no persistence): the worker re-creates the reconciler, which arms the clock's due job.
    await redis.up();
    const [clock] = await firstContactClocks([created.body.id]);
    const timers = t.app.get<Queue>(getQueueToken(QueueName.Timers));
    const job = await eventually(async () => (await timers.getJob(`timer-${clock!.id}-v1-due`)) ?? undefined, 15000);
    expect(job.data).toEqual({ timerId: clock!.id, deadlineVersion: 1 });
    const breached = await eventually(async () => {
      const [row] = await firstContactClocks([created.body.id]);
      return row?.state === 'breached' ? row : undefined;
    }, 20000);
    expect(breached.due_at.getTime()).toBe(clock!.due_at.getTime());
    expect(await eventCount([created.body.id], 'sla_breached')).toEqual([1]);
  });
});
