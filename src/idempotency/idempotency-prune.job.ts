import { Injectable, Logger } from '@nestjs/common';
import { IdempotencyRepository } from 'src/idempotency/idempotency.repository';
import { OnJob } from 'src/queue/on-job.decorator';
import { JobName } from 'src/queue/queue.constants';
import { Clock } from 'src/common/util/clock';

/** A client retries within minutes; a week later the same key is a new request, and the record is only weight. */
export const IDEMPOTENCY_RETENTION_MS = 7 * 24 * 3600 * 1000;
const BATCH = 5000;

/** Keeps idempotency_key from growing forever: hourly, in batches, so a backlog never holds long locks. */
@Injectable()
export class IdempotencyPruneJob {
  private readonly logger = new Logger(IdempotencyPruneJob.name);

  constructor(
    private readonly keys: IdempotencyRepository,
    private readonly clock: Clock,
  ) {}

  @OnJob(JobName.IdempotencyPrune)
  async prune(): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - IDEMPOTENCY_RETENTION_MS);
    let pruned = 0;
    for (;;) {
      const deleted = await this.keys.deleteCreatedBefore(cutoff, BATCH);
      pruned += deleted;
      if (deleted < BATCH) break;
    }
    if (pruned > 0) this.logger.log(`pruned ${String(pruned)} idempotency key(s) older than 7 days`);
    return pruned;
  }
}
