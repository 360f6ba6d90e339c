import type { JobsOptions } from 'bullmq';

/** Retries of a background export; each attempt starts again from the first row. */
const EXPORT_ATTEMPTS = 3;

/**
 * One job id per export, so enqueueing twice adds one job. The sweep passes its round: BullMQ keeps failed jobs
 * and ignores an add whose id exists, so with the plain id an export whose job failed for good (the database away
 * for all its attempts) would stay queued forever.
 */
export function exportJobOptions(exportId: string, sweepRound?: number): JobsOptions {
  const suffix = sweepRound === undefined ? '' : `-sweep-${String(sweepRound)}`;
  return { jobId: `export-${exportId}${suffix}`, attempts: EXPORT_ATTEMPTS };
}
