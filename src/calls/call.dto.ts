import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDateString,
  IsEnum,
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
import { CallDisposition } from 'src/calls/call.entity';
import { LoggedCall } from 'src/calls/call.repository';
import { CaseDetailsDto } from 'src/cases/case.dto';
import { PartyRefDto } from 'src/parties/party.dto';
import { CaseSummaryDto } from 'src/cases/case-response.dto';
import { Channel } from 'src/cases/case.enums';
import { IsChineseMobile } from 'src/common/validation/china-ids.decorators';
import { PartyResponseDto } from 'src/parties/party.dto';

const needsCase = (o: LogCallDto) =>
  o.disposition === CallDisposition.CaseCreated || o.disposition === CallDisposition.ConsultationAnswered;

export class LogCallDto {
  @IsEnum(Channel)
  channel!: Channel;

  /** @example "2026-11-20T09:30:00+08:00" */
  @IsDateString({ strict: true })
  startedAt!: string;

  /** @example "2026-11-20T09:41:00+08:00" */
  @IsOptional()
  @IsDateString({ strict: true })
  endedAt?: string;

  /** The caller: an existing party or a new one. */
  @IsOptional()
  @ValidateNested()
  @Type(() => PartyRefDto)
  caller?: PartyRefDto;

  /** @example "来电人称公司拖欠两个月工资，询问维权途径。" */
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  summary!: string;

  @IsEnum(CallDisposition)
  disposition!: CallDisposition;

  /** Required for `attached_to_case`; optional for `callback_requested`. */
  @ValidateIf((o: LogCallDto) => o.disposition === CallDisposition.AttachedToCase || o.caseId !== undefined)
  @IsUUID()
  caseId?: string;

  /** Required for `case_created` and `consultation_answered` (the kind is then `consultation`). */
  @ValidateIf(needsCase)
  @ValidateNested()
  @Type(() => CaseDetailsDto)
  case?: CaseDetailsDto;
}

export class CallLookupDto {
  /** Sent in the body, never in a URL. @example "13912345678" */
  @IsChineseMobile()
  phone!: string;
}

export class CallResponseDto {
  id!: string;
  disposition!: CallDisposition;
  callerPartyId!: string | null;
  caseId!: string | null;
  /** @example "GD-2026-000123" */
  caseNumber!: string | null;
  startedAt!: string;
}

export class CallLookupResponseDto {
  /** Parties with this phone number in your scope (masked). */
  parties!: PartyResponseDto[];
  /** Their open cases in your scope: attach instead of duplicating. */
  openCases!: CaseSummaryDto[];
}

export class ListMyCallsQueryDto {
  /** How many calls, newest first (1–100). */
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(100, { message: 'limit must be at most 100' })
  limit = 20;
}

/** A call as the operator's own call log shows it: no phone number, not even masked. */
export class CallSummaryDto {
  id!: string;
  startedAt!: string;
  disposition!: CallDisposition;
  /** What the operator wrote down; null when nothing was. */
  summary!: string | null;
  /** The case the call opened or was attached to. */
  caseId!: string | null;
  /** @example "GD-2026-000123" */
  caseNumber!: string | null;
  /** The caller's name, when the caller was recorded. */
  callerName!: string | null;
}

export class CallPageDto {
  items!: CallSummaryDto[];
}

export function toCallSummary(call: LoggedCall): CallSummaryDto {
  return {
    id: call.id,
    startedAt: call.startedAt.toISOString(),
    disposition: call.disposition,
    summary: call.summary === '' ? null : call.summary,
    caseId: call.caseId,
    caseNumber: call.caseNumber,
    callerName: call.callerName,
  };
}
