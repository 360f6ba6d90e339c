import { randomBytes } from 'node:crypto';
import { PartyKeyRotation } from 'src/parties/party-key-rotation.service';
import { PartyRepository } from 'src/parties/party.repository';
import { PiiCipher } from 'src/pii/pii-cipher';
import { DataSource } from 'typeorm';
import { createIdentityFixture } from 'test/helpers/identity-fixture';
import { VALID_ID_NUMBER } from 'test/helpers/intake-payloads';
import { createTestApp, TestApp } from 'test/helpers/test-app';

interface Row {
  id: string;
  name: string;
  phone_cipher: string | null;
  phone_index: string | null;
  id_number_cipher: string | null;
  id_number_index: string | null;
  version: number;
}

describe('PII key rotation (npm run pii:rotate)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('re-encrypts under the new active key, recomputes indexes with --reindex, and a second run does nothing', async () => {
    const db = t.app.get(DataSource);
    const fx = await createIdentityFixture(t);
    const operator = t.http.withToken(await fx.token('operator_city'));
    const people = [
      { name: '李四', phone: '+86 138 0000 1111', idNumber: VALID_ID_NUMBER.toLowerCase() },
      { name: '张三', phone: '13900002222' },
      { name: '赵五' },
    ];
    for (const person of people) expect((await operator.post('/parties', person)).status).toBe(201);
    const rows = () =>
      db.query<Row[]>(
        'SELECT id, name, phone_cipher, phone_index, id_number_cipher, id_number_index, version FROM party ORDER BY id',
      );
    const before = await rows();
    const old = new PiiCipher(t.config.pii);

    // The operator adds key t3, makes it active, and later also changes the blind-index key.
    const ring = { ...t.config.pii, keys: { ...t.config.pii.keys, t3: randomBytes(32) }, activeKeyId: 't3' };
    const rotation = (cipher: PiiCipher) => new PartyKeyRotation(t.app.get(PartyRepository, { strict: false }), cipher);
    const rekeyed = new PiiCipher(ring);

    expect(await rotation(rekeyed).run({ reindex: false })).toEqual({ scanned: 2, rewritten: 2, skipped: 0 });
    const after = await rows();
    for (const [i, row] of after.entries()) {
      const was = before[i];
      for (const [field, column] of [
        ['phone', 'phone_cipher'],
        ['idNumber', 'id_number_cipher'],
      ] as const) {
        const stored = row[column];
        const previous = was?.[column] ?? null;
        if (previous === null) {
          expect(stored).toBeNull();
          continue;
        }
        expect(stored).toMatch(/^v1:t3:/);
        expect(rekeyed.decrypt(field, stored ?? '')).toBe(old.decrypt(field, previous));
      }
      // Same indexes (same HMAC key), same version: the party's data did not change.
      expect([row.phone_index, row.id_number_index, row.version]).toEqual([
        was?.phone_index,
        was?.id_number_index,
        was?.version,
      ]);
    }
    expect(await rotation(rekeyed).run({ reindex: false })).toEqual({ scanned: 2, rewritten: 0, skipped: 0 });

    const rehashed = new PiiCipher({ ...ring, hmacKey: randomBytes(32) });
    expect(await rotation(rehashed).run({ reindex: true })).toEqual({ scanned: 2, rewritten: 2, skipped: 0 });
    const final = await rows();
    const li = final.find((r) => r.name === '李四');
    const zhang = final.find((r) => r.name === '张三');
    expect(li?.phone_index).toBe(rehashed.blindIndex('phone', '13800001111'));
    expect(li?.id_number_index).toBe(rehashed.blindIndex('idNumber', VALID_ID_NUMBER));
    expect(zhang?.phone_index).toBe(rehashed.blindIndex('phone', '13900002222'));
    expect(await rotation(rehashed).run({ reindex: true })).toEqual({ scanned: 2, rewritten: 0, skipped: 0 });
  });

  it('stops, naming the party and never the value, when a key it needs is gone from the ring', async () => {
    const db = t.app.get(DataSource);
    const [row] = await db.query<{ id: string }[]>(
      'SELECT id FROM party WHERE phone_cipher IS NOT NULL ORDER BY id LIMIT 1',
    );
    const withoutOld = new PiiCipher({ activeKeyId: 't9', keys: { t9: randomBytes(32) }, hmacKey: randomBytes(32) });
    const run = new PartyKeyRotation(t.app.get(PartyRepository, { strict: false }), withoutOld).run({ reindex: false });
    await expect(run).rejects.toThrow(new RegExp(`^party ${row?.id ?? 'none'}: cannot decrypt`));
  });
});
