import { Injectable, Logger } from '@nestjs/common';
import { OnJob } from 'src/queue/on-job.decorator';
import { JobName } from 'src/queue/queue.constants';
import { ReportRepository } from 'src/reports/report.repository';

const BATCH = 20000;
/** One run stops after this many batches so a backlog never holds the worker for long; the next run goes on. */
const MAX_BATCHES = 50;

/**
 * Folds report deltas into the cubes. Readers already add pending deltas, so this only keeps their number small;
 * the database function takes an advisory lock, so concurrent runs on several workers are harmless.
 */
@Injectable()
export class ReportRollupJob {
  private readonly logger = new Logger(ReportRollupJob.name);

  constructor(private readonly reports: ReportRepository) {}

  @OnJob(JobName.ReportRollup)
  async rollup(): Promise<void> {
    let folded = 0;
    for (let i = 0; i < MAX_BATCHES; i++) {
      const moved = await this.reports.rollup(BATCH);
      folded += moved;
      if (moved < BATCH) break;
    }
    if (folded > 0) this.logger.debug(`folded ${String(folded)} report delta(s)`);
  }
}
