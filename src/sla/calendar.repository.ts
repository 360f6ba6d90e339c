import { Injectable } from '@nestjs/common';
import { DbContext } from 'src/database/db-context';
import { CalendarDayEntity } from 'src/sla/calendar-day.entity';

@Injectable()
export class CalendarRepository {
  constructor(private readonly db: DbContext) {}

  /** Every exception day (a few hundred rows for two decades): small enough to hold in memory. */
  async allDays(): Promise<CalendarDayEntity[]> {
    return this.db.manager.find(CalendarDayEntity, { order: { date: 'ASC' } });
  }
}
