import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsEnum,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { VersionedDto } from 'src/cases/case.dto';
import { CallbackResult, CaseOutcome, LegalStage } from 'src/cases/case.enums';
import { IsYuan } from 'src/common/money/money.decorator';
import { SessionResult } from 'src/workflow/mediation.entity';
import { Payer } from 'src/workflow/payment.entity';

const REASON = { max: 1000 };

export class ReasonDto extends VersionedDto {
  /** @example "该劳动者所在单位属西城区，转西城区总工会办理" */
  @IsString()
  @IsNotEmpty()
  @MaxLength(REASON.max)
  reason!: string;
}

export class DispatchDto extends VersionedDto {
  /** The union to handle the case (in your subtree). */
  @IsUUID()
  orgUnitId!: string;

  /** Optionally, the mediator or legal-aid user there who should handle it. */
  @IsOptional()
  @IsUUID()
  assigneeId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(REASON.max)
  note?: string;
}

export class TransferDto extends ReasonDto {
  @IsUUID()
  orgUnitId!: string;
}

export class AcceptDto extends VersionedDto {}

export class UrgeDto extends VersionedDto {
  /** @example "请于本周五前联系劳动者并反馈进展" */
  @IsString()
  @IsNotEmpty()
  @MaxLength(REASON.max)
  note!: string;
}

export class ReassignDto extends ReasonDto {
  @IsUUID()
  assigneeId!: string;
}

export const CONTACT_PARTIES = ['worker', 'employer'] as const;
export const CONTACT_METHODS = ['phone', 'visit', 'message'] as const;

export class RecordContactDto extends VersionedDto {
  @IsIn(CONTACT_PARTIES)
  with!: (typeof CONTACT_PARTIES)[number];

  @IsIn(CONTACT_METHODS)
  method!: (typeof CONTACT_METHODS)[number];

  /** @example "已电话联系劳动者，约定周三到街道工会面谈" */
  @IsOptional()
  @IsString()
  @MaxLength(REASON.max)
  note?: string;
}

export class AnswerAtIntakeDto extends VersionedDto {
  @IsOptional()
  @IsString()
  @MaxLength(REASON.max)
  note?: string;
}

/** Outcomes a handler may propose (the administrative ones have their own commands). */
export const PROPOSABLE_OUTCOMES = [
  CaseOutcome.ResolvedByNegotiation,
  CaseOutcome.MediationAgreement,
  CaseOutcome.ArbitrationAward,
  CaseOutcome.CourtJudgment,
  CaseOutcome.Settled,
  CaseOutcome.PartiallyResolved,
  CaseOutcome.Unresolved,
  CaseOutcome.ReferredOut,
] as const;

export class ProposeClosureDto extends VersionedDto {
  @IsIn(PROPOSABLE_OUTCOMES)
  outcome!: (typeof PROPOSABLE_OUTCOMES)[number];

  @IsOptional()
  @IsString()
  @MaxLength(REASON.max)
  note?: string;
}

export const PAYMENT_STATUSES = ['paid', 'partially_paid', 'unpaid'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export class CloseDto extends VersionedDto {
  /** Confirms (or corrects) the proposed outcome. */
  @IsIn(PROPOSABLE_OUTCOMES)
  outcome!: (typeof PROPOSABLE_OUTCOMES)[number];

  /** Checklist: the claimed, agreed, awarded and recovered amounts shown on the case were reviewed. */
  @IsBoolean()
  amountsConfirmed!: boolean;

  /** Checklist for a mediation agreement: the payment status as the closer sees it; must match the ledger. */
  @ValidateIf((o: CloseDto) => o.outcome === CaseOutcome.MediationAgreement)
  @IsIn(PAYMENT_STATUSES)
  paymentStatus?: PaymentStatus;

  @IsOptional()
  @IsString()
  @MaxLength(REASON.max)
  note?: string;
}

export class DuplicateDto extends ReasonDto {
  /** The case this one repeats (in your scope). */
  @IsUUID()
  originalCaseId!: string;
}

export class RecordCallbackDto extends VersionedDto {
  @IsEnum(CallbackResult)
  result!: CallbackResult;

  /** Calls made; for `unreachable`, how many attempts failed. */
  @ValidateIf((o: RecordCallbackDto) => o.result === CallbackResult.Unreachable || o.attempts !== undefined)
  @IsInt()
  @Min(1)
  @Max(20)
  attempts?: number;

  /** @example "劳动者表示工资已全额到账，对处理结果满意" */
  @IsOptional()
  @IsString()
  @MaxLength(REASON.max)
  note?: string;
}

export class StartMediationDto extends VersionedDto {}

export class RecordSessionDto extends VersionedDto {
  /** @example "2026-11-25" */
  @IsDateString({ strict: true, strictSeparator: true })
  sessionDate!: string;

  /** @example "东华门街道总工会调解室" */
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  place!: string;

  /** The mediator who led it; defaults to you. */
  @IsOptional()
  @IsUUID()
  mediatorId?: string;

  /** @example ["劳动者本人", "用人单位人事经理"] */
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  partiesPresent!: string[];

  @IsEnum(SessionResult)
  result!: SessionResult;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class InstalmentDto {
  /** @example "2026-12-31" */
  @IsDateString({ strict: true, strictSeparator: true })
  dueOn!: string;

  /** @example "5000.00" */
  @IsYuan()
  amount!: string;
}

export class RecordAgreementDto extends VersionedDto {
  /** Total agreed, yuan. @example "10000.00" */
  @IsYuan()
  amount!: string;

  /** Payment schedule; the instalments must add up to the amount. Empty: paid at once. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(36)
  @ValidateNested({ each: true })
  @Type(() => InstalmentDto)
  instalments?: InstalmentDto[];
}

export class DecideEligibilityDto extends VersionedDto {
  @IsBoolean()
  eligible!: boolean;

  /** @example "劳动者月收入低于本市最低工资标准两倍，符合法律援助条件" */
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;

  /** Required when the decision departs from the standard one. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  overrideReason?: string;
}

export class RecordStageDto extends VersionedDto {
  @IsEnum(LegalStage)
  stage!: LegalStage;

  /** @example "北京市东城区劳动人事争议仲裁委员会" */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  forum?: string;

  /** @example "京东劳人仲字[2026]第1234号" */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  externalCaseNumber?: string;

  @IsOptional()
  @IsDateString({ strict: true, strictSeparator: true })
  filedOn?: string;

  @IsOptional()
  @IsDateString({ strict: true, strictSeparator: true })
  hearingOn?: string;

  @IsOptional()
  @IsDateString({ strict: true, strictSeparator: true })
  decidedOn?: string;

  /** @example "8000.00" */
  @IsOptional()
  @IsYuan()
  awarded?: string;
}

export class RecordPaymentDto extends VersionedDto {
  /** @example "3000.00" */
  @IsYuan()
  amount!: string;

  /** @example "2026-12-01" */
  @IsDateString({ strict: true, strictSeparator: true })
  paidOn!: string;

  @IsEnum(Payer)
  payer!: Payer;

  /** An attachment of this case proving the payment. */
  @IsOptional()
  @IsUUID()
  evidenceAttachmentId?: string;
}

export class CorrectPaymentDto extends VersionedDto {
  @IsUUID()
  correctsPaymentId!: string;

  /** The amount to take off the corrected entry (a positive yuan amount; stored negative). @example "500.00" */
  @IsYuan()
  amount!: string;

  /** @example "误将500元重复登记" */
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}
