import { Param, PipeTransform } from '@nestjs/common';
import { ValidationFailedError } from 'src/common/errors/domain.error';

class CalendarDatePipe implements PipeTransform<string, string> {
  constructor(private readonly name: string) {}

  transform(value: string): string {
    const instant = /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T00:00:00Z`) : NaN;
    // Date.parse rolls 2026-02-30 over to 2 March: a real day reads back the same.
    if (Number.isNaN(instant) || new Date(instant).toISOString().slice(0, 10) !== value) {
      throw new ValidationFailedError([{ field: this.name, reasons: [`${this.name} must be a date, YYYY-MM-DD`] }]);
    }
    return value;
  }
}

/** A calendar date path parameter (YYYY-MM-DD, a real day); anything else is a 400 naming the parameter. */
export const DateParam = (name = 'date'): ParameterDecorator => Param(name, new CalendarDatePipe(name));
