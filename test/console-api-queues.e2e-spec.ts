import { DataSource } from 'typeorm';
import { createIdentityFixture, FixtureUser, IdentityFixture } from 'test/helpers/identity-fixture';
import { HttpClient } from 'test/helpers/http-client';
import { validCallBody, validCaseBody } from 'test/helpers/intake-payloads';
import { createTestApp, TestApp } from 'test/helpers/test-app';

interface WorkItem {
  id: string;
  status: string;
  version: number;
  nextDueAt: string | null;
  nextTimer: string | null;
  overdue: boolean;
}
interface WorkPage {
  items: WorkItem[];
  nextCursor: string | null;
}
interface Timer {
  timer: string;
  state: string;
  dueAt: string;
}
interface ErrorBody {
  code: string;
  details?: { field: string; reasons: string[] }[];
}

describe('work queues: the dispatch desk and my cases carry their clocks', () => {
  let t: TestApp;
  let fx: IdentityFixture;
  let db: DataSource;
  let as: (user: FixtureUser) => Promise<HttpClient>;
  const desk: Record<'received' | 'triaged' | 'returned' | 'dispatched' | 'accepted' | 'withdrawn', string> = {
    received: '',
    triaged: '',
    returned: '',
    dispatched: '',
    accepted: '',
    withdrawn: '',
  };

  /** A case received by the city hotline, taken through `commands` (each with the version it was read at). */
  const caseThrough = async (commands: [FixtureUser, string, Record<string, unknown>][], priority = 'normal') => {
    const body = validCallBody();
    (body.case as Record<string, unknown>).priority = priority;
    const call = await (await as('operator_city')).post<{ caseId: string }>('/calls', body);
    expect(call.status).toBe(201);
    let version = 1;
    for (const [user, command, payload] of commands) {
      const res = await (
        await as(user)
      ).post<{ version: number }>(`/cases/${call.body.caseId}/${command}`, {
        ...payload,
        version,
      });
      expect({ command, status: res.status }).toEqual({ command, status: 200 });
      version = res.body.version;
    }
    return call.body.caseId;
  };
  const classify: [FixtureUser, string, Record<string, unknown>] = [
    'operator_city',
    'classify',
    { kind: 'labour_dispute', category: 'wage_arrears', priority: 'normal' },
  ];
  const dispatchToA1 = (): [FixtureUser, string, Record<string, unknown>] => [
    'dispatcher_city',
    'dispatch',
    { orgUnitId: fx.units.streetA1.id },
  ];
  const page = async (user: FixtureUser, path: string) => (await as(user)).get<WorkPage & ErrorBody>(path);
  const runningTimers = async (caseId: string) =>
    (await (await as('dispatcher_city')).get<Timer[]>(`/cases/${caseId}/timers`)).body.filter(
      (x) => x.state === 'running',
    );

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    fx = await createIdentityFixture(t);
    as = async (user) => t.http.withToken(await fx.token(user));
    desk.received = await caseThrough([]);
    desk.triaged = await caseThrough([classify]);
    desk.returned = await caseThrough([classify, dispatchToA1(), ['mediator_a1', 'return', { reason: '不属本街道' }]]);
    desk.dispatched = await caseThrough([classify, dispatchToA1()]);
    desk.accepted = await caseThrough([classify, dispatchToA1(), ['mediator_a1', 'accept', {}]]);
    desk.withdrawn = await caseThrough([classify, ['operator_city', 'withdraw', { reason: '劳动者撤回' }]]);
  });

  afterAll(async () => {
    await t.close();
  });

  it("a unit's desk holds its triaged cases (returned ones too) and those dispatched to it, not yet accepted", async () => {
    const city = await page('dispatcher_city', `/units/${fx.units.city.id}/inbox`);
    expect(city.status).toBe(200);
    expect(city.body.items.map((c) => c.id).sort()).toEqual([desk.triaged, desk.returned].sort());
    expect(city.body.items.every((c) => c.status === 'triaged')).toBe(true);

    const street = await page('dispatcher_a', `/units/${fx.units.streetA1.id}/inbox`);
    expect(street.body.items.map((c) => ({ id: c.id, status: c.status }))).toEqual([
      { id: desk.dispatched, status: 'dispatched' },
    ]);
  });

  it("each item names its nearest running clock and its due time, as the case's own clocks say", async () => {
    const city = await page('dispatcher_city', `/units/${fx.units.city.id}/inbox`);
    for (const item of city.body.items) {
      const nearest = (await runningTimers(item.id)).sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0];
      expect(item).toMatchObject({ nextDueAt: nearest?.dueAt, nextTimer: nearest?.timer, overdue: false });
    }
    const mine = await page('mediator_a1', '/me/cases');
    expect(mine.body.items.map((c) => c.id)).toEqual([desk.accepted]);
    const nearest = (await runningTimers(desk.accepted)).sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0];
    expect(mine.body.items[0]).toMatchObject({ nextDueAt: nearest?.dueAt, nextTimer: nearest?.timer });
  });

  it('a clock past due puts its case first and marks it overdue; a breached clock marks it too', async () => {
    await db.query(
      `UPDATE case_timer SET due_at = now() - interval '1 hour' WHERE case_id = $1 AND timer = 'first_contact'`,
      [desk.returned],
    );
    await db.query(`UPDATE case_timer SET state = 'breached', breached_at = now() WHERE case_id = $1 AND timer = $2`, [
      desk.triaged,
      'first_contact',
    ]);
    const city = await page('dispatcher_city', `/units/${fx.units.city.id}/inbox`);
    const [first, second] = city.body.items;
    expect(first).toMatchObject({ id: desk.returned, overdue: true, nextTimer: 'first_contact' });
    expect(Date.parse(first?.nextDueAt ?? '')).toBeLessThan(Date.now());
    // Its first-contact clock breached: the resolution clock is the nearest one still running.
    expect(second).toMatchObject({ id: desk.triaged, overdue: true, nextTimer: 'resolution' });
  });

  it('a case with no running clock comes last, with no due time, and the order is by due time throughout', async () => {
    const extra = await caseThrough([classify]);
    await db.query(`UPDATE case_timer SET state = 'paused', paused_since = now() WHERE case_id = $1`, [extra]);
    const critical = await caseThrough([classify], 'critical');
    const city = await page('dispatcher_city', `/units/${fx.units.city.id}/inbox`);
    const ids = city.body.items.map((c) => c.id);
    expect(ids.at(-1)).toBe(extra);
    expect(city.body.items.at(-1)).toMatchObject({ nextDueAt: null, nextTimer: null, overdue: false });
    // Two hours to first contact beats the normal cases' 24, whatever they were received after.
    expect(ids.indexOf(critical)).toBeLessThan(ids.indexOf(desk.triaged));
    const dues = city.body.items.flatMap((c) => (c.nextDueAt === null ? [] : [c.nextDueAt]));
    expect(dues).toEqual([...dues].sort());
  });

  it('the keyset cursor walks the desk one item at a time, in the same order', async () => {
    const whole = (await page('dispatcher_city', `/units/${fx.units.city.id}/inbox`)).body.items.map((c) => c.id);
    expect(whole.length).toBeGreaterThanOrEqual(4);
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor === null ? '' : `&cursor=${cursor}`;
      const res = await page('dispatcher_city', `/units/${fx.units.city.id}/inbox?limit=1${query}`);
      walked.push(...res.body.items.map((c) => c.id));
      cursor = res.body.nextCursor;
    } while (cursor !== null && walked.length <= whole.length);
    expect(walked).toEqual(whole);
  });

  it('a unit outside the caller’s subtree is a 404; bad paging is a 400 that names the field', async () => {
    expect((await page('mediator_b1', `/units/${fx.units.streetA1.id}/inbox`)).status).toBe(404);
    expect((await page('dispatcher_a', `/units/${fx.units.city.id}/inbox`)).status).toBe(404);
    const forged = await page('dispatcher_city', `/units/${fx.units.city.id}/inbox?cursor=bm90LWEtY3Vyc29y`);
    expect({ status: forged.status, fields: forged.body.details?.map((d) => d.field) }).toEqual({
      status: 400,
      fields: ['cursor'],
    });
    const big = await page('mediator_a1', '/me/cases?limit=101');
    expect({ status: big.status, fields: big.body.details?.map((d) => d.field) }).toEqual({
      status: 400,
      fields: ['limit'],
    });
  });
});

describe('GET /cases?awaitingCallback: closed cases still owed their follow-up call', () => {
  let t: TestApp;
  let fx: IdentityFixture;
  let db: DataSource;
  let as: (user: FixtureUser) => Promise<HttpClient>;
  const ids = async (user: FixtureUser, query: string) => {
    const res = await (await as(user)).get<WorkPage>(`/cases?${query}`);
    expect(res.status).toBe(200);
    return res.body.items.map((c) => c.id);
  };
  /** A case opened by `user` (in their own unit) and withdrawn at once: closed, its callback clock running. */
  const withdrawn = async (user: 'operator_city' | 'operator_a') => {
    const client = await as(user);
    const created = await client.post<{ id: string }>('/cases', validCaseBody());
    expect(created.status).toBe(201);
    const res = await client.post<{ version: number }>(`/cases/${created.body.id}/withdraw`, {
      reason: '劳动者撤回',
      version: 1,
    });
    expect(res.status).toBe(200);
    return { id: created.body.id, version: res.body.version };
  };
  const callBack = async (id: string, version: number) => {
    const res = await (
      await as('operator_city')
    ).post(`/cases/${id}/record-callback`, { result: 'satisfied', version });
    expect(res.status).toBe(200);
  };

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    fx = await createIdentityFixture(t);
    as = async (user) => t.http.withToken(await fx.token(user));
  });

  afterAll(async () => {
    await t.close();
  });

  it('lists closed cases with no callback yet, not those called back, answered on the spot, or open', async () => {
    const owed = await withdrawn('operator_city');
    const calledBack = await withdrawn('operator_city');
    await callBack(calledBack.id, calledBack.version);
    const answered = (
      await (
        await as('operator_city')
      ).post<{ caseId: string }>('/calls', { ...validCallBody(), disposition: 'consultation_answered' })
    ).body.caseId;
    const open = (await (await as('operator_city')).post<{ id: string }>('/cases', validCaseBody())).body.id;

    const listed = await ids('leader_city', 'awaitingCallback=true');
    expect(listed).toEqual([owed.id]);
    const others = await ids('leader_city', 'awaitingCallback=false&limit=100');
    expect(others).toEqual(expect.arrayContaining([calledBack.id, answered, open]));
    expect(others).not.toContain(owed.id);
  });

  it('each listed case says how it closed and when (what the callbacks-due list shows)', async () => {
    const owed = await withdrawn('operator_city');
    const res = await (
      await as('leader_city')
    ).get<{ items: { id: string; outcome: string; closedAt: string }[] }>('/cases?awaitingCallback=true');
    const item = res.body.items.find((c) => c.id === owed.id);
    expect(item?.outcome).toBe('withdrawn');
    expect(Date.now() - Date.parse(item?.closedAt ?? '')).toBeLessThan(60_000);
    // And the timeline newest first: the close comes before the intake.
    const events = await (await as('leader_city')).get<{ type: string }[]>(`/cases/${owed.id}/events?order=newest`);
    expect(events.body.map((e) => e.type)).toEqual(['withdrawn', 'received']);
    const oldest = await (await as('leader_city')).get<{ type: string }[]>(`/cases/${owed.id}/events?limit=1`);
    expect(oldest.body.map((e) => e.type)).toEqual(['received']);
    const bad = await (await as('leader_city')).get(`/cases/${owed.id}/events?order=sideways`);
    expect(bad.status).toBe(400);
  });

  it('a callback clock that breached still owes the call until one is recorded', async () => {
    const late = await withdrawn('operator_city');
    await db.query(
      `UPDATE case_timer SET state = 'breached', breached_at = now() WHERE case_id = $1 AND timer = 'callback'`,
      [late.id],
    );
    expect(await ids('leader_city', 'awaitingCallback=true')).toContain(late.id);
    await callBack(late.id, late.version);
    expect(await ids('leader_city', 'awaitingCallback=true')).not.toContain(late.id);
  });

  it('keeps to the caller’s scope and pages like the rest of the list, newest first', async () => {
    const inA = await withdrawn('operator_a');
    const all = await ids('leader_city', 'awaitingCallback=true');
    expect(all[0]).toBe(inA.id);
    expect(await ids('leader_a', 'awaitingCallback=true')).toEqual([inA.id]);
    expect(await ids('mediator_b1', 'awaitingCallback=true')).toEqual([]);

    const first = await (await as('leader_city')).get<WorkPage>('/cases?awaitingCallback=true&limit=1');
    expect(first.body.items.map((c) => c.id)).toEqual([all[0]]);
    const second = await (
      await as('leader_city')
    ).get<WorkPage>(`/cases?awaitingCallback=true&limit=1&cursor=${first.body.nextCursor ?? ''}`);
    expect(second.body.items.map((c) => c.id)).toEqual([all[1]]);
  });

  it('anything but true or false is a 400 on awaitingCallback', async () => {
    const res = await (await as('leader_city')).get<ErrorBody>('/cases?awaitingCallback=yes');
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([
      { field: 'awaitingCallback', reasons: ['awaitingCallback must be true or false'] },
    ]);
  });
});
