import type { DefaultJobOptions } from 'bullmq';

export enum QueueName {
  System = 'system',
}

export enum JobName {
  /** Proves the worker is consuming: marks a heartbeat row processed. */
  SystemHeartbeat = 'system.heartbeat',
}

/** Which queue carries each job. A Record, so a new JobName without a queue does not compile. */
export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.SystemHeartbeat]: QueueName.System,
};

/** Job payloads: ids only. Handlers re-read the database, so a payload can never go stale or leak data. */
export interface JobDataMap {
  [JobName.SystemHeartbeat]: { heartbeatId: string };
}

/** Retries with back-off; completed jobs are trimmed, failed ones are kept for inspection. */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 24 * 3600, count: 10000 },
  removeOnFail: false,
};
