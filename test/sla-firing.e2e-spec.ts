import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { execFileSync } from 'node:child_process';
import { AppRole } from 'src/config/app-config';
import { QueueName } from 'src/queue/queue.constants';
import { TimerScheduler } from 'src/sla/timer-scheduler';
import { createIdentityFixture, IdentityFixture } from 'test/helpers/identity-fixture';
import { validCaseBody } from 'test/helpers/intake-payloads';
import { PrivateRedis } from 'test/helpers/redis-server';
import { createTestApp, eventually, TestApp } from 'test/helpers/test-app';
import { DataSource } from 'typeorm';
import type { CaseTimerDto as Timer } from 'src/workflow/workflow-query.dto';

/** A policy in seconds for category `other`, so clocks run out while the test watches. */
async function addSecondsPolicy(db: DataSource): Promise<void> {
  await db.query(`INSERT INTO sla_policy (code, position, match, timers) VALUES ('test-seconds', -1, $1, $2)`, [
    JSON.stringify({ category: 'other' }),
    JSON.stringify({
      first_contact: { amount: 3, unit: 'seconds', mode: 'natural', warnAt: 0.5 },
      resolution: { amount: 600, unit: 'seconds', mode: 'natural', warnAt: 0.75 },
    }),
  ]);
}

const countEvents = async (db: DataSource, caseId: string, type: string) =>
  (
    await db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM case_event WHERE case_id = $1 AND type = $2', [
      caseId,
      type,
    ])
  )[0]?.n;

describe('SLA clocks fire through BullMQ', () => {
  let t: TestApp;
  let fx: IdentityFixture;
  let db: DataSource;

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    await addSecondsPolicy(db);
    fx = await createIdentityFixture(t);
  });

  afterAll(async () => {
    await t.close();
  });

  it('a first-contact clock warns, then breaches: one warning, one breach, and the dispatchers are told', async () => {
    const operator = t.http.withToken(await fx.token('operator_city'));
    const created = await operator.post<{ id: string }>('/cases', { ...validCaseBody(), category: 'other' });
    expect({ status: created.status, body: created.body }).toMatchObject({ status: 201 });
    const id = created.body.id;
    await eventually(async () => ((await countEvents(db, id, 'sla_breached')) === 1 ? true : undefined), 15000);
    expect(await countEvents(db, id, 'sla_warning')).toBe(1);
    const [timer] = await db.query<{ state: string; warned_at: Date | null; breached_at: Date; due_at: Date }[]>(
      "SELECT state, warned_at, breached_at, due_at FROM case_timer WHERE case_id = $1 AND timer = 'first_contact'",
      [id],
    );
    expect(timer?.state).toBe('breached');
    expect(timer?.breached_at.getTime()).toBe(timer?.due_at.getTime());
    const notified = await db.query<{ type: string }[]>(
      'SELECT type FROM notification WHERE case_id = $1 AND user_id = $2 ORDER BY created_at',
      [id, fx.userId('dispatcher_city')],
    );
    expect(notified.map((n) => n.type)).toEqual(['sla_warning', 'sla_breached']);
    // Nothing fires twice, however long we wait.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await countEvents(db, id, 'sla_breached')).toBe(1);
  });

  it('a contact recorded before the due time stops the clock with no breach', async () => {
    const operator = t.http.withToken(await fx.token('operator_city'));
    const dispatcher = t.http.withToken(await fx.token('dispatcher_city'));
    const id = (await operator.post<{ id: string }>('/cases', { ...validCaseBody(), category: 'other' })).body.id;
    await operator.post(`/cases/${id}/classify`, {
      kind: 'labour_dispute',
      category: 'other',
      priority: 'normal',
      version: 1,
    });
    await dispatcher.post(`/cases/${id}/dispatch`, { orgUnitId: fx.units.streetA1.id, version: 2 });
    const contact = await operator.post(`/cases/${id}/record-contact`, { with: 'worker', method: 'phone', version: 3 });
    expect(contact.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 4000));
    const [timer] = await db.query<{ state: string }[]>(
      "SELECT state FROM case_timer WHERE case_id = $1 AND timer = 'first_contact'",
      [id],
    );
    expect(timer?.state).toBe('met');
    expect(await countEvents(db, id, 'sla_breached')).toBe(0);
  });
});

describe('no lost timer: Redis flushed, two workers reconcile', () => {
  let redis: PrivateRedis;
  let t: TestApp;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    t = await createTestApp({ role: AppRole.Api, env: { REDIS_URL: redis.url } });
  });

  afterAll(async () => {
    await t.close();
    await redis.dispose();
  });

  it('after FLUSHALL every overdue clock fires once, every future one gets its jobs back, none fires twice', async () => {
    const db = t.app.get(DataSource);
    const fx = await createIdentityFixture(t);
    const operator = t.http.withToken(await fx.token('operator_a'));
    // Owned by a union with no dispatchers above it, so 2,000 firings do not also send notifications.
    const caseId = (
      await operator.post<{ id: string }>('/cases', { ...validCaseBody(), orgUnitId: fx.units.streetA2.id })
    ).body.id;
    await db.query('UPDATE "case" SET org_unit_id = $2, owner_path = $3 WHERE id = $1', [
      caseId,
      fx.units.streetB1.id,
      fx.units.streetB1.path,
    ]);
    const total = 1000;
    const rows = await db.query<{ id: string; deadline_version: number; warn_at: Date; due_at: Date }[]>(
      `INSERT INTO case_timer (case_id, timer, ref, state, policy_code, policy_version, limit_ms, mode, warn_fraction,
                               started_at, warn_at, due_at)
       SELECT $1, 'instalment', 'r' || i, 'running', 'test', 1, 10000, 'natural', 0.5,
              now() - interval '10 seconds',
              now() + (CASE WHEN i <= 300 THEN -5 ELSE (i % 5) + 1 END) * interval '1 second' - interval '500 milliseconds',
              now() + (CASE WHEN i <= 300 THEN -2 ELSE (i % 5) + 2 END) * interval '1 second'
         FROM generate_series(1, $2) AS i
       RETURNING id, deadline_version, warn_at, due_at`,
      [caseId, total],
    );
    await t.app.get(TimerScheduler).arm(
      rows.map((r) => ({
        id: r.id,
        deadlineVersion: r.deadline_version,
        warnAt: r.warn_at,
        dueAt: r.due_at,
        warned: false,
      })),
    );
    execFileSync('redis-cli', ['-p', String(redis.port), 'FLUSHALL']);

    await Promise.all([t.startWorker(), t.startWorker()]);
    await eventually(async () => {
      const [row] = await db.query<{ n: number }[]>(
        "SELECT count(*)::int AS n FROM case_timer WHERE case_id = $1 AND state = 'breached'",
        [caseId],
      );
      return row?.n === total ? true : undefined;
    }, 30000);
    const events = await db.query<{ type: string; n: number }[]>(
      "SELECT type, count(*)::int AS n FROM case_event WHERE case_id = $1 AND type IN ('sla_warning', 'sla_breached') GROUP BY type ORDER BY type",
      [caseId],
    );
    expect(events).toEqual([
      { type: 'sla_breached', n: total },
      { type: 'sla_warning', n: total },
    ]);
  });
});

describe('pausing a clock', () => {
  let t: TestApp;
  let fx: IdentityFixture;

  beforeAll(async () => {
    // An hour's horizon: the 10-minute resolution clock is re-armed at resume, not left to the reconciler.
    t = await createTestApp({ env: { SLA_ARM_HORIZON_SECONDS: '3600' } });
    await addSecondsPolicy(t.app.get(DataSource));
    fx = await createIdentityFixture(t);
  });

  afterAll(async () => {
    await t.close();
  });

  it('pause for N seconds then resume moves the due time by N seconds; breaches are listed in scope', async () => {
    const db = t.app.get(DataSource);
    const operator = t.http.withToken(await fx.token('operator_city'));
    const dispatcher = t.http.withToken(await fx.token('dispatcher_city'));
    const id = (await operator.post<{ id: string }>('/cases', { ...validCaseBody(), category: 'other' })).body.id;
    const resolution = async () =>
      (await operator.get<Timer[]>(`/cases/${id}/timers`)).body.find((x) => x.timer === 'resolution');
    const before = await resolution();
    const paused = await dispatcher.post<Timer[]>(`/cases/${id}/timers/${before?.id ?? ''}/pause`, {
      reason: '等待证据',
    });
    expect(paused.status).toBe(200);
    expect((await resolution())?.state).toBe('paused');
    expect((await dispatcher.post(`/cases/${id}/timers/${before?.id ?? ''}/pause`, { reason: 'x' })).status).toBe(409);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect((await dispatcher.post(`/cases/${id}/timers/${before?.id ?? ''}/resume`)).status).toBe(200);
    const after = await resolution();
    const [row] = await db.query<{ paused_total_ms: string }[]>(
      'SELECT paused_total_ms FROM case_timer WHERE id = $1',
      [before?.id],
    );
    const pausedMs = Number(row?.paused_total_ms);
    expect(pausedMs).toBeGreaterThanOrEqual(1900);
    expect(Date.parse(after?.dueAt ?? '') - Date.parse(before?.dueAt ?? '')).toBe(pausedMs);
    expect(after?.state).toBe('running');
    // Re-armed at once (pause and resume each bumped the deadline version), not left to the reconciler.
    const queue = t.app.get<Queue>(getQueueToken(QueueName.Timers));
    const job = await eventually(async () => (await queue.getJob(`timer-${before?.id ?? ''}-v3-due`)) ?? undefined);
    expect(job.timestamp + job.delay).toBeGreaterThanOrEqual(Date.parse(after?.dueAt ?? '') - 1000);

    // The first-contact clock (3 s) breaches; it shows in the breaches list for the city, not for another district.
    await eventually(async () => {
      const list = await dispatcher.get<{ items: { caseId: string; timer: string }[] }>(
        '/sla/breaches?timer=first_contact',
      );
      return list.body.items.some((b) => b.caseId === id) ? true : undefined;
    }, 15000);
    const other = t.http.withToken(await fx.token('mediator_b1'));
    expect((await other.get<{ items: unknown[] }>('/sla/breaches')).body.items).toEqual([]);
  });

  it('a clock paused before its due time and stopped after it is met: paused time does not count', async () => {
    const db = t.app.get(DataSource);
    const operator = t.http.withToken(await fx.token('operator_city'));
    const dispatcher = t.http.withToken(await fx.token('dispatcher_city'));
    const id = (await operator.post<{ id: string }>('/cases', { ...validCaseBody(), category: 'other' })).body.id;
    const firstContact = async () =>
      (await operator.get<Timer[]>(`/cases/${id}/timers`)).body.find((x) => x.timer === 'first_contact');
    const clock = await firstContact();
    expect(
      (await dispatcher.post(`/cases/${id}/timers/${clock?.id ?? ''}/pause`, { reason: '等待职工补充材料' })).status,
    ).toBe(200);
    // Past the 3-second due time it had before the pause.
    await new Promise((resolve) => setTimeout(resolve, Date.parse(clock?.dueAt ?? '') - Date.now() + 1000));
    const version = async () => (await operator.get<{ version: number }>(`/cases/${id}`)).body.version;
    await operator.post(`/cases/${id}/classify`, {
      kind: 'labour_dispute',
      category: 'other',
      priority: 'normal',
      version: await version(),
    });
    await dispatcher.post(`/cases/${id}/dispatch`, { orgUnitId: fx.units.streetA1.id, version: await version() });
    const contact = await operator.post(`/cases/${id}/record-contact`, {
      with: 'worker',
      method: 'phone',
      version: await version(),
    });
    expect(contact.status).toBe(200);

    const stopped = await firstContact();
    expect(stopped).toMatchObject({ state: 'met', breachedAt: null });
    expect(await countEvents(db, id, 'sla_breached')).toBe(0);
  });
});
