import { Injectable, OnModuleInit } from '@nestjs/common';
import { CachedData, InvalidationBus } from 'src/redis/invalidation-bus';
import { BusinessCalendar } from 'src/sla/business-calendar';
import { CalendarRepository } from 'src/sla/calendar.repository';

/** Without a change message (Redis away when it was sent), a process still picks up an edit within this time. */
export const CALENDAR_CACHE_MS = 60 * 1000;

/**
 * The working calendar from the database, held in memory (a few hundred rows). An admin edit drops it at once in
 * the editing process and, through the invalidation bus, in every other one; it also expires after a minute.
 */
@Injectable()
export class CalendarService implements OnModuleInit {
  private cached?: { calendar: BusinessCalendar; loadedAt: number };

  constructor(
    private readonly days: CalendarRepository,
    private readonly bus: InvalidationBus,
  ) {}

  onModuleInit(): void {
    this.bus.on(CachedData.Calendar, () => {
      this.invalidate();
    });
  }

  async calendar(now = Date.now()): Promise<BusinessCalendar> {
    if (!this.cached || now - this.cached.loadedAt > CALENDAR_CACHE_MS) {
      this.cached = { calendar: new BusinessCalendar(await this.days.allDays()), loadedAt: now };
    }
    return this.cached.calendar;
  }

  invalidate(): void {
    this.cached = undefined;
  }
}
