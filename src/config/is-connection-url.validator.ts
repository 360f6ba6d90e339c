import { registerDecorator, ValidationOptions } from 'class-validator';

/**
 * A connection URL with one of the given protocols and a host. The message never echoes the value:
 * connection URLs carry passwords, and this message ends up in logs.
 */
export function IsConnectionUrl(protocols: string[], opts: { requireDatabase: boolean }, options?: ValidationOptions) {
  return (target: object, propertyName: string) => {
    registerDecorator({
      name: 'isConnectionUrl',
      target: target.constructor,
      propertyName,
      options: {
        message: `$property must be a URL like ${protocols[0] ?? ''}//user:password@host:port${opts.requireDatabase ? '/database' : ''}`,
        ...options,
      },
      validator: {
        validate(value: unknown): boolean {
          if (typeof value !== 'string') return false;
          let url: URL;
          try {
            url = new URL(value);
          } catch {
            return false;
          }
          if (!protocols.includes(url.protocol) || url.hostname === '') return false;
          return !opts.requireDatabase || url.pathname.replace(/^\//, '') !== '';
        },
      },
    });
  };
}
