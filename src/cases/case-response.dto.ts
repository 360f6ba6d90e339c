import { CaseClaimEntity } from 'src/cases/case-claim.entity';
import { CaseEventEntity, CaseEventType } from 'src/cases/case-event.entity';
import { CaseEntity } from 'src/cases/case.entity';
import {
  CallbackResult,
  CaseCategory,
  CaseKind,
  CaseOutcome,
  CasePriority,
  CaseStatus,
  Channel,
  ClaimType,
  LegalStage,
} from 'src/cases/case.enums';
import { fenToYuan } from 'src/common/money/money';
import { EmployerRef } from 'src/employers/employer.repository';

export class ClaimResponseDto {
  type!: ClaimType;
  /** @example "12345.67" */
  amount!: string;
  note!: string;
}

export class EmployerResponseDto {
  id!: string;
  name!: string;
  creditCode!: string | null;
  /** The district union whose area the employer is in, when known. */
  districtId!: string | null;
}

export class CaseSummaryDto {
  id!: string;
  /** @example "GD-2026-000123" */
  number!: string;
  kind!: CaseKind;
  category!: CaseCategory;
  priority!: CasePriority;
  status!: CaseStatus;
  channel!: Channel;
  collective!: boolean;
  orgUnitId!: string;
  employerId!: string | null;
  /** Total claimed, yuan. */
  claimed!: string;
  receivedAt!: string;
  /** Set once closed (a reopen clears both). */
  outcome!: CaseOutcome | null;
  closedAt!: string | null;
  version!: number;
}

export class CaseResponseDto extends CaseSummaryDto {
  proposedOutcome!: CaseOutcome | null;
  /** Mediation agreement amount, yuan ("0.00" when none). */
  agreed!: string;
  /** Latest award, yuan. */
  awarded!: string;
  /** Sum of the payment ledger, yuan. */
  recovered!: string;
  legalAidEligible!: boolean | null;
  legalStage!: LegalStage | null;
  firstWorkerContactAt!: string | null;
  lastCallbackResult!: CallbackResult | null;
  reopenCount!: number;
  assigneeId!: string | null;
  workerPartyId!: string | null;
  employer!: EmployerResponseDto | null;
  workersAffected!: number;
  narrative!: string;
  disputeArisenOn!: string | null;
  claims!: ClaimResponseDto[];
}

export class CasePageDto {
  items!: CaseSummaryDto[];
  /** Pass as `cursor` for the next page; null at the end. */
  nextCursor!: string | null;
}

export class CaseEventDto {
  id!: string;
  type!: CaseEventType;
  actorId!: string | null;
  occurredAt!: string;
  version!: number;
  data!: Record<string, unknown>;
}

export function toCaseSummary(c: CaseEntity): CaseSummaryDto {
  return {
    id: c.id,
    number: c.number,
    kind: c.kind,
    category: c.category,
    priority: c.priority,
    status: c.status,
    channel: c.channel,
    collective: c.collective,
    orgUnitId: c.orgUnitId,
    employerId: c.employerId,
    claimed: fenToYuan(c.claimedFen),
    receivedAt: c.receivedAt.toISOString(),
    outcome: c.outcome,
    closedAt: c.closedAt?.toISOString() ?? null,
    version: c.version,
  };
}

export function toCaseResponse(
  c: CaseEntity,
  claims: Pick<CaseClaimEntity, 'type' | 'amountFen' | 'note'>[],
  employer: EmployerRef | null,
): CaseResponseDto {
  return Object.assign(toCaseSummary(c), {
    proposedOutcome: c.proposedOutcome,
    agreed: fenToYuan(c.agreedFen),
    awarded: fenToYuan(c.awardedFen),
    recovered: fenToYuan(c.recoveredFen),
    legalAidEligible: c.legalAidEligible,
    legalStage: c.legalStage,
    firstWorkerContactAt: c.firstWorkerContactAt?.toISOString() ?? null,
    lastCallbackResult: c.lastCallbackResult,
    reopenCount: c.reopenCount,
    assigneeId: c.assigneeId,
    workerPartyId: c.workerPartyId,
    employer: employer
      ? { id: employer.id, name: employer.name, creditCode: employer.creditCode, districtId: employer.districtId }
      : null,
    workersAffected: c.workersAffected,
    narrative: c.narrative,
    disputeArisenOn: c.disputeArisenOn,
    claims: claims.map((claim) => ({ type: claim.type, amount: fenToYuan(claim.amountFen), note: claim.note })),
  });
}

export function toCaseEventDto(e: CaseEventEntity): CaseEventDto {
  return {
    id: e.id,
    type: e.type,
    actorId: e.actorId,
    occurredAt: e.occurredAt.toISOString(),
    version: e.version,
    data: e.data,
  };
}
