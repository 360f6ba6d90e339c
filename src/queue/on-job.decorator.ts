import { SetMetadata } from '@nestjs/common';
import { JobName } from 'src/queue/queue.constants';

export const ON_JOB = Symbol('ON_JOB');

/** Marks a provider method as the handler of one job. Handlers must be idempotent: jobs can run twice. */
export const OnJob = (name: JobName) => SetMetadata(ON_JOB, name);

/** What a handler may learn about, and report on, the job it runs (most ignore it). */
export interface JobContext {
  /** 1 on the first run, 2 on the first retry… */
  attempt: number;
  maxAttempts: number;
  /** Shown on the queue board and readable through the queue API, 0–100. */
  updateProgress(percent: number): Promise<void>;
}

/** For running a handler outside a queue (tests, a reconcile at boot). */
export const DIRECT_RUN: JobContext = { attempt: 1, maxAttempts: 1, updateProgress: () => Promise.resolve() };
