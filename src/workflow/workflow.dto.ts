import {
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
} from 'class-validator';
import { VersionedDto } from 'src/cases/case.dto';
import { CallbackResult, CaseOutcome } from 'src/cases/case.enums';

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

export class CloseDto extends VersionedDto {
  /** Confirms (or corrects) the proposed outcome. */
  @IsIn(PROPOSABLE_OUTCOMES)
  outcome!: (typeof PROPOSABLE_OUTCOMES)[number];

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
