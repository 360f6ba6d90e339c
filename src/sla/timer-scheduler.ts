import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from 'src/config/app-config';
import { JobName } from 'src/queue/queue.constants';
import { QueueService } from 'src/queue/queue.service';
import { ArmableTimer } from 'src/sla/case-timer.repository';

/**
 * Arms a clock's BullMQ delayed jobs. Job ids are deterministic (clock id + deadline version + kind), so arming
 * twice — after commit and again from the reconciler — leaves one job each.
 *
 * Only deadlines within the arming horizon get a job: a 21-day resolution clock armed at intake would sit in Redis
 * for weeks (one delayed job per clock and deadline: hundreds of thousands at the federation's scale) and cost every
 * intake four queue writes. The minute reconciler arms the rest as they come within the horizon.
 *
 * BullMQ fires a delayed job at its `timestamp` + `delay`, and `timestamp` defaults to when that job is added. The
 * jobs of a batch are added one after another, so each carries the batch's `now`: without it every job would fire
 * late by the time spent adding the ones before it (seconds for a page of 500 on a busy machine).
 */
@Injectable()
export class TimerScheduler {
  constructor(
    private readonly queue: QueueService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The latest deadline that gets a job now. */
  horizon(now = Date.now()): Date {
    return new Date(now + this.config.sla.armHorizonMs);
  }

  /** The warning and due jobs of the clocks, each kind added in one Redis round trip. */
  async arm(timers: ArmableTimer[], now = Date.now()): Promise<void> {
    const horizon = this.horizon(now).getTime();
    const job = (timer: ArmableTimer, kind: 'warn' | 'due', at: Date) => ({
      data: { timerId: timer.id, deadlineVersion: timer.deadlineVersion },
      options: {
        jobId: `timer-${timer.id}-v${String(timer.deadlineVersion)}-${kind}`,
        timestamp: now,
        delay: Math.max(0, at.getTime() - now),
      },
    });
    await this.queue.enqueueMany(
      JobName.TimerWarn,
      timers.filter((t) => !t.warned && t.warnAt.getTime() <= horizon).map((t) => job(t, 'warn', t.warnAt)),
    );
    await this.queue.enqueueMany(
      JobName.TimerDue,
      timers.filter((t) => t.dueAt.getTime() <= horizon).map((t) => job(t, 'due', t.dueAt)),
    );
  }
}
