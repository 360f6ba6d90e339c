import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { AppRole } from 'src/config/app-config';
import { QueueName } from 'src/queue/queue.constants';
import { TimerScheduler } from 'src/sla/timer-scheduler';
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
  });
});
