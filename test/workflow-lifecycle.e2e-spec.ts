import { createIdentityFixture, FixtureUser, IdentityFixture } from 'test/helpers/identity-fixture';
import { validCallBody } from 'test/helpers/intake-payloads';
import { createTestApp, TestApp } from 'test/helpers/test-app';

interface Case {
  id: string;
  awarded: string;
  recovered: string;
  firstWorkerContactAt: string | null;
  reopenCount: number;
  legalStage: string | null;
  legalAidEligible: boolean | null;
  proposedOutcome: string | null;
  lastCallbackResult: string | null;
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

  it('call → dispatch → return → re-dispatch → accept → contact → mediation → legal aid → award → payments → close → dissatisfied → reopen → close → satisfied', async () => {
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
    expect(current.firstWorkerContactAt).not.toBeNull();
    await step(dispatcher, 'urge', { note: '请本周内反馈' }, { status: 'in_progress' });

    await step(mediator, 'start-mediation', {}, { status: 'mediation' });
    const session = { place: '东华门街道总工会调解室', partiesPresent: ['劳动者本人', '用人单位人事经理'] };
    await step(
      mediator,
      'record-session',
      { ...session, sessionDate: '2026-11-25', result: 'employer_absent' },
      { status: 'mediation' },
    );
    await step(
      mediator,
      'record-session',
      { ...session, sessionDate: '2026-12-02', result: 'no_agreement' },
      { status: 'mediation' },
    );
    await step(mediator, 'record-no-agreement', { reason: '用人单位拒绝支付' }, { status: 'in_progress' });

    const legal = await as('legal_a');
    await step(
      mediator,
      'refer-legal-aid',
      { reason: '调解不成，申请法律援助' },
      { status: 'legal_aid', legalStage: 'assessment' },
    );
    await step(legal, 'decide-eligibility', { eligible: true, reason: '符合法律援助条件' }, { legalAidEligible: true });
    await step(
      legal,
      'record-stage',
      {
        stage: 'arbitration',
        forum: '北京市东城区劳动人事争议仲裁委员会',
        externalCaseNumber: '京东劳人仲字[2026]第1234号',
        filedOn: '2026-12-05',
      },
      { status: 'legal_aid', legalStage: 'arbitration', awarded: '0.00' },
    );
    await step(
      legal,
      'record-stage',
      { stage: 'arbitration', decidedOn: '2027-01-10', awarded: '11000.00' },
      { awarded: '11000.00' },
    );
    expect(current).toMatchObject({ claimed: '12345.67', awarded: '11000.00', recovered: '0.00' });

    const pay = async (amount: string, paidOn: string) => {
      await step(legal, 'record-payment', { amount, paidOn, payer: 'employer' }, { status: 'legal_aid' });
      const ledger = await legal.get<{ entries: { id: string; amount: string }[] }>(`/cases/${id}/payments`);
      return ledger.body.entries.at(-1)?.id ?? '';
    };
    const partial = await pay('6000.00', '2027-01-20');
    expect(current.recovered).toBe('6000.00');
    await step(
      legal,
      'correct-payment',
      { correctsPaymentId: partial, amount: '1000.00', reason: '实际到账5000元' },
      { recovered: '5000.00' },
    );
    await pay('6000.00', '2027-02-01');
    expect(current).toMatchObject({ claimed: '12345.67', awarded: '11000.00', recovered: '11000.00' });
    const ledger = await legal.get<{ recovered: string; entries: { amount: string; correctsId: string | null }[] }>(
      `/cases/${id}/payments`,
    );
    expect(ledger.body.recovered).toBe('11000.00');
    expect(ledger.body.entries.map((e) => e.amount)).toEqual(['6000.00', '-1000.00', '6000.00']);

    await step(
      legal,
      'propose-closure',
      { outcome: 'arbitration_award' },
      { status: 'resolved', proposedOutcome: 'arbitration_award' },
    );
    await step(
      dispatcher,
      'close',
      { outcome: 'arbitration_award', amountsConfirmed: true },
      { status: 'closed', outcome: 'arbitration_award' },
    );

    // The handler may not make the callback.
    const own = await mediator.post<{ code: string }>(`/cases/${id}/record-callback`, {
      result: 'satisfied',
      version: current.version,
    });
    expect(own.status).toBe(403);
    await step(operator, 'record-callback', { result: 'dissatisfied', note: '尚有加班费未处理' }, { status: 'closed' });
    await step(
      dispatcher,
      'reopen',
      { reason: '回访不满意' },
      { status: 'in_progress', outcome: null, reopenCount: 1 },
    );
    await step(mediator, 'propose-closure', { outcome: 'settled' }, { status: 'resolved' });
    await step(
      dispatcher,
      'close',
      { outcome: 'settled', amountsConfirmed: true },
      { status: 'closed', outcome: 'settled' },
    );
    const reopenAgain = await dispatcher.post<{ code: string }>(`/cases/${id}/reopen`, {
      reason: 'x',
      version: current.version,
    });
    expect(reopenAgain.status).toBe(409);
    await step(
      operator,
      'record-callback',
      { result: 'satisfied' },
      { status: 'closed', lastCallbackResult: 'satisfied' },
    );

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
      'mediation_started',
      'session_recorded',
      'session_recorded',
      'no_agreement',
      'referred_to_legal_aid',
      'eligibility_decided',
      'stage_recorded',
      'stage_recorded',
      'payment_recorded',
      'payment_corrected',
      'payment_recorded',
      'closure_proposed',
      'closed',
      'callback_recorded',
      'reopened',
      'closure_proposed',
      'closed',
      'callback_recorded',
    ]);
    expect(current).toMatchObject({ claimed: '12345.67', awarded: '11000.00', recovered: '11000.00', reopenCount: 1 });
  });

  it('work queues: the unit inbox holds dispatched cases until accepted; my cases holds open ones, nearest deadline first', async () => {
    const operator = t.http.withToken(await fx.token('operator_city'));
    const dispatcher = t.http.withToken(await fx.token('dispatcher_city'));
    const mediator = t.http.withToken(await fx.token('mediator_a1'));
    const id = (await operator.post<{ caseId: string }>('/calls', validCallBody())).body.caseId;
    await operator.post(`/cases/${id}/classify`, {
      kind: 'labour_dispute',
      category: 'wage_arrears',
      priority: 'normal',
      version: 1,
    });
    await dispatcher.post(`/cases/${id}/dispatch`, { orgUnitId: fx.units.streetA1.id, version: 2 });
    const ids = async (path: string, client = mediator) =>
      (await client.get<{ items: { id: string }[] }>(path)).body.items.map((c) => c.id);
    expect(await ids(`/units/${fx.units.streetA1.id}/inbox`)).toContain(id);
    expect(await ids('/me/cases')).not.toContain(id);
    const outsider = t.http.withToken(await fx.token('mediator_b1'));
    expect((await outsider.get(`/units/${fx.units.streetA1.id}/inbox`)).status).toBe(404);
    await mediator.post(`/cases/${id}/accept`, { version: 3 });
    expect(await ids(`/units/${fx.units.streetA1.id}/inbox`)).not.toContain(id);
    expect(await ids('/me/cases')).toContain(id);
    // A critical case received later has the nearer deadline (2-hour first contact), so it comes first.
    const body = validCallBody();
    (body.case as Record<string, unknown>).priority = 'critical';
    const urgent = (await operator.post<{ caseId: string }>('/calls', body)).body.caseId;
    await operator.post(`/cases/${urgent}/classify`, {
      kind: 'labour_dispute',
      category: 'wage_arrears',
      priority: 'critical',
      version: 1,
    });
    await dispatcher.post(`/cases/${urgent}/dispatch`, { orgUnitId: fx.units.streetA1.id, version: 2 });
    await mediator.post(`/cases/${urgent}/accept`, { version: 3 });
    const mine = await ids('/me/cases');
    expect(mine.indexOf(urgent)).toBeLessThan(mine.indexOf(id));
    const firstPage = await mediator.get<{ items: { id: string }[]; nextCursor: string | null }>('/me/cases?limit=1');
    expect(firstPage.body.items.map((c) => c.id)).toEqual([mine[0]]);
    const secondPage = await mediator.get<{ items: { id: string }[] }>(
      `/me/cases?limit=1&cursor=${firstPage.body.nextCursor ?? ''}`,
    );
    expect(secondPage.body.items.map((c) => c.id)).toEqual([mine[1]]);
    await dispatcher.post(`/cases/${id}/withdraw`, { reason: '劳动者撤回', version: 4 });
    expect(await ids('/me/cases')).not.toContain(id);
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

  it('several commands racing from one version: every loser’s 409 names the version the winner left', async () => {
    const operator = t.http.withToken(await fx.token('operator_city'));
    const id = (await operator.post<{ caseId: string }>('/calls', validCallBody())).body.caseId;
    const dispatcher = t.http.withToken(await fx.token('dispatcher_city'));
    // Urging leaves the status as it is, so every loser fails on the version alone.
    const notes = ['一', '二', '三', '四', '五'].map((n) =>
      dispatcher.post<{ code?: string; details?: { currentVersion?: number } }>(`/cases/${id}/urge`, {
        note: `督办${n}`,
        version: 1,
      }),
    );
    const results = await Promise.all(notes);
    const winners = results.filter((r) => r.status === 200);
    const losers = results.filter((r) => r.status === 409);
    expect({ winners: winners.length, losers: losers.length }).toEqual({ winners: 1, losers: 4 });
    for (const loser of losers) {
      expect({ code: loser.body.code, currentVersion: loser.body.details?.currentVersion }).toEqual({
        code: 'CASE_VERSION_CONFLICT',
        currentVersion: 2,
      });
    }
  });
});
