import { ValidateBy, ValidationOptions } from 'class-validator';
import { isChineseMobile, isResidentIdNumber, isUnifiedSocialCreditCode } from 'src/common/validation/china-ids';

const onString = (check: (value: string) => boolean) => (value: unknown) => typeof value === 'string' && check(value);

export const IsChineseMobile = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isChineseMobile',
      validator: {
        validate: onString(isChineseMobile),
        defaultMessage: () => '$property must be a mainland mobile number (11 digits starting with 13–19)',
      },
    },
    options,
  );

export const IsResidentIdNumber = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isResidentIdNumber',
      validator: {
        validate: onString((value) => isResidentIdNumber(value)),
        defaultMessage: () => '$property must be an 18-character resident ID number with a valid date and check digit',
      },
    },
    options,
  );

export const IsUnifiedSocialCreditCode = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isUnifiedSocialCreditCode',
      validator: {
        validate: onString(isUnifiedSocialCreditCode),
        defaultMessage: () =>
          '$property must be an 18-character unified social credit code with a valid check character',
      },
    },
    options,
  );
