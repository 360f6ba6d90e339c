import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { AppRole } from 'src/config/app-config';
import { QueueName } from 'src/queue/queue.constants';
import { TimerJobs } from 'src/sla/timer.jobs';
import { TimerScheduler } from 'src/sla/timer-scheduler';
import { DataSource } from 'typeorm';
import { createIdentityFixture } from 'test/helpers/identity-fixture';
import { validCaseBody } from 'test/helpers/intake-payloads';
import { createTestApp, TestApp } from 'test/helpers/test-app';

/** The instant BullMQ will fire a delayed job: the millisecond part of its score in the delayed set. */
async function firesAt(queue: Queue, jobId: string): Promise<number> {
  const score = await (await queue.client).zscore(queue.keys.delayed ?? '', jobId);
  if (score === null) throw new Error(`${jobId} is not a delayed job`);
  return Math.floor(Number(score) / 0x1000);
}

describe('arming SLA clocks', () => {
  let t: TestApp;

  beforeAll(async () => {
    // API only: nothing consumes the jobs, so they stay delayed for inspection.
    t = await createTestApp({ role: AppRole.Api });
  });

  afterAll(async () => {
    await t.close();
  });

  it('every job of a batch fires at its clock’s time, however long adding the batch took', async () => {
    const queue = t.app.get<Queue>(getQueueToken(QueueName.Timers));
    // As if the batch started being added 5 s ago (a page of 500 on a busy machine): a job's delay counts from
    // when it is added unless it carries the batch's instant.
    const batchStarted = Date.now() - 5000;
    const timers = [0, 1, 2].map((i) => ({
      id: randomUUID(),
      deadlineVersion: 1,
      warnAt: new Date(batchStarted + 60000 + i * 1000),
      dueAt: new Date(batchStarted + 120000 + i * 1000),
      warned: false,
    }));

    await t.app.get(TimerScheduler).arm(timers, batchStarted);

    for (const timer of timers) {
      expect(await firesAt(queue, `timer-${timer.id}-v1-warn`)).toBe(timer.warnAt.getTime());
      expect(await firesAt(queue, `timer-${timer.id}-v1-due`)).toBe(timer.dueAt.getTime());
    }
    // Arming again (the reconciler does, every minute) adds nothing: the job ids are the clocks'.
    await t.app.get(TimerScheduler).arm(timers);
    expect(await (await queue.client).zcard(queue.keys.delayed ?? '')).toBe(6);
  });

  it('a clock due beyond the horizon gets no job at intake; the reconciler arms it once it comes close', async () => {
    const queue = t.app.get<Queue>(getQueueToken(QueueName.Timers));
    const db = t.app.get(DataSource);
    const fx = await createIdentityFixture(t);
    const operator = t.http.withToken(await fx.token('operator_city'));
    const created = await operator.post<{ id: string }>('/cases', validCaseBody());
    expect(created.status).toBe(201);
    const clocks = await db.query<{ id: string; timer: string }[]>(
      "SELECT id, timer FROM case_timer WHERE case_id = $1 AND state = 'running' ORDER BY timer",
      [created.body.id],
    );
    // First contact in 24 hours, resolution in 15 working days, the statutory limitation in a year: all far.
    expect(clocks.map((c) => c.timer)).toEqual(['first_contact', 'resolution', 'limitation']);
    const jobIds = (id: string) => [`timer-${id}-v1-warn`, `timer-${id}-v1-due`];
    for (const clock of clocks) {
      for (const jobId of jobIds(clock.id)) expect(await queue.getJob(jobId)).toBeUndefined();
    }

    // Time passes: the first-contact deadlines come within the horizon.
    const first = clocks[0]?.id ?? '';
    // TypeORM answers UPDATE … RETURNING with [rows, count].
    const [[moved]] = await db.query<[{ warn_at: Date; due_at: Date }[], number]>(
      `UPDATE case_timer SET warn_at = now() + interval '2 minutes', due_at = now() + interval '5 minutes'
        WHERE id = $1 RETURNING warn_at, due_at`,
      [first],
    );
    const worker = await t.startWorker();
    await worker.get(TimerJobs).reconcile();

    expect(await firesAt(queue, `timer-${first}-v1-warn`)).toBe(moved?.warn_at.getTime());
    expect(await firesAt(queue, `timer-${first}-v1-due`)).toBe(moved?.due_at.getTime());
    for (const clock of clocks.slice(1)) {
      for (const jobId of jobIds(clock.id)) expect(await queue.getJob(jobId)).toBeUndefined();
    }
  });
});
