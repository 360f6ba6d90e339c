import { createIdentityFixture, IdentityFixture } from 'test/helpers/identity-fixture';
import { validCallBody, validCaseBody } from 'test/helpers/intake-payloads';
import { createTestApp, TestApp } from 'test/helpers/test-app';
import { DataSource } from 'typeorm';
import { IdempotencyPruneJob } from 'src/idempotency/idempotency-prune.job';

describe('intake under concurrency', () => {
  let t: TestApp;
  let fx: IdentityFixture;

  beforeAll(async () => {
    t = await createTestApp({ env: { DATABASE_POOL_SIZE: '10' } });
    fx = await createIdentityFixture(t);
  });

  afterAll(async () => {
    await t.close();
  });

  const count = async (table: string) =>
    (await t.app.get(DataSource).query<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${table}"`))[0]?.n ?? -1;

  it('50 concurrent creates with one Idempotency-Key make exactly one case, with identical responses', async () => {
    const token = await fx.token('operator_a');
    const before = await count('case');
    const body = validCaseBody();
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        t.http.post<{ id: string; number: string }>('/cases', body, {
          token,
          headers: { 'idempotency-key': 'retry-abc-0001' },
        }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array<number>(50).fill(201));
    expect(new Set(responses.map((r) => JSON.stringify(r.body))).size).toBe(1);
    expect(await count('case')).toBe(before + 1);
    expect(await count('party')).toBe(1);

    const reused = await t.http.post<{ code: string }>(
      '/cases',
      { ...body, narrative: '另一件事' },
      { token, headers: { 'idempotency-key': 'retry-abc-0001' } },
    );
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await count('case')).toBe(before + 1);
  });

  it('the same key on POST /calls also creates once', async () => {
    const token = await fx.token('operator_city');
    const before = await count('call');
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        t.http.post('/calls', validCallBody(), { token, headers: { 'idempotency-key': 'call-key-0001' } }),
      ),
    );
    expect(new Set(responses.map((r) => JSON.stringify(r.body))).size).toBe(1);
    expect(await count('call')).toBe(before + 1);
  });

  it('every creating POST honours the key: a party once, a note once per case, a failed attempt spends nothing', async () => {
    const token = await fx.token('operator_a');
    const withKey = (key: string) => ({ token, headers: { 'idempotency-key': key } });
    const parties = await count('party');
    const party = { name: '李四', phone: '13800001111' };
    const first = await t.http.post<{ id: string }>('/parties', party, withKey('party-key-0001'));
    const retry = await t.http.post<{ id: string }>('/parties', party, withKey('party-key-0001'));
    expect(first.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(await count('party')).toBe(parties + 1);

    // A 400 rolls the claim back with everything else: the corrected retry with the same key does the work.
    const refused = await t.http.post('/parties', { ...party, phone: '12345' }, withKey('party-key-0002'));
    expect(refused.status).toBe(400);
    expect((await t.http.post('/parties', party, withKey('party-key-0002'))).status).toBe(201);
    expect(await count('party')).toBe(parties + 2);

    // The path is part of the request: one key and body cannot add the same note to two cases.
    const [a, b] = await Promise.all(
      [1, 2].map(async () => (await t.http.post<{ id: string }>('/cases', validCaseBody(), { token })).body.id),
    );
    const note = { text: '已电话联系用人单位人事。' };
    const notes = await count('case_event');
    expect((await t.http.post(`/cases/${a ?? ''}/notes`, note, withKey('note-key-0001'))).status).toBe(201);
    expect((await t.http.post(`/cases/${a ?? ''}/notes`, note, withKey('note-key-0001'))).status).toBe(201);
    expect(await count('case_event')).toBe(notes + 1);
    const elsewhere = await t.http.post<{ code: string }>(`/cases/${b ?? ''}/notes`, note, withKey('note-key-0001'));
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.body.code).toBe('IDEMPOTENCY_KEY_REUSED');

    expect((await t.http.post('/parties', party, withKey('short'))).status).toBe(400);
  });

  it('prunes keys after a week: a fresh one still replays, an expired one is a new request', async () => {
    const token = await fx.token('operator_a');
    const send = (key: string) =>
      t.http.post<{ id: string }>('/cases', validCaseBody(), { token, headers: { 'idempotency-key': key } });
    const old = await send('prune-old-0001');
    const recent = await send('prune-new-0001');
    await t.app
      .get(DataSource)
      .query(`UPDATE idempotency_key SET created_at = now() - interval '8 days' WHERE key = 'prune-old-0001'`);
    expect(await t.app.get(IdempotencyPruneJob, { strict: false }).prune()).toBe(1);
    expect((await send('prune-new-0001')).body.id).toBe(recent.body.id);
    const again = await send('prune-old-0001');
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(old.body.id);
  });

  it('case numbers stay unique when many cases are created at once', async () => {
    const token = await fx.token('operator_a');
    const created = await Promise.all(
      Array.from({ length: 30 }, () => t.http.post<{ number: string }>('/cases', validCaseBody(), { token })),
    );
    const numbers = created.map((r) => r.body.number);
    expect(new Set(numbers).size).toBe(30);
  });

  it('a year past 999,999 cases gets seven-digit numbers, not cut ones', async () => {
    const token = await fx.token('operator_a');
    const first = await t.http.post<{ number: string }>('/cases', validCaseBody(), { token });
    const year = first.body.number.slice(3, 7);
    await t.app.get(DataSource).query(`SELECT setval('case_no_${year}', 999999)`);
    const next = await t.http.post<{ number: string }>('/cases', validCaseBody(), { token });
    expect(next.body.number).toBe(`GD-${year}-1000000`);
  });

  it('two concurrent updates from one version: exactly one wins, the other gets 409 and changes nothing', async () => {
    const token = await fx.token('operator_a');
    const created = await t.http.post<{ id: string; version: number }>('/cases', validCaseBody(), { token });
    const id = created.body.id;
    const [a, b] = await Promise.all([
      t.http.patch<{ narrative: string }>(`/cases/${id}`, { narrative: 'A 的修改', version: 1 }, { token }),
      t.http.patch<{ narrative: string }>(`/cases/${id}`, { narrative: 'B 的修改', version: 1 }, { token }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? 'A 的修改' : 'B 的修改';
    const loser = a.status === 200 ? b : a;
    expect((loser.body as unknown as { code: string }).code).toBe('CASE_VERSION_CONFLICT');
    const after = await t.http.get<{ narrative: string; version: number }>(`/cases/${id}`, { token });
    expect(after.body).toMatchObject({ narrative: winner, version: 2 });
    const updates = await t.app
      .get(DataSource)
      .query<{ n: number }[]>("SELECT count(*)::int AS n FROM case_event WHERE case_id = $1 AND type = 'updated'", [
        id,
      ]);
    expect(updates[0]?.n).toBe(1);
  });
});
