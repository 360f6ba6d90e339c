import { Injectable } from '@nestjs/common';
import { BusinessCalendar } from 'src/sla/business-calendar';
import { CalendarRepository } from 'src/sla/calendar.repository';

const RELOAD_AFTER_MS = 10 * 60 * 1000;

/** The working calendar from the database, held in memory and reloaded every ten minutes (or on request). */
@Injectable()
export class CalendarService {
  private cached?: { calendar: BusinessCalendar; loadedAt: number };

  constructor(private readonly days: CalendarRepository) {}

  async calendar(now = Date.now()): Promise<BusinessCalendar> {
    if (!this.cached || now - this.cached.loadedAt > RELOAD_AFTER_MS) {
      this.cached = { calendar: new BusinessCalendar(await this.days.allDays()), loadedAt: now };
    }
    return this.cached.calendar;
  }

  /** After an admin edits the calendar. */
  invalidate(): void {
    this.cached = undefined;
  }
}
