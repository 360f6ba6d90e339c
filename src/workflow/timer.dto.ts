import { CursorPageQueryDto } from 'src/cases/case-query.dto';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
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
} from 'class-validator';
import { TimerName } from 'src/cases/case-clock.enums';
import {
  EXTENSION_UNITS,
  ExtensionState,
  ExtensionUnit,
  TimerExtensionRequestEntity,
} from 'src/sla/timer-extension.entity';
import { ExtensionRequestWithClock } from 'src/sla/timer-extension.repository';

export class PauseTimerDto {
  /** @example "等待劳动者补充工资流水证据" */
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}

export class ListBreachesQueryDto {
  @IsOptional()
  @IsEnum(TimerName)
  timer?: TimerName;

  /** Cases owned by this unit or below (in your scope). */
  @IsOptional()
  @IsUUID()
  orgUnitId?: string;

  @IsOptional()
  @IsDateString({ strict: true })
  from?: string;

  @IsOptional()
  @IsDateString({ strict: true })
  to?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 50;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}

export class RequestExtensionDto {
  /** How much more time, in `unit` of the clock's own calendar (working days for a working-day clock). @example 5 */
  @IsInt()
  @Min(1)
  @Max(8784)
  amount!: number;

  /** @example "days" */
  @IsIn(EXTENSION_UNITS)
  unit!: ExtensionUnit;

  /** @example "用人单位申请延期提交工资发放记录，需等待其材料" */
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}

export class ApproveExtensionDto {
  /** @example "同意延期，请在新期限内办结" */
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class RejectExtensionDto {
  /** @example "理由不充分，请按原期限办结" */
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}

export class ExtensionRequestDto {
  id!: string;
  caseId!: string;
  timerId!: string;
  amount!: number;
  /** hours or days of the clock's calendar */
  // Named explicitly: an inferred union's member order varies with compile order, and the document must not.
  @ApiProperty({ enum: EXTENSION_UNITS })
  unit!: ExtensionUnit;
  amountMs!: number;
  reason!: string;
  /** pending, approved or rejected */
  state!: ExtensionState;
  requestedBy!: string;
  requestedAt!: string;
  decidedBy!: string | null;
  decidedAt!: string | null;
  /** The approval note or the reason for rejecting. */
  decisionNote!: string;
}

export class ListExtensionRequestsQueryDto extends CursorPageQueryDto {
  /** Only requests in this state; every state when absent. */
  @IsOptional()
  @IsEnum(ExtensionState, { message: 'state must be one of: pending, approved, rejected' })
  state?: ExtensionState;
}

/** A request as the dispatcher's list shows it: with the case and the clock it would move. */
export class PendingExtensionDto extends ExtensionRequestDto {
  /** @example "GD-2026-000123" */
  caseNumber!: string;
  @ApiProperty({ enum: TimerName })
  timer!: TimerName;
  /** The clock's due time now (before any extension this request asks for). */
  dueAt!: string;
  /** Who asked, by display name. */
  requestedByName!: string | null;
}

export class ExtensionRequestPageDto {
  items!: PendingExtensionDto[];
  /** Pass as `cursor` for the next page; null at the end. */
  nextCursor!: string | null;
}

export function toPendingExtensionDto(row: ExtensionRequestWithClock): PendingExtensionDto {
  return Object.assign(toExtensionRequestDto(row.request), {
    caseNumber: row.caseNumber,
    timer: row.timer,
    dueAt: row.dueAt.toISOString(),
    requestedByName: row.requestedByName,
  });
}

export function toExtensionRequestDto(r: TimerExtensionRequestEntity): ExtensionRequestDto {
  return {
    id: r.id,
    caseId: r.caseId,
    timerId: r.timerId,
    amount: r.amount,
    unit: r.unit,
    amountMs: Number(r.amountMs),
    reason: r.reason,
    state: r.state,
    requestedBy: r.requestedBy,
    requestedAt: r.requestedAt.toISOString(),
    decidedBy: r.decidedBy,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    decisionNote: r.decisionNote,
  };
}
