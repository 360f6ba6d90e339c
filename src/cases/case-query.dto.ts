import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsDateString,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { CaseCategory, CaseKind, CaseOutcome, CasePriority, CaseStatus, Channel } from 'src/cases/case.enums';
import { TimerName } from 'src/cases/case-clock.enums';

const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

/** Keyset pagination: at most 100 per page; `cursor` is the previous page's `nextCursor`. */
export class CursorPageQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(100, { message: 'limit must be at most 100' })
  limit = 20;

  /** `nextCursor` of the previous page. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}

export class ListCasesQueryDto extends CursorPageQueryDto {
  @IsOptional()
  @IsEnum(CaseStatus)
  status?: CaseStatus;

  @IsOptional()
  @IsEnum(CaseKind)
  kind?: CaseKind;

  @IsOptional()
  @IsEnum(CaseCategory)
  category?: CaseCategory;

  @IsOptional()
  @IsEnum(CasePriority)
  priority?: CasePriority;

  @IsOptional()
  @IsEnum(Channel)
  channel?: Channel;

  /** Cases owned by this unit or any unit below it (must be in your scope). */
  @IsOptional()
  @IsUUID()
  orgUnitId?: string;

  /** With orgUnitId: only the cases that unit owns itself (a report's "本级" row), not its subtree's. */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  ownUnitOnly?: boolean;

  /** Received at or after (ISO 8601). */
  @IsOptional()
  @IsDateString({ strict: true })
  receivedFrom?: string;

  /** Received before (ISO 8601). */
  @IsOptional()
  @IsDateString({ strict: true })
  receivedTo?: string;

  @IsOptional()
  @IsUUID()
  employerId?: string;

  /** Exact case number. @example "GD-2026-000123" */
  @IsOptional()
  @Matches(/^GD-\d{4}-\d{6,}$/, { message: 'number must look like GD-2026-000123' })
  number?: string;

  /** Free text on the narrative and the employer's name; Chinese fragments match. @example "外卖" */
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  q?: string;

  /** Only open cases (any status but closed), or only closed ones. */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  open?: boolean;

  @IsOptional()
  @IsEnum(CaseOutcome)
  outcome?: CaseOutcome;

  /** Collective disputes only (true) or individual ones only (false). */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  collective?: boolean;

  /** Closed at or after (ISO 8601); with closedTo, the list behind a report's closed figures. */
  @IsOptional()
  @IsDateString({ strict: true })
  closedFrom?: string;

  /** Closed before (ISO 8601). */
  @IsOptional()
  @IsDateString({ strict: true })
  closedTo?: string;

  /** With a callback recorded at or after (ISO 8601). */
  @IsOptional()
  @IsDateString({ strict: true })
  callbackFrom?: string;

  @IsOptional()
  @IsDateString({ strict: true })
  callbackTo?: string;

  /** With a payment dated on or after the Shanghai day of this instant (ISO 8601). */
  @IsOptional()
  @IsDateString({ strict: true })
  paidFrom?: string;

  @IsOptional()
  @IsDateString({ strict: true })
  paidTo?: string;

  /** Whose first payment falls in [firstPaidFrom, firstPaidTo) and with money recovered now (workers benefited). */
  @IsOptional()
  @IsDateString({ strict: true })
  firstPaidFrom?: string;

  @IsOptional()
  @IsDateString({ strict: true })
  firstPaidTo?: string;

  /** With a clock breached at or after (ISO 8601); narrowed to one clock by breachedTimer. */
  @IsOptional()
  @IsDateString({ strict: true })
  breachedFrom?: string;

  @IsOptional()
  @IsDateString({ strict: true })
  breachedTo?: string;

  @IsOptional()
  @IsEnum(TimerName)
  breachedTimer?: TimerName;

  /**
   * Closed cases still waiting for their follow-up call (回访): a callback clock was started when the case closed
   * and no callback has been recorded since (true), or every other case (false).
   */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'awaitingCallback must be true or false' })
  awaitingCallback?: boolean;
}

/** The filters of a case list, without the page position (what an export of the list takes). */
export type CaseListFilters = Omit<ListCasesQueryDto, 'limit' | 'cursor'>;

export class WorkQueueQueryDto extends CursorPageQueryDto {}

export enum EventOrder {
  Oldest = 'oldest',
  Newest = 'newest',
}

export class ListEventsQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit = 200;

  /** `newest` first: a long timeline's latest events, which a limit would otherwise cut off. */
  @IsOptional()
  @IsEnum(EventOrder, { message: 'order must be oldest or newest' })
  order: EventOrder = EventOrder.Oldest;
}
