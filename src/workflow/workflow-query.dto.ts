import { ApiProperty } from '@nestjs/swagger';
import { LegalStage } from 'src/cases/case.enums';
import { INSTALMENT_STATES, InstalmentState } from 'src/workflow/effects/instalments';
import { SessionResult } from 'src/workflow/mediation.entity';
import { Payer } from 'src/workflow/payment.entity';

export class PaymentEntryDto {
  id!: string;
  /** Negative for a correcting entry. @example "6000.00" */
  amount!: string;
  paidOn!: string;
  payer!: Payer;
  evidenceAttachmentId!: string | null;
  /** The entry this one corrects. */
  correctsId!: string | null;
  reason!: string;
  recordedBy!: string;
  createdAt!: string;
}

export class InstalmentStateDto {
  seq!: number;
  dueOn!: string;
  amount!: string;
  // Named explicitly: an inferred union's member order varies with compile order, and the document must not.
  @ApiProperty({ enum: INSTALMENT_STATES })
  state!: InstalmentState;
}

export class LedgerDto {
  /** Always the sum of the entries. */
  recovered!: string;
  agreed!: string;
  entries!: PaymentEntryDto[];
  instalments!: InstalmentStateDto[];
}

export class MediationSessionDto {
  id!: string;
  sessionDate!: string;
  place!: string;
  mediatorId!: string;
  partiesPresent!: string[];
  result!: SessionResult;
  note!: string;
}

export class LegalStageDto {
  stage!: LegalStage;
  forum!: string | null;
  externalCaseNumber!: string | null;
  filedOn!: string | null;
  hearingOn!: string | null;
  decidedOn!: string | null;
  awarded!: string | null;
  createdAt!: string;
}

export class CaseTimerDto {
  id!: string;
  /** @example "resolution" */
  timer!: string;
  ref!: string;
  /** running, paused, met, breached or cancelled */
  state!: string;
  policyCode!: string;
  policyVersion!: number;
  /** natural, natural_rolled or working_days */
  mode!: string;
  startedAt!: string;
  warnAt!: string;
  dueAt!: string;
  metAt!: string | null;
  breachedAt!: string | null;
  /** Extensions approved so far, and the most the clock's rule allows in total (0: it cannot be extended). */
  extendedMs!: number;
  maxExtensionMs!: number;
}

export class BreachDto {
  timerId!: string;
  caseId!: string;
  /** @example "GD-2026-000123" */
  caseNumber!: string;
  orgUnitId!: string;
  timer!: string;
  dueAt!: string;
  breachedAt!: string;
}

export class BreachPageDto {
  items!: BreachDto[];
  nextCursor!: string | null;
}
