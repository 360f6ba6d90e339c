import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Role } from 'src/auth/role';
import { CaseEventType } from 'src/cases/case-event.entity';
import { CaseEventRepository } from 'src/cases/case-event.repository';
import { DbContext } from 'src/database/db-context';
import { NotificationService } from 'src/notifications/notification.service';
import { OnJob } from 'src/queue/on-job.decorator';
import { JobDataMap, JobName } from 'src/queue/queue.constants';
import { QueueService } from 'src/queue/queue.service';
import { CaseTimerRepository, FiredTimer } from 'src/sla/case-timer.repository';
import { TIMER_LABEL } from 'src/sla/sla.types';
import { TimerScheduler } from 'src/sla/timer-scheduler';

const RECONCILE_EVERY_MS = 60 * 1000;
const BATCH = 500;

/**
 * The firing side of SLA clocks (worker processes). Every handler re-reads the clock and acts through a
 * conditional UPDATE, so a stale, duplicated or re-armed job does nothing and a warning or breach is recorded once.
 */
@Injectable()
export class TimerJobs implements OnApplicationBootstrap {
  private readonly logger = new Logger(TimerJobs.name);

  constructor(
    private readonly db: DbContext,
    private readonly timers: CaseTimerRepository,
    private readonly events: CaseEventRepository,
    private readonly notifications: NotificationService,
    private readonly scheduler: TimerScheduler,
    private readonly queue: QueueService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.schedule(JobName.TimerReconcile, RECONCILE_EVERY_MS);
    await this.reconcile();
  }

  @OnJob(JobName.TimerWarn)
  async warn(data: JobDataMap[JobName.TimerWarn]): Promise<void> {
    await this.db.transaction(async () => {
      const fired = await this.timers.fireWarning(data.timerId, data.deadlineVersion);
      if (fired) await this.record(fired, 'warning');
    });
  }

  @OnJob(JobName.TimerDue)
  async due(data: JobDataMap[JobName.TimerDue]): Promise<void> {
    await this.db.transaction(async () => {
      const fired = await this.timers.fireBreach(data.timerId);
      if (fired) await this.record(fired, 'breach');
    });
  }

  /**
   * Fires what is overdue (jobs lost with Redis, or never armed) in locked batches — concurrent reconcilers skip
   * each other's rows — then re-arms the jobs of every running clock (deterministic ids make that idempotent).
   */
  @OnJob(JobName.TimerReconcile)
  async reconcile(): Promise<void> {
    let fired = 0;
    for (;;) {
      const batch = await this.db.transaction(async () => {
        const overdue = await this.timers.lockOverdue(BATCH);
        for (const timer of overdue) {
          const warning = await this.timers.fireWarning(timer.id, timer.deadlineVersion);
          if (warning) await this.record(warning, 'warning');
          const breach = await this.timers.fireBreach(timer.id);
          if (breach) await this.record(breach, 'breach');
        }
        return overdue.length;
      });
      fired += batch;
      if (batch < BATCH) break;
    }
    let armed = 0;
    let after: { dueAt: Date; id: string } | undefined;
    for (;;) {
      const page = await this.timers.runningPage(after, BATCH);
      await this.scheduler.arm(page);
      armed += page.length;
      const last = page.at(-1);
      if (!last || page.length < BATCH) break;
      after = { dueAt: last.dueAt, id: last.id };
    }
    if (fired > 0) this.logger.warn(`reconciler fired ${fired} overdue clock(s)`);
    this.logger.debug(`reconciler re-armed ${armed} clock(s)`);
  }

  /** The case event and the notifications of a warning or breach, in the firing transaction. */
  private async record(fired: FiredTimer, kind: 'warning' | 'breach'): Promise<void> {
    const type = kind === 'warning' ? CaseEventType.SlaWarning : CaseEventType.SlaBreached;
    await this.events.append(fired.caseId, type, null, fired.caseVersion, { timer: fired.timer });
    const recipients = [
      ...(fired.assigneeId === null ? [] : [fired.assigneeId]),
      ...(await this.notifications.usersOfUnit(fired.unitId, [Role.Dispatcher])),
      ...(kind === 'breach' && fired.parentUnitId !== null
        ? await this.notifications.usersOfUnit(fired.parentUnitId, [Role.Dispatcher])
        : []),
    ];
    const label = TIMER_LABEL[fired.timer];
    const title =
      kind === 'warning'
        ? `案件 ${fired.caseNumber} 的${label}时限即将到期`
        : `案件 ${fired.caseNumber} 的${label}时限已超期`;
    await this.notifications.notify(recipients, fired.caseId, type, title);
  }
}
