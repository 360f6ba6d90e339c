import { ApiProperty } from '@nestjs/swagger';
import { CaseSummaryDto } from 'src/cases/case-response.dto';
import { TimerName } from 'src/cases/case-clock.enums';

/** A case on a work list, with the clock that sets its place in the list. */
export class WorkItemDto extends CaseSummaryDto {
  /** The nearest due time of the case's running clocks (ISO 8601); null when no clock is running. */
  @ApiProperty({ type: String, nullable: true, example: '2026-11-21T09:30:00.000Z' })
  nextDueAt!: string | null;

  /** Which clock is due at `nextDueAt`; null when no clock is running. */
  @ApiProperty({ enum: TimerName, nullable: true })
  nextTimer!: TimerName | null;

  /** A running clock is past its due time, or a clock of the case has breached. */
  overdue!: boolean;
}

export class WorkItemPageDto {
  items!: WorkItemDto[];
  /** Pass as `cursor` for the next page; null at the end. */
  nextCursor!: string | null;
}
