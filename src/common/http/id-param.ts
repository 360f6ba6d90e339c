import { Param, ParseUUIDPipe } from '@nestjs/common';
import { ValidationFailedError } from 'src/common/errors/domain.error';

/** A UUID path parameter; anything else is a 400 naming the parameter, like any other validation failure. */
export const IdParam = (name = 'id'): ParameterDecorator =>
  Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () => new ValidationFailedError([{ field: name, reasons: [`${name} must be a UUID`] }]),
    }),
  );
