import { createIdentityFixture, FixtureUser, IdentityFixture } from 'test/helpers/identity-fixture';
import { validCallBody } from 'test/helpers/intake-payloads';
import { createTestApp, TestApp } from 'test/helpers/test-app';

interface Case {
  id: string;
  status: string;
  version: number;
  orgUnitId: string;
  assigneeId: string | null;
  outcome: string | null;
  claimed: string;
}

describe('a labour dispute through the workflow', () => {
  let t: TestApp;
  let fx: IdentityFixture;

  beforeAll(async () => {
    t = await createTestApp();
    fx = await createIdentityFixture(t);
  });

  afterAll(async () => {
    await t.close();
  });

  it('call → dispatch → return → re-dispatch → accept → contact → close → dissatisfied → reopen → close → satisfied', async () => {
    const as = async (user: FixtureUser) => t.http.withToken(await fx.token(user));
    const operator = await as('operator_city');
    const dispatcher = await as('dispatcher_city');
    const mediator = await as('mediator_a1');

    const call = await operator.post<{ caseId: string }>('/calls', validCallBody());
    const id = call.body.caseId;
    let current = (await operator.get<Case>(`/cases/${id}`)).body;
    const step = async (
      client: typeof operator,
      command: string,
      body: Record<string, unknown>,
      expected: Partial<Case>,
    ) => {
      const res = await client.post<Case>(`/cases/${id}/${command}`, { ...body, version: current.version });
      expect({ command, status: res.status, body: res.body }).toMatchObject({ command, status: 200, body: expected });
      expect(res.body.version).toBe(current.version + 1);
      current = res.body;
    };

    await step(
      operator,
      'classify',
      { kind: 'labour_dispute', category: 'wage_arrears', priority: 'normal' },
      { status: 'triaged' },
    );
    await step(
      dispatcher,
      'dispatch',
      { orgUnitId: fx.units.streetA1.id },
      { status: 'dispatched', orgUnitId: fx.units.streetA1.id },
    );
    // The street union now owns it: its district sees it, the other district does not.
    expect((await (await as('leader_a')).get(`/cases/${id}`)).status).toBe(200);
    expect((await (await as('mediator_b1')).get(`/cases/${id}`)).status).toBe(404);

    await step(mediator, 'return', { reason: '不属于本街道管辖' }, { status: 'triaged', orgUnitId: fx.units.city.id });
    expect((await mediator.get(`/cases/${id}`)).status).toBe(404);
    await step(
      dispatcher,
      'dispatch',
      { orgUnitId: fx.units.streetA1.id, note: '请核实后受理' },
      { status: 'dispatched' },
    );
    await step(mediator, 'accept', {}, { status: 'in_progress', assigneeId: fx.userId('mediator_a1') });
    await step(
      mediator,
      'record-contact',
      { with: 'worker', method: 'phone', note: '约定周三面谈' },
      { status: 'in_progress' },
    );
    await step(dispatcher, 'urge', { note: '请本周内反馈' }, { status: 'in_progress' });
    await step(mediator, 'propose-closure', { outcome: 'resolved_by_negotiation' }, { status: 'resolved' });
    await step(
      dispatcher,
      'close',
      { outcome: 'resolved_by_negotiation' },
      { status: 'closed', outcome: 'resolved_by_negotiation' },
    );

    // The handler may not make the callback.
    const own = await mediator.post<{ code: string }>(`/cases/${id}/record-callback`, {
      result: 'satisfied',
      version: current.version,
    });
    expect(own.status).toBe(403);
    await step(operator, 'record-callback', { result: 'dissatisfied', note: '工资仍未到账' }, { status: 'closed' });
    await step(dispatcher, 'reopen', { reason: '回访不满意，工资未到账' }, { status: 'in_progress', outcome: null });
    await step(mediator, 'propose-closure', { outcome: 'settled' }, { status: 'resolved' });
    await step(dispatcher, 'close', { outcome: 'settled' }, { status: 'closed', outcome: 'settled' });
    const reopenAgain = await dispatcher.post<{ code: string }>(`/cases/${id}/reopen`, {
      reason: 'x',
      version: current.version,
    });
    expect(reopenAgain.status).toBe(409);
    await step(operator, 'record-callback', { result: 'satisfied' }, { status: 'closed' });

    const events = (await operator.get<{ type: string }[]>(`/cases/${id}/events`)).body.map((e) => e.type);
    expect(events).toEqual([
      'received',
      'classified',
      'dispatched',
      'returned',
      'dispatched',
      'accepted',
      'contact_recorded',
      'urged',
      'closure_proposed',
      'closed',
      'callback_recorded',
      'reopened',
      'closure_proposed',
      'closed',
      'callback_recorded',
    ]);
    expect(current.claimed).toBe('12345.67');
  });

  it('two users issuing commands on one case at once: one wins, the other gets 409', async () => {
    const operator = t.http.withToken(await fx.token('operator_city'));
    const call = await operator.post<{ caseId: string }>('/calls', validCallBody());
    const id = call.body.caseId;
    await operator.post(`/cases/${id}/classify`, {
      kind: 'complaint',
      category: 'other',
      priority: 'normal',
      version: 1,
    });
    const dispatcher = t.http.withToken(await fx.token('dispatcher_city'));
    const [a, b] = await Promise.all([
      dispatcher.post(`/cases/${id}/dispatch`, { orgUnitId: fx.units.streetA1.id, version: 2 }),
      operator.post(`/cases/${id}/withdraw`, { reason: '劳动者撤回', version: 2 }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const final = (await operator.get<Case>(`/cases/${id}`)).body;
    expect(final.version).toBe(3);
    expect(final.status).toBe(a.status === 200 ? 'dispatched' : 'closed');
  });
});
