import { Injectable } from '@nestjs/common';
import { DbContext } from 'src/database/db-context';
import { ExportJobEntity, ExportState } from 'src/exports/export-job.entity';

export type NewExportJob = Pick<
  ExportJobEntity,
  'ownerId' | 'unitId' | 'unitPath' | 'kind' | 'format' | 'filters' | 'fileName'
>;

export interface FinishedExport {
  fileKey: string;
  rowCount: number;
  sizeBytes: number;
  expiresAt: Date;
}

/** Export rows; every read for a caller is by owner (someone else's export does not exist for them). */
@Injectable()
export class ExportJobRepository {
  constructor(private readonly db: DbContext) {}

  private get repo() {
    return this.db.manager.getRepository(ExportJobEntity);
  }

  async insert(job: NewExportJob): Promise<ExportJobEntity> {
    return this.repo.save(this.repo.create({ ...job, state: ExportState.Queued, progress: 0 }));
  }

  async findOwned(id: string, ownerId: string): Promise<ExportJobEntity | null> {
    return this.repo.findOneBy({ id, ownerId });
  }

  /** The owner's exports, newest first, after a keyset position. */
  async listOwned(ownerId: string, limit: number, after?: { createdAt: Date; id: string }): Promise<ExportJobEntity[]> {
    const query = this.repo
      .createQueryBuilder('x')
      .where('x.owner_id = :ownerId', { ownerId })
      .orderBy('x.created_at', 'DESC')
      .addOrderBy('x.id', 'DESC')
      .limit(limit);
    if (after)
      query.andWhere('(x.created_at, x.id) < (:afterAt, :afterId)', { afterAt: after.createdAt, afterId: after.id });
    return query.getMany();
  }

  /**
   * Starts (or restarts, after a crash) a queued or running export: progress back to 0. Null when it is finished
   * one way or another, so a duplicated or late job does nothing.
   */
  async claim(id: string): Promise<ExportJobEntity | null> {
    const result = await this.repo
      .createQueryBuilder()
      .update()
      .set({ state: ExportState.Running, progress: 0, startedAt: () => 'now()', attempts: () => 'attempts + 1' })
      .where('id = :id AND state IN (:...states)', { id, states: [ExportState.Queued, ExportState.Running] })
      .execute();
    return (result.affected ?? 0) === 1 ? this.repo.findOneBy({ id }) : null;
  }

  async setProgress(id: string, progress: number): Promise<void> {
    await this.repo.update({ id, state: ExportState.Running }, { progress });
  }

  async finish(id: string, file: FinishedExport): Promise<boolean> {
    const result = await this.repo.update(
      { id, state: ExportState.Running },
      {
        state: ExportState.Done,
        progress: 100,
        fileKey: file.fileKey,
        rowCount: file.rowCount,
        sizeBytes: String(file.sizeBytes),
        error: null,
        finishedAt: () => 'now()',
        expiresAt: file.expiresAt,
      },
    );
    return (result.affected ?? 0) === 1;
  }

  /** Records why an attempt failed; `final` ends the export (no retry will come). */
  async recordFailure(id: string, error: string, final: boolean): Promise<void> {
    await this.repo.update(
      { id, state: ExportState.Running },
      final ? { state: ExportState.Failed, error, finishedAt: () => 'now()' } : { error },
    );
  }

  /** Queued for longer than `olderThanSeconds`: their job was probably lost (Redis away at commit, or flushed). */
  async staleQueued(olderThanSeconds: number, limit: number): Promise<string[]> {
    const rows = await this.db.manager.query<{ id: string }[]>(
      `SELECT id FROM export_job WHERE state = 'queued' AND created_at < now() - make_interval(secs => $1)
        ORDER BY created_at LIMIT $2`,
      [olderThanSeconds, limit],
    );
    return rows.map((row) => row.id);
  }

  /** Finished exports past their expiry, whose files are still kept. */
  async expired(limit: number): Promise<{ id: string; fileKey: string }[]> {
    const rows = await this.db.manager.query<{ id: string; file_key: string }[]>(
      `SELECT id, file_key FROM export_job WHERE state = 'done' AND expires_at < now() ORDER BY expires_at LIMIT $1`,
      [limit],
    );
    return rows.map((row) => ({ id: row.id, fileKey: row.file_key }));
  }

  async markExpired(id: string): Promise<void> {
    await this.repo.update({ id, state: ExportState.Done }, { state: ExportState.Expired, fileKey: null });
  }
}
