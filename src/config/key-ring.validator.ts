import { ValidateBy, ValidationOptions } from 'class-validator';

const KEY_BYTES = 32;

function isBase64Key(value: string): boolean {
  return /^[A-Za-z0-9+/]+={0,2}$/.test(value) && Buffer.from(value, 'base64').length === KEY_BYTES;
}

/** `id:base64key[,id:base64key…]` → id → 32-byte key. Call only after IsKeyRing has passed. */
export function parseKeyRing(value: string): Record<string, Buffer> {
  const ring: Record<string, Buffer> = {};
  for (const entry of value.split(',')) {
    const [id = '', key = ''] = entry.trim().split(':');
    ring[id] = Buffer.from(key, 'base64');
  }
  return ring;
}

export const IsKeyRing = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isKeyRing',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' &&
          value.split(',').every((entry) => {
            const [id, key, extra] = entry.trim().split(':');
            return extra === undefined && !!id && /^[A-Za-z0-9_-]{1,32}$/.test(id) && !!key && isBase64Key(key);
          }),
        // Never echo the value: it is key material.
        defaultMessage: () => '$property must be set: comma-separated id:base64 entries, each key 32 bytes',
      },
    },
    options,
  );

export const IsBase64Key = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isBase64Key',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isBase64Key(value),
        defaultMessage: () => '$property must be set: a base64-encoded 32-byte key',
      },
    },
    options,
  );
