import { createIdentityFixture, FixtureUser, IdentityFixture } from 'test/helpers/identity-fixture';
import { HttpClient } from 'test/helpers/http-client';
import { validCaseBody } from 'test/helpers/intake-payloads';
import { createTestApp, TestApp } from 'test/helpers/test-app';

interface PendingExtension {
  id: string;
  caseId: string;
  timerId: string;
  state: string;
  caseNumber: string;
  timer: string;
  dueAt: string;
  requestedAt: string;
}
interface ExtensionPage {
  items: PendingExtension[];
  nextCursor: string | null;
}
interface Timer {
  id: string;
  timer: string;
  dueAt: string;
}
interface ErrorBody {
  code: string;
  details?: { field: string; reasons: string[] }[];
}

describe('GET /sla/extension-requests: the extension requests a dispatcher has to decide', () => {
  let t: TestApp;
  let fx: IdentityFixture;
  let as: (user: FixtureUser) => Promise<HttpClient>;
  const asked: Record<'a1' | 'b1' | 'a1Decided', { id: string; caseId: string; number: string; timer: Timer }> = {
    a1: { id: '', caseId: '', number: '', timer: { id: '', timer: '', dueAt: '' } },
    b1: { id: '', caseId: '', number: '', timer: { id: '', timer: '', dueAt: '' } },
    a1Decided: { id: '', caseId: '', number: '', timer: { id: '', timer: '', dueAt: '' } },
  };
  const list = async (user: FixtureUser, query = '') =>
    (await as(user)).get<ExtensionPage & ErrorBody>(`/sla/extension-requests${query}`);
  const resolutionOf = async (caseId: string) => {
    const timers = await (await as('dispatcher_city')).get<Timer[]>(`/cases/${caseId}/timers`);
    const found = timers.body.find((x) => x.timer === 'resolution');
    if (!found) throw new Error('no resolution clock');
    return found;
  };

  /** A case in a street union whose mediator asks for two more working days on the resolution clock. */
  const ask = async (unit: 'streetA1' | 'streetB1', mediator: 'mediator_a1' | 'mediator_b1') => {
    const created = await (
      await as('operator_city')
    ).post<{ id: string; number: string }>('/cases', { ...validCaseBody(), orgUnitId: fx.units[unit].id });
    expect(created.status).toBe(201);
    const timer = await resolutionOf(created.body.id);
    const res = await (
      await as(mediator)
    ).post<{ id: string }>(`/cases/${created.body.id}/timers/${timer.id}/extension-requests`, {
      amount: 2,
      unit: 'days',
      reason: '用人单位申请延期提交工资发放记录',
    });
    expect(res.status).toBe(201);
    return { id: res.body.id, caseId: created.body.id, number: created.body.number, timer };
  };

  beforeAll(async () => {
    t = await createTestApp();
    fx = await createIdentityFixture(t);
    as = async (user) => t.http.withToken(await fx.token(user));
    asked.a1 = await ask('streetA1', 'mediator_a1');
    asked.b1 = await ask('streetB1', 'mediator_b1');
    asked.a1Decided = await ask('streetA1', 'mediator_a1');
    const { caseId, timer, id } = asked.a1Decided;
    const approved = await (
      await as('dispatcher_a')
    ).post(`/cases/${caseId}/timers/${timer.id}/extension-requests/${id}/approve`, { note: '同意' });
    expect(approved.status).toBe(200);
  });

  afterAll(async () => {
    await t.close();
  });

  it('lists the pending requests in scope, oldest first, with the case number, the clock and its due time', async () => {
    const res = await list('dispatcher_city', '?state=pending');
    expect(res.status).toBe(200);
    expect(res.body.items.map((r) => r.id)).toEqual([asked.a1.id, asked.b1.id]);
    expect(res.body.items[0]).toMatchObject({
      id: asked.a1.id,
      caseId: asked.a1.caseId,
      timerId: asked.a1.timer.id,
      state: 'pending',
      caseNumber: asked.a1.number,
      timer: 'resolution',
      dueAt: asked.a1.timer.dueAt,
    });
    expect(res.body.nextCursor).toBeNull();
  });

  it('without a state lists every request; a decided one shows the clock’s due time after the extension', async () => {
    const all = await list('dispatcher_city');
    expect(all.body.items.map((r) => r.id)).toEqual([asked.a1.id, asked.b1.id, asked.a1Decided.id]);
    const approved = await list('dispatcher_city', '?state=approved');
    const moved = await resolutionOf(asked.a1Decided.caseId);
    expect(moved.dueAt > asked.a1Decided.timer.dueAt).toBe(true);
    expect(approved.body.items).toEqual([
      expect.objectContaining({ id: asked.a1Decided.id, state: 'approved', dueAt: moved.dueAt }),
    ]);
    expect((await list('dispatcher_city', '?state=rejected')).body.items).toEqual([]);
  });

  it('keeps to the caller’s subtree: a district dispatcher sees only its own district’s requests', async () => {
    expect((await list('dispatcher_a', '?state=pending')).body.items.map((r) => r.id)).toEqual([asked.a1.id]);
    expect((await list('dispatcher_a')).body.items.map((r) => r.id)).toEqual([asked.a1.id, asked.a1Decided.id]);
  });

  it('pages with a keyset cursor in the same order', async () => {
    const first = await list('dispatcher_city', '?limit=2');
    expect(first.body.items.map((r) => r.id)).toEqual([asked.a1.id, asked.b1.id]);
    expect(first.body.nextCursor).not.toBeNull();
    const second = await list('dispatcher_city', `?limit=2&cursor=${first.body.nextCursor ?? ''}`);
    expect(second.body.items.map((r) => r.id)).toEqual([asked.a1Decided.id]);
    expect(second.body.nextCursor).toBeNull();
  });

  it('is for those who decide extensions (dispatchers) only', async () => {
    expect((await list('mediator_a1')).status).toBe(403);
    expect((await list('leader_city')).status).toBe(403);
  });

  it('rejects a bad state, limit or cursor with a 400 naming the field', async () => {
    for (const [query, field] of [
      ['?state=waiting', 'state'],
      ['?limit=0', 'limit'],
      ['?limit=101', 'limit'],
      ['?cursor=bm90LWEtY3Vyc29y', 'cursor'],
    ] as const) {
      const res = await list('dispatcher_city', query);
      expect({ query, status: res.status, fields: res.body.details?.map((d) => d.field) }).toEqual({
        query,
        status: 400,
        fields: [field],
      });
    }
  });
});
