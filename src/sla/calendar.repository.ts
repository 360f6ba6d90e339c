import { Injectable } from '@nestjs/common';
import { DbContext } from 'src/database/db-context';
import { CalendarDayEntity } from 'src/sla/calendar-day.entity';
import { Between } from 'typeorm';

@Injectable()
export class CalendarRepository {
  constructor(private readonly db: DbContext) {}

  /** Every exception day (a few hundred rows for two decades): small enough to hold in memory. */
  async allDays(): Promise<CalendarDayEntity[]> {
    return this.db.manager.find(CalendarDayEntity, { order: { date: 'ASC' } });
  }

  async daysOfYear(year: number): Promise<CalendarDayEntity[]> {
    return this.db.manager.find(CalendarDayEntity, {
      where: { date: Between(`${year}-01-01`, `${year}-12-31`) },
      order: { date: 'ASC' },
    });
  }

  async upsert(day: CalendarDayEntity): Promise<void> {
    await this.db.manager.upsert(CalendarDayEntity, day, ['date']);
  }

  /** False when there was no such day. */
  async delete(date: string): Promise<boolean> {
    const result = await this.db.manager.delete(CalendarDayEntity, { date });
    return (result.affected ?? 0) > 0;
  }
}
