import { BusinessCalendar, CalendarMode } from 'src/sla/business-calendar';

export interface ExtendableClock {
  warnAt: Date;
  dueAt: Date;
  warned: boolean;
  mode: CalendarMode;
  /** Extensions approved so far, and the most the clock's rule allows in total. */
  extendedMs: number;
  maxExtensionMs: number;
}

/** How much more the clock may still be extended by. */
export function extensionLeftMs(clock: Pick<ExtendableClock, 'extendedMs' | 'maxExtensionMs'>): number {
  return Math.max(0, clock.maxExtensionMs - clock.extendedMs);
}

/**
 * The deadlines after an extension of `amountMs` of the clock's own calendar time: the due time moves by that much
 * (working time for a working-day clock, so 2 days over a weekend lands on Tuesday); so does a warning that has
 * not fired yet. A warning already given stays given: the handler knows the clock is tight.
 */
export function extendedDeadlines(
  calendar: BusinessCalendar,
  clock: Pick<ExtendableClock, 'warnAt' | 'dueAt' | 'warned' | 'mode'>,
  amountMs: number,
): { warnAt: Date; dueAt: Date } {
  const move = (instant: Date) => new Date(calendar.deadline(instant.getTime(), amountMs, clock.mode));
  return { warnAt: clock.warned ? clock.warnAt : move(clock.warnAt), dueAt: move(clock.dueAt) };
}
