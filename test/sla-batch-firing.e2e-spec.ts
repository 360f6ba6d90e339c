import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { AppRole } from 'src/config/app-config';
import { JobName, QueueName } from 'src/queue/queue.constants';
import { QueueService } from 'src/queue/queue.service';
import { createIdentityFixture, IdentityFixture } from 'test/helpers/identity-fixture';
import { validCaseBody } from 'test/helpers/intake-payloads';
import { createTestApp, eventually, TestApp } from 'test/helpers/test-app';
import { DataSource } from 'typeorm';

const CASES = 24;

interface Clock {
  id: string;
  case_id: string;
  deadline_version: number;
}

describe('clocks due at the same instant are breached in batches', () => {
  let t: TestApp;
  let fx: IdentityFixture;
  let db: DataSource;

  beforeAll(async () => {
    // No worker yet: the clocks are set up before anything can fire them.
    t = await createTestApp({ role: AppRole.Api });
    db = t.app.get(DataSource);
    fx = await createIdentityFixture(t);
  });

  afterAll(async () => {
    await t.close();
  });

  it('each is breached once, with one event and the right notifications, by fewer transactions than clocks', async () => {
    const operator = t.http.withToken(await fx.token('operator_a'));
    const caseIds: string[] = [];
    for (let i = 0; i < CASES; i++) {
      caseIds.push((await operator.post<{ id: string }>('/cases', validCaseBody())).body.id);
    }
    // Half stay with the district (its dispatcher, and the city's above it); half go to a street union with no
    // dispatchers of its own (the district's dispatcher only), every other one of those assigned to its mediator.
    const street = caseIds.filter((_, i) => i % 2 === 1);
    const assigned = street.filter((_, i) => i % 2 === 0);
    await db.query('UPDATE "case" SET org_unit_id = $2, owner_path = $3 WHERE id = ANY($1::uuid[])', [
      street,
      fx.units.streetA1.id,
      fx.units.streetA1.path,
    ]);
    await db.query('UPDATE "case" SET assignee_id = $2 WHERE id = ANY($1::uuid[])', [
      assigned,
      fx.userId('mediator_a1'),
    ]);
    // One clock per case, all due at the same instant a few seconds ahead, warning already sent.
    const clocks = await db.query<Clock[]>(
      `INSERT INTO case_timer (case_id, timer, ref, state, policy_code, policy_version, limit_ms, mode, warn_fraction,
                               started_at, warn_at, due_at, warned_at)
       SELECT c, 'instalment', 'batch', 'running', 'test', 1, 10000, 'natural', 0.5,
              now() - interval '5 seconds', now() - interval '1 second', date_trunc('second', now()) + interval '5 seconds',
              now() - interval '1 second'
         FROM unnest($1::uuid[]) AS c
       RETURNING id, case_id, deadline_version`,
      [caseIds],
    );
    expect(clocks).toHaveLength(CASES);

    await t.startWorker();
    await eventually(async () => {
      const [row] = await db.query<{ n: number }[]>(
        "SELECT count(*)::int AS n FROM case_timer WHERE ref = 'batch' AND state = 'breached' AND breached_at = due_at",
      );
      return row?.n === CASES ? true : undefined;
    }, 20000);

    // One breach event per case; written by far fewer transactions than there are clocks.
    const events = await db.query<{ case_id: string; tx: string; timer: string }[]>(
      "SELECT case_id, xmin::text AS tx, data->>'timer' AS timer FROM case_event WHERE type = 'sla_breached'",
    );
    expect(events.map((e) => e.case_id).sort()).toEqual([...caseIds].sort());
    expect(events.every((e) => e.timer === 'instalment')).toBe(true);
    const transactions = new Set(events.map((e) => e.tx)).size;
    expect(transactions).toBeLessThan(CASES / 2);

    // Notified: the assignee, the unit's dispatchers and the parent unit's dispatchers, once each.
    const expected = (caseId: string) =>
      street.includes(caseId)
        ? [fx.userId('dispatcher_a'), ...(assigned.includes(caseId) ? [fx.userId('mediator_a1')] : [])]
        : [fx.userId('dispatcher_a'), fx.userId('dispatcher_city')];
    const notified = await db.query<{ case_id: string; user_id: string; title: string }[]>(
      "SELECT case_id, user_id, title FROM notification WHERE type = 'sla_breached'",
    );
    for (const caseId of caseIds) {
      const mine = notified.filter((n) => n.case_id === caseId);
      expect(mine.map((n) => n.user_id).sort()).toEqual(expected(caseId).sort());
      expect(mine.every((n) => /^案件 \S+ 的分期付款时限已超期$/.test(n.title))).toBe(true);
    }
    // Each delivered to the provider once.
    await eventually(async () => {
      const [row] = await db.query<{ pending: number; total: number; once: number }[]>(
        `SELECT count(*) FILTER (WHERE o.delivered_at IS NULL)::int AS pending, count(*)::int AS total,
                count(*) FILTER (WHERE o.attempts = 1)::int AS once
           FROM notification_outbox o JOIN notification n ON n.id = o.notification_id WHERE n.type = 'sla_breached'`,
      );
      return row?.pending === 0 ? row : undefined;
    }, 15000).then((row) => {
      expect(row).toEqual({ pending: 0, total: notified.length, once: notified.length });
    });

    // A stale due job (its clock already breached) and a warning job of an old deadline version do nothing.
    const before = await db.query<unknown[]>('SELECT * FROM case_timer WHERE ref = $1 ORDER BY id', ['batch']);
    const counts = async () =>
      db.query<{ events: number; notifications: number }[]>(
        `SELECT (SELECT count(*)::int FROM case_event WHERE type IN ('sla_breached', 'sla_warning')) AS events,
                (SELECT count(*)::int FROM notification) AS notifications`,
      );
    const countsBefore = await counts();
    const clock = clocks[0];
    if (!clock) throw new Error('no clock');
    const data = { timerId: clock.id, deadlineVersion: clock.deadline_version };
    const queue = t.app.get<Queue>(getQueueToken(QueueName.Timers));
    const jobs = t.app.get(QueueService);
    await jobs.enqueue(JobName.TimerDue, data, { jobId: 'stale-due' });
    await jobs.enqueue(JobName.TimerWarn, { ...data, deadlineVersion: 0 }, { jobId: 'stale-warn' });
    for (const jobId of ['stale-due', 'stale-warn']) {
      await eventually(async () => ((await queue.getJobState(jobId)) === 'completed' ? true : undefined), 10000);
    }
    expect(await db.query('SELECT * FROM case_timer WHERE ref = $1 ORDER BY id', ['batch'])).toEqual(before);
    expect(await counts()).toEqual(countsBefore);
  });
});
