import { DAY_MS } from 'src/sla/business-calendar';
import { shanghaiDay } from 'src/common/util/shanghai-time';
import { createIdentityFixture, FixtureUser, IdentityFixture } from 'test/helpers/identity-fixture';
import { validCallBody } from 'test/helpers/intake-payloads';
import { createTestApp, eventually, TestApp } from 'test/helpers/test-app';
import { DataSource } from 'typeorm';
import type { CaseTimerDto as Timer } from 'src/workflow/workflow-query.dto';

describe('instalment clocks', () => {
  let t: TestApp;
  let fx: IdentityFixture;
  let db: DataSource;

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    fx = await createIdentityFixture(t);
  });

  afterAll(async () => {
    await t.close();
  });

  const yesterday = () => shanghaiDay(Date.now() - DAY_MS);
  const inDays = (n: number) => shanghaiDay(Date.now() + n * DAY_MS);

  /** A case in mediation at street A1, and a way to run further commands on it. */
  const caseInMediation = async () => {
    const client = async (user: FixtureUser) => t.http.withToken(await fx.token(user));
    const id = (await (await client('operator_city')).post<{ caseId: string }>('/calls', validCallBody())).body.caseId;
    let version = 1;
    const run = async (user: FixtureUser, command: string, body: Record<string, unknown> = {}) => {
      const res = await (await client(user)).post<{ version: number }>(`/cases/${id}/${command}`, { ...body, version });
      expect({ command, status: res.status, body: res.body }).toMatchObject({ command, status: 200 });
      version = res.body.version;
    };
    await run('operator_city', 'classify', { kind: 'labour_dispute', category: 'wage_arrears', priority: 'normal' });
    await run('dispatcher_city', 'dispatch', { orgUnitId: fx.units.streetA1.id });
    await run('mediator_a1', 'accept');
    await run('mediator_a1', 'start-mediation');
    const timers = async () =>
      (await (await client('operator_city')).get<Timer[]>(`/cases/${id}/timers`)).body.filter(
        (x) => x.timer === 'instalment',
      );
    const instalmentIds = async () =>
      (
        await db.query<{ id: string; due_on: string }[]>(
          "SELECT id, to_char(due_on, 'YYYY-MM-DD') AS due_on FROM case_instalment WHERE case_id = $1 ORDER BY seq",
          [id],
        )
      ).map((row) => row.id);
    return { id, run, timers, instalmentIds };
  };
  const stateOf = (timers: Timer[], ref: string | undefined) => timers.filter((x) => x.ref === ref).map((x) => x.state);

  it('each agreed instalment runs its own clock to the end of its day; payments covering it stop it; unpaid ones breach', async () => {
    const c = await caseInMediation();
    const future = inDays(30);
    await c.run('mediator_a1', 'record-agreement', {
      amount: '10000.00',
      instalments: [
        { dueOn: yesterday(), amount: '3000.00' },
        { dueOn: future, amount: '7000.00' },
      ],
    });
    const [first, second] = await c.instalmentIds();
    const started = await c.timers();
    expect(started.map((x) => x.ref).sort()).toEqual([first, second].sort());
    // Due when the agreed day ends in Asia/Shanghai (16:00 UTC).
    expect(started.find((x) => x.ref === second)?.dueAt).toBe(`${future}T16:00:00.000Z`);

    // The one due yesterday is already late: it breaches once, and the handler and the district hear of it.
    await eventually(async () => (stateOf(await c.timers(), first).includes('breached') ? true : undefined));
    const breaches = await db.query<{ data: { timer: string } }[]>(
      "SELECT data FROM case_event WHERE case_id = $1 AND type = 'sla_breached'",
      [c.id],
    );
    expect(breaches.map((b) => b.data.timer)).toEqual(['instalment']);
    for (const user of ['mediator_a1', 'dispatcher_a'] as const) {
      const [row] = await db.query<{ n: number }[]>(
        "SELECT count(*)::int AS n FROM notification WHERE case_id = $1 AND user_id = $2 AND type = 'sla_breached'",
        [c.id, fx.userId(user)],
      );
      expect({ user, n: row?.n }).toEqual({ user, n: 1 });
    }

    // Money pays instalments in due-date order: 3,000 pays the first (already breached, it stays so) …
    const pay = (amount: string) =>
      c.run('mediator_a1', 'record-payment', { amount, paidOn: inDays(0), payer: 'employer' });
    await pay('3000.00');
    expect(stateOf(await c.timers(), second)).toEqual(['running']);
    // … 5,000 more does not cover the second's 7,000 …
    await pay('5000.00');
    expect(stateOf(await c.timers(), second)).toEqual(['running']);
    // … and 2,000 more does, before its day: met.
    await pay('2000.00');
    const final = await c.timers();
    expect(stateOf(final, first)).toEqual(['breached']);
    expect(stateOf(final, second)).toEqual(['met']);
  });

  it('a new agreement replaces the schedule and its clocks; closing cancels what is owed; reopening restarts it', async () => {
    const c = await caseInMediation();
    await c.run('mediator_a1', 'record-agreement', {
      amount: '5000.00',
      instalments: [{ dueOn: inDays(10), amount: '5000.00' }],
    });
    const [replaced] = await c.instalmentIds();
    await c.run('mediator_a1', 'start-mediation');
    await c.run('mediator_a1', 'record-agreement', {
      amount: '6000.00',
      instalments: [
        { dueOn: yesterday(), amount: '1000.00' },
        { dueOn: inDays(20), amount: '5000.00' },
      ],
    });
    const [late, owed] = await c.instalmentIds();
    expect(stateOf(await c.timers(), replaced)).toEqual(['cancelled']);
    await eventually(async () => (stateOf(await c.timers(), late).includes('breached') ? true : undefined));
    expect(stateOf(await c.timers(), owed)).toEqual(['running']);

    await c.run('mediator_a1', 'propose-closure', { outcome: 'mediation_agreement' });
    await c.run('dispatcher_city', 'close', {
      outcome: 'mediation_agreement',
      amountsConfirmed: true,
      paymentStatus: 'unpaid',
    });
    expect(stateOf(await c.timers(), owed)).toEqual(['cancelled']);

    await c.run('operator_city', 'record-callback', { result: 'dissatisfied', note: '用人单位未按期付款' });
    await c.run('dispatcher_city', 'reopen', { reason: '回访不满意，分期款未付' });
    const reopened = await c.timers();
    // What is still owed runs again; the instalment that already breached is not breached a second time.
    expect(stateOf(reopened, owed).sort()).toEqual(['cancelled', 'running']);
    expect(stateOf(reopened, late)).toEqual(['breached']);
  });
});
