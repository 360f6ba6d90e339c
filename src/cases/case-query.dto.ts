import { Type } from 'class-transformer';
import {
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
import { CaseCategory, CaseKind, CasePriority, CaseStatus, Channel } from 'src/cases/case.enums';

/** Keyset pagination: at most 100 per page; `cursor` is the previous page's `nextCursor`. */
export class CursorPageQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
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
}

export class WorkQueueQueryDto extends CursorPageQueryDto {}

export class ListEventsQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit = 200;
}
