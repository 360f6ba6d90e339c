import { ValidateBy, ValidationOptions } from 'class-validator';
import { isYuanString } from 'src/common/money/money';

export const IsYuan = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isYuan',
      validator: {
        validate: isYuanString,
        defaultMessage: () =>
          '$property must be an amount in yuan as a string with at most two decimals, e.g. "12345.67"',
      },
    },
    options,
  );
