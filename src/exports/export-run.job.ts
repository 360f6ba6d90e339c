import { Clock } from 'src/common/util/clock';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { FileStorage } from 'src/attachments/file-storage';
import { UnitScope } from 'src/auth/principal';
import { DomainError } from 'src/common/errors/domain.error';
import { APP_CONFIG, AppConfig } from 'src/config/app-config';
import { BreakdownExportQuery, BreakdownExportSource } from 'src/exports/breakdown-export.source';
import { CaseExportSource } from 'src/exports/case-export.source';
import { ExportJobEntity, ExportKind } from 'src/exports/export-job.entity';
import { ExportJobRepository } from 'src/exports/export-job.repository';
import { exportJobOptions } from 'src/exports/export-queue';
import { ExportTable, renderTable } from 'src/exports/export-table';
import { JobContext, OnJob } from 'src/queue/on-job.decorator';
import { EXPORT_SWEEP_EVERY_MS, JobDataMap, JobName } from 'src/queue/queue.constants';
import { QueueService } from 'src/queue/queue.service';

/** A queued export older than this has lost its job (Redis away at commit, or flushed). */
const LOST_AFTER_SECONDS = 120;
const SWEEP_BATCH = 100;

/** The scope recorded when the export was asked for, never the owner's unit now (the request was authorised then). */
function ownerScope(row: ExportJobEntity): UnitScope {
  return { unitId: row.unitId, unitPath: row.unitPath };
}

/** Writes background exports (worker processes). */
@Injectable()
export class ExportRunJob {
  private readonly logger = new Logger(ExportRunJob.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: ExportJobRepository,
    private readonly cases: CaseExportSource,
    private readonly breakdowns: BreakdownExportSource,
    private readonly storage: FileStorage,
    private readonly queue: QueueService,
    private readonly clock: Clock,
  ) {}

  /**
   * Idempotent: a finished (or failed) export is left alone; a crashed one starts again from the first row and
   * replaces the file under the same key, so a half-written file is never offered.
   */
  @OnJob(JobName.ExportRun)
  async run(data: JobDataMap[JobName.ExportRun], context: JobContext): Promise<void> {
    const row = await this.jobs.claim(data.exportId);
    if (!row) return;
    await context.updateProgress(0);
    try {
      const table = await this.build(row, context);
      let rowCount = 0;
      const counted = (async function* () {
        for await (const values of table.rows) {
          rowCount++;
          yield values;
        }
      })();
      const fileKey = `exports/${row.id}.${row.format}`;
      const stored = await this.storage.put(fileKey, renderTable(row.format, { ...table, rows: counted }));
      const expiresAt = new Date(this.clock.now().getTime() + this.config.exports.ttlHours * 3600 * 1000);
      await this.jobs.finish(row.id, { fileKey, rowCount, sizeBytes: stored.sizeBytes, expiresAt });
      await context.updateProgress(100);
    } catch (error) {
      // A domain error (the unit gone from the recorded scope, say) would fail again: no retry.
      const permanent = error instanceof DomainError;
      const final = permanent || context.attempt >= context.maxAttempts;
      const reason = permanent
        ? error.message
        : `The export could not be written${final ? '' : '; it is being retried'}.`;
      await this.jobs.recordFailure(row.id, reason, final);
      // The error may quote SQL parameters (filter values): the log gets its class only.
      this.logger.warn(`export ${row.id} attempt ${String(context.attempt)} failed: ${errorName(error)}`);
      if (!permanent) throw error;
    }
  }

  /**
   * Re-enqueues exports still queued long after they were asked for (their job lost, or failed for good), one job
   * per export and sweep round; a job merely slow to start then meets a claimed row and does nothing. Removes the
   * files of expired exports.
   */
  @OnJob(JobName.ExportSweep)
  async sweep(): Promise<void> {
    const round = Math.floor(this.clock.now().getTime() / EXPORT_SWEEP_EVERY_MS);
    for (const id of await this.jobs.staleQueued(LOST_AFTER_SECONDS, SWEEP_BATCH)) {
      await this.queue.enqueue(JobName.ExportRun, { exportId: id }, exportJobOptions(id, round));
    }
    for (const { id, fileKey } of await this.jobs.expired(SWEEP_BATCH)) {
      await this.storage.remove(fileKey);
      await this.jobs.markExpired(id);
    }
  }

  /** The table for the row; a case list reports progress (row and job) at every whole percent. */
  private async build(row: ExportJobEntity, context: JobContext): Promise<ExportTable> {
    const within = ownerScope(row);
    if (row.kind === ExportKind.Breakdown) {
      const query = row.filters as unknown as BreakdownExportQuery;
      return (await this.breakdowns.table(within, query, row.createdAt)).table;
    }
    const criteria = await this.cases.criteria(within, row.filters);
    const total = await this.cases.countAtMost(criteria, this.config.exports.maxRows);
    let reported = 0;
    return this.cases.table(criteria, async (rowsSoFar) => {
      // 100 only once the file is stored.
      const percent = total === 0 ? 99 : Math.min(99, Math.floor((rowsSoFar * 100) / total));
      if (percent <= reported) return;
      reported = percent;
      await this.jobs.setProgress(row.id, percent);
      await context.updateProgress(percent);
    });
  }
}

function errorName(error: unknown): string {
  return error instanceof Error ? `${error.name}${'code' in error ? ` ${String(error.code)}` : ''}` : typeof error;
}
