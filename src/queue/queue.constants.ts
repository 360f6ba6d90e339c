import type { DefaultJobOptions } from 'bullmq';

export enum QueueName {
  System = 'system',
  Notifications = 'notifications',
  Timers = 'timers',
  Reports = 'reports',
}

export enum JobName {
  /** Proves the worker is consuming: marks a heartbeat row processed. */
  SystemHeartbeat = 'system.heartbeat',
  /** Deletes Idempotency-Key records past their retention, in batches. */
  IdempotencyPrune = 'idempotency.prune',
  /** Sends outbox rows through the notification provider, at most once per row. */
  NotificationDeliver = 'notification.deliver',
  /** Re-enqueues outbox rows whose delivery job was lost (Redis down at commit, or flushed). */
  NotificationSweep = 'notification.sweep',
  /** Fires a clock's warning if it is still running at its warning time (deadline version must match). */
  TimerWarn = 'timer.warn',
  /** Records a clock's breach if it is still running at its due time. */
  TimerDue = 'timer.due',
  /** Fires overdue clocks whose jobs were lost and re-arms jobs for the others. */
  TimerReconcile = 'timer.reconcile',
  /** Folds pending report deltas into the day and month aggregates. */
  ReportRollup = 'report.rollup',
  /** Writes one requested export file (a case list or a breakdown) and records its progress. */
  ExportRun = 'export.run',
  /** Re-enqueues exports whose job was lost and removes the files of expired ones. */
  ExportSweep = 'export.sweep',
}

/** Which queue carries each job. A Record, so a new JobName without a queue does not compile. */
export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.SystemHeartbeat]: QueueName.System,
  [JobName.IdempotencyPrune]: QueueName.System,
  [JobName.NotificationDeliver]: QueueName.Notifications,
  [JobName.NotificationSweep]: QueueName.Notifications,
  [JobName.TimerWarn]: QueueName.Timers,
  [JobName.TimerDue]: QueueName.Timers,
  [JobName.TimerReconcile]: QueueName.Timers,
  [JobName.ReportRollup]: QueueName.Reports,
  [JobName.ExportRun]: QueueName.Reports,
  [JobName.ExportSweep]: QueueName.Reports,
};

/** How often lost notification deliveries are swept up; the sweep also names its jobs by this round. */
export const NOTIFICATION_SWEEP_EVERY_MS = 60 * 1000;
/** The same for background exports. */
export const EXPORT_SWEEP_EVERY_MS = 5 * 60 * 1000;

/**
 * The recurring jobs and how often each runs (ms). WorkerLifecycle schedules them (BullMQ job schedulers, one per
 * name however many workers) once it has checked that every job has a handler.
 */
export const RECURRING_JOBS: readonly (readonly [JobName, number])[] = [
  [JobName.TimerReconcile, 60 * 1000],
  [JobName.NotificationSweep, NOTIFICATION_SWEEP_EVERY_MS],
  [JobName.ReportRollup, 10 * 1000],
  [JobName.ExportSweep, EXPORT_SWEEP_EVERY_MS],
  [JobName.IdempotencyPrune, 3600 * 1000],
];

/** Job payloads: ids (or lists of ids) only. Handlers re-read the database, so a payload can never go stale or leak data. */
export interface JobDataMap {
  [JobName.SystemHeartbeat]: { heartbeatId: string };
  [JobName.IdempotencyPrune]: Record<string, never>;
  [JobName.NotificationDeliver]: { outboxIds: string[] };
  [JobName.NotificationSweep]: Record<string, never>;
  [JobName.TimerWarn]: { timerId: string; deadlineVersion: number };
  [JobName.TimerDue]: { timerId: string; deadlineVersion: number };
  [JobName.TimerReconcile]: Record<string, never>;
  [JobName.ReportRollup]: Record<string, never>;
  [JobName.ExportRun]: { exportId: string };
  [JobName.ExportSweep]: Record<string, never>;
}

/** Retries with back-off; completed jobs are trimmed, failed ones are kept for inspection. */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 24 * 3600, count: 10000 },
  removeOnFail: false,
};
