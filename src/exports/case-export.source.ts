import { DomainError } from 'src/common/errors/domain.error';
import { ErrorCode } from 'src/common/errors/error-code';
import { Injectable } from '@nestjs/common';
import { UnitScope } from 'src/auth/principal';
import {
  CALLBACK_RESULT_ZH,
  CATEGORY_ZH,
  CHANNEL_ZH,
  KIND_ZH,
  OUTCOME_ZH,
  PRIORITY_ZH,
  STATUS_ZH,
} from 'src/cases/case-labels';
import { CaseListFilters } from 'src/cases/case-query.dto';
import { CaseQueryService } from 'src/cases/case-query.service';
import { CaseEntity } from 'src/cases/case.entity';
import { CaseCriteria, CaseRepository } from 'src/cases/case.repository';
import { fenToYuan } from 'src/common/money/money';
import { ExportLookupRepository } from 'src/exports/export-lookup.repository';
import { ExportCell, ExportColumn, ExportTable } from 'src/exports/export-table';

/** Rows read per query: large enough to be quick, small enough that memory stays flat at any list size. */
const BATCH = 500;

/**
 * The columns of a case list export. No party data at all: no worker name, phone, ID number or address, and no
 * narrative (free text in which callers often repeat them). The case number leads back to the case for those
 * allowed to see more.
 */
export const CASE_COLUMNS: readonly ExportColumn[] = [
  { header: '案件编号', type: 'text', width: 18 },
  { header: '受理时间', type: 'datetime', width: 20 },
  { header: '类型', type: 'text' },
  { header: '类别', type: 'text', width: 14 },
  { header: '优先级', type: 'text' },
  { header: '状态', type: 'text', width: 12 },
  { header: '结果', type: 'text', width: 14 },
  { header: '渠道', type: 'text' },
  { header: '所属单位', type: 'text', width: 24 },
  { header: '用人单位', type: 'text', width: 30 },
  { header: '涉及人数', type: 'integer' },
  { header: '集体争议', type: 'text' },
  { header: '诉求金额(元)', type: 'money', width: 16 },
  { header: '调解协议金额(元)', type: 'money', width: 18 },
  { header: '裁判金额(元)', type: 'money', width: 16 },
  { header: '挽回金额(元)', type: 'money', width: 16 },
  { header: '办结时间', type: 'datetime', width: 20 },
  { header: '回访结果', type: 'text' },
  { header: '重办次数', type: 'integer' },
];

function caseRow(c: CaseEntity, units: Map<string, string>, employers: Map<string, string>): ExportCell[] {
  return [
    c.number,
    c.receivedAt,
    KIND_ZH[c.kind],
    CATEGORY_ZH[c.category],
    PRIORITY_ZH[c.priority],
    STATUS_ZH[c.status],
    c.outcome === null ? null : OUTCOME_ZH[c.outcome],
    CHANNEL_ZH[c.channel],
    units.get(c.orgUnitId) ?? null,
    c.employerId === null ? null : (employers.get(c.employerId) ?? null),
    c.workersAffected,
    c.collective ? '是' : '否',
    fenToYuan(c.claimedFen),
    fenToYuan(c.agreedFen),
    fenToYuan(c.awardedFen),
    fenToYuan(c.recoveredFen),
    c.closedAt,
    c.lastCallbackResult === null ? null : CALLBACK_RESULT_ZH[c.lastCallbackResult],
    c.reopenCount,
  ];
}

/** A case list as an export table: the same cases as GET /cases with the same filters, newest first. */
@Injectable()
export class CaseExportSource {
  constructor(
    private readonly queries: CaseQueryService,
    private readonly cases: CaseRepository,
    private readonly lookups: ExportLookupRepository,
  ) {}

  /** The filters within the actor's scope; 404 when they name a unit outside it. */
  criteria(within: UnitScope, filters: CaseListFilters): Promise<CaseCriteria> {
    return this.queries.criteria(within, filters);
  }

  /** 409 EXPORT_TOO_LARGE when more than `max` cases match (counting stops at max + 1). */
  async assertAtMost(
    criteria: CaseCriteria,
    max: number,
    message: string,
    details: Record<string, unknown>,
  ): Promise<void> {
    if ((await this.cases.countAtMost(criteria, max + 1)) > max) {
      throw new DomainError(ErrorCode.ExportTooLarge, message, { maxRows: max, ...details });
    }
  }

  countAtMost(criteria: CaseCriteria, max: number): Promise<number> {
    return this.cases.countAtMost(criteria, max);
  }

  /** `onBatch` hears the number of rows produced so far after every batch. */
  table(criteria: CaseCriteria, onBatch?: (rowsSoFar: number) => Promise<void>, batchSize = BATCH): ExportTable {
    return { sheet: '案件清单', columns: CASE_COLUMNS, rows: this.rows(criteria, batchSize, onBatch) };
  }

  /** Keyset pages on (received_at, id), exactly as the list pages, a batch at a time. */
  private async *rows(
    criteria: CaseCriteria,
    batchSize: number,
    onBatch?: (rowsSoFar: number) => Promise<void>,
  ): AsyncGenerator<ExportCell[]> {
    const units = new Map<string, string>();
    let after: { receivedAt: Date; id: string } | undefined;
    let produced = 0;
    for (;;) {
      const batch = await this.cases.search({ ...criteria, after, limit: batchSize });
      const unknownUnits = [...new Set(batch.map((c) => c.orgUnitId))].filter((id) => !units.has(id));
      for (const [id, name] of await this.lookups.unitNames(unknownUnits)) units.set(id, name);
      const employers = await this.lookups.employerNames([
        ...new Set(batch.flatMap((c) => (c.employerId === null ? [] : [c.employerId]))),
      ]);
      for (const c of batch) yield caseRow(c, units, employers);
      produced += batch.length;
      await onBatch?.(produced);
      const last = batch.at(-1);
      if (batch.length < batchSize || last === undefined) return;
      after = { receivedAt: last.receivedAt, id: last.id };
    }
  }
}
