import { Injectable } from '@nestjs/common';
import { CachedData, CachedValue, InvalidationBus } from 'src/redis/invalidation-bus';
import { BusinessCalendar } from 'src/sla/business-calendar';
import { CalendarRepository } from 'src/sla/calendar.repository';

/**
 * The working calendar from the database, held in memory (a few hundred rows). An admin edit drops it at once in
 * the editing process and, through the invalidation bus, in every other one; it also expires after a minute.
 */
@Injectable()
export class CalendarService {
  private readonly cached: CachedValue<BusinessCalendar>;

  constructor(
    private readonly days: CalendarRepository,
    bus: InvalidationBus,
  ) {
    // Subscribed now, at start: a change announced before first use must not be missed.
    this.cached = bus.cache(CachedData.Calendar, async () => new BusinessCalendar(await this.days.allDays()));
  }

  async calendar(now = Date.now()): Promise<BusinessCalendar> {
    return this.cached.get(now);
  }
}
