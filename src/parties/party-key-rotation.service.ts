import { Injectable } from '@nestjs/common';
import { idNumberIndex, phoneIndex } from 'src/parties/party-pii';
import { PartyRepository, StoredPii } from 'src/parties/party.repository';
import { PiiCipher } from 'src/pii/pii-cipher';

const PAGE = 500;

export interface RotationSummary {
  /** Parties holding a phone or an ID number. */
  scanned: number;
  rewritten: number;
  /** Changed by someone else between read and write: already under the active key, left as they are. */
  skipped: number;
}

/**
 * Maintenance after a key change (docs/security.md, "Rotating keys"): re-encrypts every phone and ID number not
 * under the active key, and with `reindex` recomputes the blind indexes under the current PII_HMAC_KEY. Safe to
 * run while the service is up and to run again: a second run finds nothing to do.
 */
@Injectable()
export class PartyKeyRotation {
  constructor(
    private readonly parties: PartyRepository,
    private readonly pii: PiiCipher,
  ) {}

  async run(options: { reindex: boolean }): Promise<RotationSummary> {
    const summary: RotationSummary = { scanned: 0, rewritten: 0, skipped: 0 };
    let after: string | null = null;
    for (;;) {
      const page = await this.parties.piiPage(after, PAGE);
      const changes = page
        .map((read) => ({ read, next: this.rotated(read, options.reindex) }))
        .filter(({ read, next }) => JSON.stringify(read) !== JSON.stringify(next));
      const written = await this.parties.replacePii(changes);
      summary.scanned += page.length;
      summary.rewritten += written;
      summary.skipped += changes.length - written;
      const last = page.at(-1);
      if (!last || page.length < PAGE) return summary;
      after = last.id;
    }
  }

  private rotated(read: StoredPii, reindex: boolean): StoredPii {
    const next = { ...read };
    if (read.phoneCipher !== null && (reindex || this.pii.isStale(read.phoneCipher))) {
      const phone = this.plain(read.id, 'phone', read.phoneCipher);
      next.phoneCipher = this.pii.isStale(read.phoneCipher) ? this.pii.encrypt('phone', phone) : read.phoneCipher;
      if (reindex) next.phoneIndex = phoneIndex(this.pii, phone);
    }
    if (read.idNumberCipher !== null && (reindex || this.pii.isStale(read.idNumberCipher))) {
      const idNumber = this.plain(read.id, 'idNumber', read.idNumberCipher);
      next.idNumberCipher = this.pii.isStale(read.idNumberCipher)
        ? this.pii.encrypt('idNumber', idNumber)
        : read.idNumberCipher;
      if (reindex) next.idNumberIndex = idNumberIndex(this.pii, idNumber);
    }
    return next;
  }

  /** Decrypts, naming the party (never the value) when a key is missing from the ring. */
  private plain(partyId: string, field: 'phone' | 'idNumber', stored: string): string {
    try {
      return this.pii.decrypt(field, stored);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`party ${partyId}: cannot decrypt ${field} (${reason})`);
    }
  }
}
