import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { residentIdCheckChar } from 'src/common/validation/china-ids';
import { createIdentityFixture, FixtureUser, IdentityFixture } from 'test/helpers/identity-fixture';
import { createTestApp, TestApp } from 'test/helpers/test-app';
import { DataSource } from 'typeorm';

const CANARY_PHONE = '13987654321';
// A syntactically valid ID (real check digit) that appears nowhere else, so any plain-text copy is detectable.
const CANARY_ID_NUMBER = '11010519850624231' + residentIdCheckChar('11010519850624231');

interface Party {
  id: string;
  phoneMasked: string | null;
  idNumberMasked: string | null;
}

describe('personal data protection', () => {
  let t: TestApp;
  let fx: IdentityFixture;
  let partyId: string;
  const logDir = mkdtempSync(join(tmpdir(), 'gd-logs-'));
  const logFile = join(logDir, 'app.log');

  beforeAll(async () => {
    t = await createTestApp({ env: { LOG_LEVEL: 'trace', LOG_DESTINATION: logFile } });
    fx = await createIdentityFixture(t);
    const res = await t.http.post<Party>(
      '/parties',
      { name: '赵六', phone: CANARY_PHONE, idNumber: CANARY_ID_NUMBER, orgUnitId: fx.units.streetA1.id },
      { token: await fx.token('operator_a') },
    );
    expect(res.status).toBe(201);
    partyId = res.body.id;
  });

  afterAll(async () => {
    await t.close();
    rmSync(logDir, { recursive: true, force: true });
  });

  it('answers masked forms on create, read, list and lookup', async () => {
    for (const user of ['operator_a', 'leader_a', 'dispatcher_a', 'mediator_a1'] as FixtureUser[]) {
      const token = await fx.token(user);
      const one = await t.http.get<Party>(`/parties/${partyId}`, { token });
      expect(one.body.phoneMasked).toBe('139****4321');
      expect(one.body.idNumberMasked).toBe(`110105********${CANARY_ID_NUMBER.slice(-4)}`);
      const list = await t.http.get<{ items: Party[] }>('/parties', { token });
      expect(JSON.stringify(list.body)).not.toContain(CANARY_PHONE);
      expect(JSON.stringify(list.body)).not.toContain(CANARY_ID_NUMBER);
    }
    const lookup = await t.http.post<Party[]>(
      '/parties/lookup',
      { phone: CANARY_PHONE },
      { token: await fx.token('dispatcher_a') },
    );
    expect(lookup.body.map((p) => p.id)).toEqual([partyId]);
    expect(JSON.stringify(lookup.body)).not.toContain(CANARY_PHONE);
  });

  it('roles without the reveal permission cannot reveal', async () => {
    for (const user of ['leader_a', 'dispatcher_a', 'admin_city'] as FixtureUser[]) {
      const res = await t.http.post(
        `/parties/${partyId}/reveal`,
        { field: 'phone', purpose: 'curious' },
        { token: await fx.token(user) },
      );
      expect(res.status).toBe(403);
      expect(JSON.stringify(res.body)).not.toContain(CANARY_PHONE);
    }
  });

  it('a reveal returns the value and writes exactly one audit entry without it', async () => {
    const db = t.app.get(DataSource);
    const count = async () =>
      (
        await db.query<{ n: number }[]>(
          "SELECT count(*)::int AS n FROM audit_entry WHERE action = 'party.reveal' AND target_id = $1",
          [partyId],
        )
      )[0]?.n;
    expect(await count()).toBe(0);
    const res = await t.http.post<{ value: string }>(
      `/parties/${partyId}/reveal`,
      { field: 'idNumber', purpose: '核实身份以便申请法律援助' },
      { token: await fx.token('legal_a') },
    );
    expect(res.status).toBe(200);
    expect(res.body.value).toBe(CANARY_ID_NUMBER);
    expect(await count()).toBe(1);
    const [entry] = await db.query<Record<string, unknown>[]>(
      "SELECT * FROM audit_entry WHERE action = 'party.reveal' AND target_id = $1",
      [partyId],
    );
    expect(entry).toMatchObject({ actor_username: 'legal_a', target_type: 'party' });
    expect(entry?.detail).toEqual({ field: 'idNumber', purpose: '核实身份以便申请法律援助' });
    expect(JSON.stringify(entry)).not.toContain(CANARY_ID_NUMBER);
  });

  it("a case's worker goes with the case: the union it is dispatched to may read and reveal, others may not", async () => {
    const city = t.http.withToken(await fx.token('operator_city'));
    const created = await city.post<{ id: string; version: number; workerPartyId: string }>('/cases', {
      kind: 'labour_dispute',
      category: 'wage_arrears',
      narrative: '市总接线后派往街道',
      worker: { name: '钱七', phone: '13911112222' },
    });
    expect(created.status).toBe(201);
    const worker = created.body.workerPartyId;
    const mediator = await fx.token('mediator_a1');
    // Recorded at the city: a street union sees neither the party nor, yet, the case.
    expect((await t.http.get(`/parties/${worker}`, { token: mediator })).status).toBe(404);
    const lookup = async () =>
      (
        await t.http.post<Party[]>(
          '/parties/lookup',
          { phone: '13911112222' },
          { token: await fx.token('dispatcher_a') },
        )
      ).body.map((p) => p.id);
    expect(await lookup()).toEqual([]);

    const dispatcher = t.http.withToken(await fx.token('dispatcher_city'));
    const classified = await dispatcher.post<{ version: number }>(`/cases/${created.body.id}/classify`, {
      kind: 'labour_dispute',
      category: 'wage_arrears',
      priority: 'normal',
      version: created.body.version,
    });
    expect(classified.status).toBe(200);
    const dispatched = await dispatcher.post(`/cases/${created.body.id}/dispatch`, {
      orgUnitId: fx.units.streetA1.id,
      version: classified.body.version,
    });
    expect(dispatched.status).toBe(200);

    // The district's repeat-caller lookup now finds the same worker (no duplicate party on the next call).
    expect(await lookup()).toEqual([worker]);
    const seen = await t.http.get<Party>(`/parties/${worker}`, { token: mediator });
    expect(seen.status).toBe(200);
    expect(seen.body.phoneMasked).toBe('139****2222');
    const revealed = await t.http.post<{ value: string }>(
      `/parties/${worker}/reveal`,
      { field: 'phone', purpose: '联系劳动者约定调解时间' },
      { token: mediator },
    );
    expect(revealed.body.value).toBe('13911112222');
    // Filed where the street union's admins (and those above) find it.
    const [entry] = await t.app
      .get(DataSource)
      .query<{ scope_path: string }[]>(
        "SELECT scope_path FROM audit_entry WHERE action = 'party.reveal' AND target_id = $1",
        [worker],
      );
    expect(entry?.scope_path).toBe(fx.units.streetA1.path);
    for (const other of ['mediator_b1', 'mediator_a2'] as FixtureUser[]) {
      expect((await t.http.get(`/parties/${worker}`, { token: await fx.token(other) })).status).toBe(404);
    }
  });

  it('the audit log refuses updates and deletes', async () => {
    const db = t.app.get(DataSource);
    await expect(db.query("UPDATE audit_entry SET action = 'x'")).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM audit_entry')).rejects.toThrow(/append-only/);
  });

  it('a dump of the database holds neither canary in plain text, yet lookup finds the party', async () => {
    const dump = execFileSync('/usr/lib/postgresql/15/bin/pg_dump', ['--no-owner', t.db.url], {
      maxBuffer: 256 * 1024 * 1024,
    }).toString();
    expect(dump).toContain('赵六');
    expect(dump).not.toContain(CANARY_PHONE);
    expect(dump).not.toContain(CANARY_ID_NUMBER);
    const lookup = await t.http.post<Party[]>(
      '/parties/lookup',
      { phone: `+86 ${CANARY_PHONE}` },
      { token: await fx.token('mediator_a1') },
    );
    expect(lookup.body.map((p) => p.id)).toEqual([partyId]);
  });

  it('the logs of the run contain neither canary', () => {
    const logs = readFileSync(logFile, 'utf8');
    expect(logs.length).toBeGreaterThan(1000);
    expect(logs).toContain('/parties');
    expect(logs).not.toContain(CANARY_PHONE);
    expect(logs).not.toContain(CANARY_ID_NUMBER);
  });
});
