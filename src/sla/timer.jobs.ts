import { Clock } from 'src/common/util/clock';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DbContext } from 'src/database/db-context';
import { OnJob } from 'src/queue/on-job.decorator';
import { JobDataMap, JobName } from 'src/queue/queue.constants';
import { CaseTimerRepository } from 'src/sla/case-timer.repository';
import { Firing, SlaAlerts } from 'src/sla/sla-alerts';
import { TimerScheduler } from 'src/sla/timer-scheduler';
import { OwnClock, TimerFiringRepository } from 'src/sla/timer-firing.repository';

const BATCH = 500;
/** Other due clocks a job fires with its own: a backlog drains in batches, one transaction each. */
const JOB_BATCH = 200;

/**
 * The firing side of SLA clocks (worker processes). Every handler re-reads the clock and acts through a
 * conditional UPDATE, so a stale, duplicated or re-armed job does nothing and a warning or breach is recorded once.
 * A job whose clock is still due also fires the other clocks already due (see TimerFiringRepository): their events
 * and notifications are written by a few multi-row statements in one transaction, the same code the reconciler uses.
 */
@Injectable()
export class TimerJobs implements OnApplicationBootstrap {
  private readonly logger = new Logger(TimerJobs.name);

  constructor(
    private readonly db: DbContext,
    private readonly timers: CaseTimerRepository,
    private readonly firing: TimerFiringRepository,
    private readonly alerts: SlaAlerts,
    private readonly scheduler: TimerScheduler,
    private readonly clock: Clock,
  ) {}

  /** Catches up at start with clocks that fell due while no worker ran (WorkerLifecycle schedules the reconciler). */
  async onApplicationBootstrap(): Promise<void> {
    await this.reconcile();
  }

  @OnJob(JobName.TimerWarn)
  async warn(data: JobDataMap[JobName.TimerWarn]): Promise<void> {
    // Most jobs of a backlog find their clock already fired by another job's batch: one read, no transaction.
    if (!(await this.firing.isWarnable(data, this.clock.now()))) return;
    await this.fire('warning', data, JOB_BATCH);
  }

  @OnJob(JobName.TimerDue)
  async due(data: JobDataMap[JobName.TimerDue]): Promise<void> {
    if (!(await this.firing.isDue(data.timerId, this.clock.now()))) return;
    await this.fire('breach', data, JOB_BATCH);
  }

  /**
   * Fires what is overdue (jobs lost with Redis, or never armed) in locked batches — concurrent reconcilers and
   * jobs skip each other's rows — warnings before breaches, then (re-)arms the jobs of every running clock with a
   * deadline within the arming horizon (deterministic ids make that idempotent).
   */
  @OnJob(JobName.TimerReconcile)
  async reconcile(): Promise<void> {
    let fired = 0;
    for (const kind of ['warning', 'breach'] as const) {
      for (;;) {
        const batch = await this.fire(kind, undefined, BATCH);
        fired += batch;
        if (batch < BATCH) break;
      }
    }
    let armed = 0;
    let after: { dueAt: Date; id: string } | undefined;
    const now = this.clock.now().getTime();
    const horizon = this.scheduler.horizon(now);
    for (;;) {
      const page = await this.timers.armablePage(horizon, after, BATCH);
      await this.scheduler.arm(page, now);
      armed += page.length;
      const last = page.at(-1);
      if (!last || page.length < BATCH) break;
      after = { dueAt: last.dueAt, id: last.id };
    }
    if (fired > 0) this.logger.warn(`reconciler fired ${fired} overdue warning(s) and breach(es)`);
    this.logger.debug(`reconciler re-armed ${armed} clock(s)`);
  }

  /**
   * One transaction: claims `own` (if still due) and up to `limit` other due clocks, then records them all.
   * Returns how many fired, so the reconciler knows when it has drained.
   */
  private async fire(kind: Firing, own: OwnClock | undefined, limit: number): Promise<number> {
    return this.db.transaction(async () => {
      // The injected Clock, as commands use: a test moving time moves firing too, and a command and a job agree on
      // whether a clock was already past due.
      const now = this.clock.now();
      const fired =
        kind === 'warning'
          ? await this.firing.claimWarnings(own, limit, now)
          : await this.firing.claimBreaches(own, limit, now);
      await this.alerts.record(fired, kind);
      return fired.length;
    });
  }
}
