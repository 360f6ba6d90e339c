import calendarFile from 'config/holiday-calendar.json';
import { CalendarMode, DAY_MS } from 'src/sla/business-calendar';
import { CalendarService } from 'src/sla/calendar.service';
import { createTestApp, TestApp } from 'test/helpers/test-app';

describe('the working calendar in the database', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('is seeded by the migrations with every known holiday and adjusted working day', async () => {
    const calendar = await t.app.get(CalendarService).calendar();
    for (const day of calendarFile.days) {
      expect({ date: day.date, working: calendar.isWorkingDay(day.date) }).toEqual({
        date: day.date,
        working: day.kind === 'workday',
      });
    }
    const due = calendar.deadline(Date.parse('2026-02-11T09:00:00+08:00'), 15 * DAY_MS, CalendarMode.WorkingDays);
    expect(new Date(due).toISOString()).toBe(new Date('2026-03-10T09:00:00+08:00').toISOString());
  });
});
