import { Clock } from 'src/common/util/clock';
import { Inject, Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { FileStorage } from 'src/attachments/file-storage';
import { AuditAction, AuditService } from 'src/audit/audit.service';
import { Actor } from 'src/auth/principal';
import { REPORT_ROLES } from 'src/auth/role';
import { CaseListFilters } from 'src/cases/case-query.dto';
import { DomainError, ValidationFailedError } from 'src/common/errors/domain.error';
import { ErrorCode } from 'src/common/errors/error-code';
import { toFieldErrors } from 'src/common/errors/validation';
import { decodeCursor, isIsoInstant, isUuid, keysetPage } from 'src/common/http/cursor';
import { APP_CONFIG, AppConfig } from 'src/config/app-config';
import { DbContext } from 'src/database/db-context';
import { BreakdownExportQuery, BreakdownExportSource } from 'src/exports/breakdown-export.source';
import { CaseExportSource } from 'src/exports/case-export.source';
import { asciiFileName, breakdownFileName, caseListFileName, ExportFile, exportFile } from 'src/exports/export-file';
import { ExportJobEntity, ExportKind } from 'src/exports/export-job.entity';
import { ExportJobRepository } from 'src/exports/export-job.repository';
import { exportJobOptions } from 'src/exports/export-queue';
import { ExportFormat, renderTable } from 'src/exports/export-table';
import {
  BREAKDOWN_FILTERS,
  CASE_FILTERS,
  CreateExportDto,
  ExportBreakdownQueryDto,
  ExportCasesQueryDto,
  ExportDto,
  ExportPageDto,
  ListExportsQueryDto,
  toExportDto,
} from 'src/exports/export.dto';
import { JobName } from 'src/queue/queue.constants';
import { QueueService } from 'src/queue/queue.service';

/** Streamed exports now, background exports on request, and the owner's view of them (docs/exports.md). */
@Injectable()
export class ExportService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: DbContext,
    private readonly jobs: ExportJobRepository,
    private readonly cases: CaseExportSource,
    private readonly breakdowns: BreakdownExportSource,
    private readonly storage: FileStorage,
    private readonly audit: AuditService,
    private readonly queue: QueueService,
    private readonly clock: Clock,
  ) {}

  async breakdownNow(actor: Actor, query: ExportBreakdownQueryDto): Promise<ExportFile> {
    const { format, ...filters } = query;
    const at = this.clock.now();
    const { table, period } = await this.breakdowns.table(actor.principal, filters, at);
    await this.record(actor, ExportKind.Breakdown, format, null, filters);
    const names = {
      fileName: breakdownFileName(format, filters.by, period),
      asciiName: asciiFileName(ExportKind.Breakdown, format, at),
    };
    return exportFile(names, format, renderTable(format, table));
  }

  async casesNow(actor: Actor, query: ExportCasesQueryDto): Promise<ExportFile> {
    const { format, ...filters } = query;
    const criteria = await this.cases.criteria(actor.principal, filters);
    const max = this.config.exports.syncMaxRows;
    await this.cases.assertAtMost(
      criteria,
      max,
      `More than ${String(max)} cases: export them in the background with POST /exports`,
      {
        asyncExport: 'POST /exports',
      },
    );
    const at = this.clock.now();
    await this.record(actor, ExportKind.Cases, format, null, filters);
    const names = { fileName: caseListFileName(format, at), asciiName: asciiFileName(ExportKind.Cases, format, at) };
    return exportFile(names, format, renderTable(format, this.cases.table(criteria)));
  }

  /**
   * Checks everything now (roles, filters, scope, size) so the job can only fail for reasons outside the request,
   * records the caller's scope and a fixed period, and queues the job after commit.
   */
  async create(actor: Actor, dto: CreateExportDto): Promise<ExportDto> {
    const at = this.clock.now();
    let filters: Record<string, unknown>;
    let fileName: string;
    if (dto.kind === ExportKind.Breakdown) {
      if (!actor.principal.roles.some((role) => REPORT_ROLES.includes(role))) {
        throw new DomainError(ErrorCode.Forbidden, `Breakdown exports require one of: ${REPORT_ROLES.join(', ')}`);
      }
      const query = await validFilters<BreakdownExportQuery>(BREAKDOWN_FILTERS, dto.filters);
      const period = await this.breakdowns.resolve(actor.principal, query);
      // A relative period ("this month") is fixed now: the file shows what was asked for, whenever the job runs.
      filters = { ...query, period: undefined, date: undefined, from: period.from, to: period.to };
      fileName = breakdownFileName(dto.format, query.by, period);
    } else {
      const query = await validFilters<CaseListFilters>(CASE_FILTERS, dto.filters);
      const criteria = await this.cases.criteria(actor.principal, query);
      const max = this.config.exports.maxRows;
      await this.cases.assertAtMost(
        criteria,
        max,
        `An export holds at most ${String(max)} cases: narrow the filters`,
        {},
      );
      filters = { ...query };
      fileName = caseListFileName(dto.format, at);
    }
    return this.db.transaction(async () => {
      const row = await this.jobs.insert({
        ownerId: actor.principal.userId,
        unitId: actor.principal.unitId,
        unitPath: actor.principal.unitPath,
        kind: dto.kind,
        format: dto.format,
        filters: JSON.parse(JSON.stringify(filters)) as Record<string, unknown>,
        fileName,
      });
      await this.record(actor, dto.kind, dto.format, row.id, filters);
      await this.db.afterCommit(() => this.enqueue(row.id));
      return toExportDto(row, at);
    });
  }

  private enqueue(exportId: string): Promise<void> {
    return this.queue.enqueue(JobName.ExportRun, { exportId }, exportJobOptions(exportId));
  }

  async get(actor: Actor, id: string): Promise<ExportDto> {
    return toExportDto(await this.owned(actor, id), this.clock.now());
  }

  async list(actor: Actor, query: ListExportsQueryDto): Promise<ExportPageDto> {
    let after: { createdAt: Date; id: string } | undefined;
    if (query.cursor !== undefined) {
      const [at = '', id = ''] = decodeCursor(query.cursor, [isIsoInstant, isUuid]);
      after = { createdAt: new Date(at), id };
    }
    const rows = await this.jobs.listOwned(actor.principal.userId, query.limit + 1, after);
    const now = this.clock.now();
    return keysetPage(
      rows,
      query.limit,
      (x) => toExportDto(x, now),
      (x) => [x.createdAt.toISOString(), x.id],
    );
  }

  async download(actor: Actor, id: string): Promise<ExportFile> {
    const row = await this.owned(actor, id);
    const dto = toExportDto(row, this.clock.now());
    if (dto.downloadUrl === null || row.fileKey === null) {
      throw new DomainError(ErrorCode.Conflict, `Export is ${dto.state}: nothing to download`, { state: dto.state });
    }
    const names = { fileName: row.fileName, asciiName: asciiFileName(row.kind, row.format, row.createdAt) };
    return exportFile(names, row.format, await this.storage.open(row.fileKey), Number(row.sizeBytes));
  }

  /** Only the owner sees an export: anyone else gets 404, as if it did not exist. */
  private async owned(actor: Actor, id: string): Promise<ExportJobEntity> {
    const row = await this.jobs.findOwned(id, actor.principal.userId);
    if (!row) throw new DomainError(ErrorCode.NotFound, 'Export not found');
    return row;
  }

  /** Who took what out: filter names only, since a free-text filter may hold personal data. */
  private async record(
    actor: Actor,
    kind: ExportKind,
    format: ExportFormat,
    exportId: string | null,
    filters: object,
  ): Promise<void> {
    await this.audit.record(actor, {
      action: AuditAction.Export,
      targetType: 'export',
      targetId: exportId,
      scopePath: actor.principal.unitPath,
      detail: {
        kind,
        format,
        mode: exportId === null ? 'stream' : 'background',
        filters: Object.entries(filters)
          .filter(([, value]) => value !== undefined)
          .map(([key]) => key)
          .sort(),
      },
    });
  }
}

/** The same rules as the query string of the matching GET route, with field paths under `filters`. */
async function validFilters<T extends object>(
  type: new () => object,
  filters: Record<string, unknown> | undefined,
): Promise<T> {
  const instance = plainToInstance(type, filters ?? {});
  const errors = await validate(instance, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
  });
  if (errors.length > 0) throw new ValidationFailedError(toFieldErrors(errors, 'filters'));
  return instance as T;
}
