import type { JobsOptions } from 'bullmq';

/** Retries of a background export; each attempt starts again from the first row. */
const EXPORT_ATTEMPTS = 3;

/** One job id per export, so re-enqueueing an export whose job the queue still holds adds nothing. */
export function exportJobOptions(exportId: string): JobsOptions {
  return { jobId: `export-${exportId}`, attempts: EXPORT_ATTEMPTS };
}
