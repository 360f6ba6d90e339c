import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { CalendarDayEntity } from 'src/sla/calendar-day.entity';
import { CalendarDayKind } from 'src/sla/business-calendar';

export class CalendarYearQueryDto {
  /** @example 2027 */
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;
}

export class UpsertCalendarDayDto {
  /** holiday: a day off (a statutory holiday, or a weekday given off in lieu); workday: a weekend day worked (调休). */
  @IsIn(['holiday', 'workday'])
  kind!: CalendarDayKind;

  /** @example "春节" */
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  name!: string;

  /** Where the day comes from. @example "国务院办公厅关于2027年部分节假日安排的通知" */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  source?: string;
}

export class CalendarDayDto {
  /** @example "2027-02-06" */
  date!: string;
  kind!: CalendarDayKind;
  name!: string;
  source!: string;
}

export class CalendarYearDto {
  year!: number;
  /** The exceptions to Monday–Friday work in that year, in date order. */
  days!: CalendarDayDto[];
}

export function toCalendarDayDto(day: CalendarDayEntity): CalendarDayDto {
  return { date: day.date, kind: day.kind, name: day.name, source: day.source };
}
