import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

export type PiiField = 'phone' | 'idNumber';

export interface PiiKeyRing {
  activeKeyId: string;
  /** key id → 32-byte AES key */
  keys: Record<string, Buffer>;
  /** Key for the blind index (HMAC-SHA256). Rotating it means recomputing every index: see docs/security.md. */
  hmacKey: Buffer;
}

const VERSION = 'v1';

/**
 * AES-256-GCM for personal data at rest. The stored form is `v1:<keyId>:<iv>:<tag>:<ciphertext>` (base64url), so a
 * value written under an old key still decrypts after the active key changes. The field name is the AAD: a phone
 * ciphertext pasted into the ID-number column does not decrypt.
 */
export class PiiCipher {
  constructor(private readonly ring: PiiKeyRing) {
    if (!(ring.activeKeyId in ring.keys)) throw new Error(`PII active key ${ring.activeKeyId} is not in the key ring`);
  }

  encrypt(field: PiiField, plain: string): string {
    const key = this.key(this.ring.activeKeyId);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(field));
    const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const parts = [iv, cipher.getAuthTag(), ciphertext].map((b) => b.toString('base64url'));
    return [VERSION, this.ring.activeKeyId, ...parts].join(':');
  }

  decrypt(field: PiiField, stored: string): string {
    const [version, keyId, iv, tag, ciphertext] = stored.split(':');
    if (version !== VERSION || !keyId || !iv || !tag || ciphertext === undefined) {
      throw new Error('Unrecognised ciphertext format');
    }
    const decipher = createDecipheriv('aes-256-gcm', this.key(keyId), Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(field));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  }

  /** Whether a stored value was written under a key other than the active one (for re-encryption). */
  isStale(stored: string): boolean {
    return stored.split(':')[1] !== this.ring.activeKeyId;
  }

  /** Keyed hash for exact-match lookup; the field name separates the domains of phone and ID indexes. */
  blindIndex(field: PiiField, normalized: string): string {
    return createHmac('sha256', this.ring.hmacKey).update(`${field}:${normalized}`).digest('hex');
  }

  /**
   * A keyed fingerprint of a request that may hold personal data (an Idempotency-Key's request): an unkeyed hash
   * of a body with a phone number in it could be reversed by trying every number. The prefix keeps these apart
   * from the blind indexes made with the same key.
   */
  fingerprint(purpose: string, data: string): string {
    return createHmac('sha256', this.ring.hmacKey).update(`fingerprint/${purpose}\u0000${data}`).digest('hex');
  }

  private key(id: string): Buffer {
    const key = this.ring.keys[id];
    if (!key) throw new Error(`PII key ${id} is not configured`);
    return key;
  }
}

/** `138****1234`: enough for the caller to recognise, not enough to dial. */
export function maskPhone(phone: string): string {
  return phone.length < 8 ? '****' : `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

/** `110105********123X`: region and last four only. */
export function maskIdNumber(id: string): string {
  return id.length < 10 ? '********' : `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}
