import { randomBytes } from 'node:crypto';
import { maskIdNumber, maskPhone, PiiCipher, PiiKeyRing } from 'src/pii/pii-cipher';

function ring(activeKeyId: string, keys: Record<string, Buffer>, hmacKey = Buffer.alloc(32, 7)): PiiKeyRing {
  return { activeKeyId, keys, hmacKey };
}

describe('PiiCipher', () => {
  const k1 = randomBytes(32);
  const k2 = randomBytes(32);

  it('round-trips and never stores the plain value', () => {
    const cipher = new PiiCipher(ring('k1', { k1 }));
    const stored = cipher.encrypt('phone', '13912345678');
    expect(stored).not.toContain('13912345678');
    expect(stored.startsWith('v1:k1:')).toBe(true);
    expect(cipher.decrypt('phone', stored)).toBe('13912345678');
  });

  it('uses a fresh IV each time', () => {
    const cipher = new PiiCipher(ring('k1', { k1 }));
    expect(cipher.encrypt('phone', '13912345678')).not.toBe(cipher.encrypt('phone', '13912345678'));
  });

  it('reads values written under a previous key after rotation, and flags them stale', () => {
    const old = new PiiCipher(ring('k1', { k1 })).encrypt('idNumber', '11010519491231002X');
    const rotated = new PiiCipher(ring('k2', { k1, k2 }));
    expect(rotated.decrypt('idNumber', old)).toBe('11010519491231002X');
    expect(rotated.isStale(old)).toBe(true);
    expect(rotated.isStale(rotated.encrypt('idNumber', '11010519491231002X'))).toBe(false);
  });

  it('rejects tampering and a value moved to another field', () => {
    const cipher = new PiiCipher(ring('k1', { k1 }));
    const stored = cipher.encrypt('phone', '13912345678');
    expect(() => cipher.decrypt('idNumber', stored)).toThrow();
    const parts = stored.split(':');
    parts[4] = Buffer.from('13900000000').toString('base64url');
    expect(() => cipher.decrypt('phone', parts.join(':'))).toThrow();
  });

  it('refuses a ring whose active key is missing', () => {
    expect(() => new PiiCipher(ring('k9', { k1 }))).toThrow(/k9/);
  });

  it('gives a stable blind index per field and key', () => {
    const a = new PiiCipher(ring('k1', { k1 }));
    expect(a.blindIndex('phone', '13912345678')).toBe(a.blindIndex('phone', '13912345678'));
    expect(a.blindIndex('phone', '13912345678')).not.toBe(a.blindIndex('idNumber', '13912345678'));
    const b = new PiiCipher(ring('k1', { k1 }, Buffer.alloc(32, 9)));
    expect(b.blindIndex('phone', '13912345678')).not.toBe(a.blindIndex('phone', '13912345678'));
  });

  it('fingerprints requests with the key, apart from the blind indexes', () => {
    const a = new PiiCipher(ring('k1', { k1 }));
    const body = '{"phone":"13912345678"}';
    expect(a.fingerprint('idempotency-request', body)).toBe(a.fingerprint('idempotency-request', body));
    expect(a.fingerprint('idempotency-request', body)).toMatch(/^[0-9a-f]{64}$/);
    expect(a.fingerprint('idempotency-request', body)).not.toBe(a.fingerprint('other', body));
    expect(a.fingerprint('phone', '13912345678')).not.toBe(a.blindIndex('phone', '13912345678'));
    const b = new PiiCipher(ring('k1', { k1 }, Buffer.alloc(32, 9)));
    expect(b.fingerprint('idempotency-request', body)).not.toBe(a.fingerprint('idempotency-request', body));
  });
});

describe('masking', () => {
  it('masks phones and ID numbers as the spec shows', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskIdNumber('11010519491231123X')).toBe('110105********123X');
  });
});
