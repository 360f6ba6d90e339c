import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { PasswordHasher } from 'src/users/password-hasher';
import { Role } from 'src/auth/role';
import { QueueName } from 'src/queue/queue.constants';
import { CalendarMode, DAY_MS, HOUR_MS } from 'src/sla/business-calendar';
import { CalendarService } from 'src/sla/calendar.service';
import { createIdentityFixture, IdentityFixture, TEST_PASSWORD } from 'test/helpers/identity-fixture';
import { validCaseBody } from 'test/helpers/intake-payloads';
import { HttpClient } from 'test/helpers/http-client';
import { createTestApp, eventually, TestApp } from 'test/helpers/test-app';
import { UserRepository } from 'src/users/user.repository';
import { DataSource } from 'typeorm';
import type { CaseTimerDto as Timer } from 'src/workflow/workflow-query.dto';

interface ExtensionRequest {
  id: string;
  state: string;
  amountMs: number;
  decidedBy: string | null;
  decisionNote: string;
}

interface ErrorBody {
  code: string;
  details?: Record<string, unknown>;
}

describe('extending a clock', () => {
  let t: TestApp;
  let fx: IdentityFixture;
  let db: DataSource;
  let as: (user: Parameters<IdentityFixture['token']>[0]) => Promise<HttpClient>;

  beforeAll(async () => {
    // A two-hour horizon: a clock extended by an hour is re-armed at approval, not left to the reconciler.
    t = await createTestApp({ env: { SLA_ARM_HORIZON_SECONDS: '7200' } });
    db = t.app.get(DataSource);
    // Seconds for category `other`, so a stale job would have fired while the test watches.
    await db.query(`INSERT INTO sla_policy (code, position, match, timers) VALUES ('test-seconds', -1, $1, $2)`, [
      JSON.stringify({ category: 'other' }),
      JSON.stringify({
        first_contact: { amount: 5, unit: 'seconds', mode: 'natural', warnAt: 0.5, maxExtension: 7200 },
      }),
    ]);
    fx = await createIdentityFixture(t);
    as = async (user) => t.http.withToken(await fx.token(user));
  });

  afterAll(async () => {
    await t.close();
  });

  /** A case owned by a street union: its mediator asks, the district's (or the city's) dispatchers decide. */
  const newCase = async (unit: 'streetA1' | 'streetB1' = 'streetA1', category = 'wage_arrears') => {
    const operator = await as('operator_city');
    const res = await operator.post<{ id: string }>('/cases', {
      ...validCaseBody(),
      category,
      orgUnitId: fx.units[unit].id,
    });
    expect(res.status).toBe(201);
    return res.body.id;
  };
  const timerOf = async (caseId: string, name: string) => {
    const res = await (await as('operator_city')).get<Timer[]>(`/cases/${caseId}/timers`);
    const found = res.body.find((x) => x.timer === name);
    if (!found) throw new Error(`no ${name} clock`);
    return found;
  };
  const ask = async (user: 'mediator_a1' | 'mediator_b1', caseId: string, timerId: string, body: object) =>
    (await as(user)).post<ExtensionRequest & ErrorBody>(`/cases/${caseId}/timers/${timerId}/extension-requests`, {
      reason: '用人单位申请延期提交工资发放记录',
      ...body,
    });
  const decide = async (
    user: 'dispatcher_a' | 'dispatcher_city' | 'mediator_a1',
    caseId: string,
    timerId: string,
    requestId: string,
    decision: 'approve' | 'reject',
    body: object = {},
  ) =>
    (await as(user)).post<ExtensionRequest & ErrorBody>(
      `/cases/${caseId}/timers/${timerId}/extension-requests/${requestId}/${decision}`,
      body,
    );
  const eventsOf = async (caseId: string) =>
    db.query<{ type: string; data: Record<string, unknown> }[]>(
      "SELECT type, data FROM case_event WHERE case_id = $1 AND type LIKE 'extension_%' ORDER BY id",
      [caseId],
    );
  const notified = async (caseId: string, user: Parameters<IdentityFixture['userId']>[0]) =>
    (
      await db.query<{ type: string }[]>(
        'SELECT type FROM notification WHERE case_id = $1 AND user_id = $2 ORDER BY created_at',
        [caseId, fx.userId(user)],
      )
    ).map((n) => n.type);

  it('an approved extension moves a working-day clock by working days, on the timeline, and tells who asked', async () => {
    const id = await newCase();
    const before = await timerOf(id, 'resolution');
    expect(before.maxExtensionMs).toBe(15 * DAY_MS);

    const asked = await ask('mediator_a1', id, before.id, { amount: 2, unit: 'days' });
    expect({ status: asked.status, state: asked.body.state, amountMs: asked.body.amountMs }).toEqual({
      status: 201,
      state: 'pending',
      amountMs: 2 * DAY_MS,
    });
    // The street union has no dispatchers; the district's are asked.
    expect(await notified(id, 'dispatcher_a')).toEqual(['extension_requested']);

    // Only a dispatcher decides (403), and only one whose subtree holds the case (404 for anyone else).
    expect((await decide('mediator_a1', id, before.id, asked.body.id, 'approve')).status).toBe(403);
    const elsewhere = await newCase('streetB1');
    const elsewhereTimer = await timerOf(elsewhere, 'resolution');
    expect((await ask('mediator_a1', elsewhere, elsewhereTimer.id, { amount: 1, unit: 'days' })).status).toBe(404);
    expect((await ask('mediator_b1', id, before.id, { amount: 1, unit: 'days' })).status).toBe(404);

    const approved = await decide('dispatcher_a', id, before.id, asked.body.id, 'approve', { note: '同意' });
    expect({ status: approved.status, state: approved.body.state, decidedBy: approved.body.decidedBy }).toEqual({
      status: 200,
      state: 'approved',
      decidedBy: fx.userId('dispatcher_a'),
    });
    const after = await timerOf(id, 'resolution');
    const calendar = await t.app.get(CalendarService).calendar();
    const moved = (iso: string) =>
      new Date(calendar.deadline(Date.parse(iso), 2 * DAY_MS, CalendarMode.WorkingDays)).toISOString();
    expect(after).toMatchObject({ state: 'running', dueAt: moved(before.dueAt), warnAt: moved(before.warnAt) });
    expect(after.extendedMs).toBe(2 * DAY_MS);
    // Two working days: more than 48 wall-clock hours whenever a weekend or holiday falls in between.
    expect(Date.parse(after.dueAt) - Date.parse(before.dueAt)).toBeGreaterThanOrEqual(2 * DAY_MS);

    // Decided once.
    const again = await decide('dispatcher_city', id, before.id, asked.body.id, 'approve');
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'ILLEGAL_TRANSITION' });
    expect((await eventsOf(id)).map((e) => e.type)).toEqual(['extension_requested', 'extension_approved']);
    expect((await eventsOf(id))[1]?.data).toMatchObject({ requestId: asked.body.id, dueAt: after.dueAt });
    expect(await notified(id, 'mediator_a1')).toContain('extension_approved');
  });

  it('the cap of the rule the clock started under is enforced: 409 EXTENSION_CAP_EXCEEDED', async () => {
    const id = await newCase();
    const resolution = await timerOf(id, 'resolution');
    const over = await ask('mediator_a1', id, resolution.id, { amount: 16, unit: 'days' });
    expect({ status: over.status, code: over.body.code, left: over.body.details?.leftMs }).toEqual({
      status: 409,
      code: 'EXTENSION_CAP_EXCEEDED',
      left: 15 * DAY_MS,
    });
    const first = await ask('mediator_a1', id, resolution.id, { amount: 10, unit: 'days' });
    expect(first.status).toBe(201);
    // One request per clock waits at a time.
    expect((await ask('mediator_a1', id, resolution.id, { amount: 1, unit: 'days' })).status).toBe(409);
    expect((await decide('dispatcher_city', id, resolution.id, first.body.id, 'approve')).status).toBe(200);
    const rest = await ask('mediator_a1', id, resolution.id, { amount: 6, unit: 'days' });
    expect({ status: rest.status, code: rest.body.code, left: rest.body.details?.leftMs }).toEqual({
      status: 409,
      code: 'EXTENSION_CAP_EXCEEDED',
      left: 5 * DAY_MS,
    });
    const last = await ask('mediator_a1', id, resolution.id, { amount: 5, unit: 'days' });
    expect((await decide('dispatcher_city', id, resolution.id, last.body.id, 'approve')).status).toBe(200);
    expect((await timerOf(id, 'resolution')).extendedMs).toBe(15 * DAY_MS);
    expect((await ask('mediator_a1', id, resolution.id, { amount: 1, unit: 'hours' })).body.code).toBe(
      'EXTENSION_CAP_EXCEEDED',
    );

    // The statutory limitation period cannot be extended at all.
    const limitation = await timerOf(id, 'limitation');
    expect(limitation.maxExtensionMs).toBe(0);
    expect((await ask('mediator_a1', id, limitation.id, { amount: 1, unit: 'days' })).body.code).toBe(
      'EXTENSION_CAP_EXCEEDED',
    );
  });

  it('a request on a clock that is not running is refused; a rejection leaves the due time as it was', async () => {
    const id = await newCase();
    const resolution = await timerOf(id, 'resolution');
    const dispatcher = await as('dispatcher_city');
    expect(
      (await dispatcher.post(`/cases/${id}/timers/${resolution.id}/pause`, { reason: '等待劳动者补充证据' })).status,
    ).toBe(200);
    const paused = await ask('mediator_a1', id, resolution.id, { amount: 1, unit: 'days' });
    expect({ status: paused.status, code: paused.body.code }).toEqual({ status: 409, code: 'ILLEGAL_TRANSITION' });
    expect((await dispatcher.post(`/cases/${id}/timers/${resolution.id}/resume`)).status).toBe(200);

    const before = await timerOf(id, 'resolution');
    const asked = await ask('mediator_a1', id, resolution.id, { amount: 3, unit: 'days' });
    const rejected = await decide('dispatcher_a', id, resolution.id, asked.body.id, 'reject', { reason: '理由不充分' });
    expect({ status: rejected.status, state: rejected.body.state, note: rejected.body.decisionNote }).toEqual({
      status: 200,
      state: 'rejected',
      note: '理由不充分',
    });
    expect((await decide('dispatcher_a', id, resolution.id, asked.body.id, 'approve')).status).toBe(409);
    expect((await timerOf(id, 'resolution')).dueAt).toBe(before.dueAt);
    expect(await notified(id, 'mediator_a1')).toContain('extension_rejected');
    const listed = await (await as('leader_city')).get<ExtensionRequest[]>(`/cases/${id}/extension-requests`);
    expect(listed.body.map((r) => r.state)).toEqual(['rejected']);
    // A reason is required to reject.
    const bad = await decide('dispatcher_a', id, resolution.id, asked.body.id, 'reject', {});
    expect(bad.status).toBe(400);
  });

  it('whoever asked cannot decide, even holding the dispatcher role too', async () => {
    const user = await t.app.get(UserRepository).insert({
      username: 'mediator_dispatcher_a',
      displayName: '兼任调度的调解员',
      passwordHash: await t.app.get(PasswordHasher).hash(TEST_PASSWORD),
      roles: [Role.Mediator, Role.Dispatcher],
      orgUnitId: fx.units.districtA.id,
    });
    const login = await t.http.post<{ accessToken: string }>('/auth/login', {
      username: user.username,
      password: TEST_PASSWORD,
    });
    const both = t.http.withToken(login.body.accessToken);
    const id = await newCase();
    const resolution = await timerOf(id, 'resolution');
    const base = `/cases/${id}/timers/${resolution.id}/extension-requests`;
    const asked = await both.post<ExtensionRequest>(base, { amount: 1, unit: 'days', reason: '等待仲裁委回复' });
    expect(asked.status).toBe(201);
    expect((await both.post(`${base}/${asked.body.id}/approve`, {})).status).toBe(403);
    expect((await decide('dispatcher_a', id, resolution.id, asked.body.id, 'approve')).status).toBe(200);
  });

  it('approval re-arms the jobs: the old due job does nothing, a job for the new due time is queued', async () => {
    const id = await newCase('streetA1', 'other');
    const before = await timerOf(id, 'first_contact');
    const asked = await ask('mediator_a1', id, before.id, { amount: 1, unit: 'hours' });
    expect((await decide('dispatcher_a', id, before.id, asked.body.id, 'approve')).status).toBe(200);
    const after = await timerOf(id, 'first_contact');
    expect(Date.parse(after.dueAt) - Date.parse(before.dueAt)).toBe(HOUR_MS);

    const queue = t.app.get<Queue>(getQueueToken(QueueName.Timers));
    const job = await eventually(async () => (await queue.getJob(`timer-${before.id}-v2-due`)) ?? undefined);
    expect(job.timestamp + job.delay).toBeGreaterThanOrEqual(Date.parse(after.dueAt) - 1000);
    // The version-1 job runs at the original 5-second due time (however busy the machine) and finds nothing due.
    await eventually(async () =>
      (await (await queue.getJob(`timer-${before.id}-v1-due`))?.getState()) === 'completed' ? true : undefined,
    );
    expect((await timerOf(id, 'first_contact')).state).toBe('running');
    const [breaches] = await db.query<{ n: number }[]>(
      "SELECT count(*)::int AS n FROM case_event WHERE case_id = $1 AND type = 'sla_breached'",
      [id],
    );
    expect(breaches?.n).toBe(0);
  });
});
