import { AppRole } from 'src/config/app-config';
import { CalendarMode, DAY_MS } from 'src/sla/business-calendar';
import { DataSource } from 'typeorm';
import { CalendarService } from 'src/sla/calendar.service';
import { createIdentityFixture, IdentityFixture } from 'test/helpers/identity-fixture';
import { validCallBody } from 'test/helpers/intake-payloads';
import { createTestApp, TestApp } from 'test/helpers/test-app';
import type { CaseTimerDto as Timer } from 'src/workflow/workflow-query.dto';

describe('SLA clocks follow the case', () => {
  let t: TestApp;
  let fx: IdentityFixture;

  beforeAll(async () => {
    t = await createTestApp();
    fx = await createIdentityFixture(t);
  });

  afterAll(async () => {
    await t.close();
  });

  it('start, stop and cancel with the workflow, in the same transaction, with deadlines from the policy', async () => {
    const operator = t.http.withToken(await fx.token('operator_city'));
    const dispatcher = t.http.withToken(await fx.token('dispatcher_city'));
    const mediator = t.http.withToken(await fx.token('mediator_a1'));
    const id = (await operator.post<{ caseId: string }>('/calls', validCallBody())).body.caseId;
    const timers = async () => {
      const res = await operator.get<Timer[]>(`/cases/${id}/timers`);
      return Object.fromEntries(res.body.map((timer) => [timer.timer, timer]));
    };
    let version = 1;
    const run = async (client: typeof operator, command: string, body: Record<string, unknown>) => {
      const res = await client.post<{ version: number }>(`/cases/${id}/${command}`, { ...body, version });
      expect({ command, status: res.status }).toEqual({ command, status: 200 });
      version = res.body.version;
    };

    let now = await timers();
    expect(now.first_contact).toMatchObject({ state: 'running', policyCode: 'default' });
    expect(now.resolution).toMatchObject({ state: 'running' });
    expect(now.limitation).toMatchObject({ state: 'running' }); // the dispute arose on 2026-09-01
    const started = Date.parse(now.first_contact?.startedAt ?? '');
    expect(Date.parse(now.first_contact?.dueAt ?? '') - started).toBe(24 * 3600 * 1000);
    expect(Date.parse(now.first_contact?.warnAt ?? '') - started).toBe(18 * 3600 * 1000);
    const calendar = await t.app.get(CalendarService).calendar();
    expect(now.resolution?.dueAt).toBe(
      new Date(calendar.deadline(started, 15 * DAY_MS, CalendarMode.WorkingDays)).toISOString(),
    );

    await run(operator, 'classify', { kind: 'labour_dispute', category: 'wage_arrears', priority: 'normal' });
    await run(dispatcher, 'dispatch', { orgUnitId: fx.units.streetA1.id });
    expect((await timers()).acceptance).toMatchObject({ state: 'running' });
    await run(mediator, 'accept', {});
    await run(mediator, 'record-contact', { with: 'employer', method: 'phone' });
    expect((await timers()).first_contact?.state).toBe('running');
    await run(mediator, 'record-contact', { with: 'worker', method: 'phone' });
    now = await timers();
    expect(now.acceptance?.state).toBe('met');
    expect(now.first_contact?.state).toBe('met');

    await run(mediator, 'propose-closure', { outcome: 'resolved_by_negotiation' });
    await run(dispatcher, 'close', { outcome: 'resolved_by_negotiation', amountsConfirmed: true });
    now = await timers();
    expect(now.resolution?.state).toBe('met');
    expect(now.limitation?.state).toBe('cancelled');
    expect(now.callback?.state).toBe('running');
    await run(operator, 'record-callback', { result: 'satisfied' });
    expect((await timers()).callback?.state).toBe('met');
  });

  it('a clock stopped after its due time, before any job fired, is a breach with its event and notifications', async () => {
    // API only: no worker, so no job fires; the command itself finds the deadline missed.
    const api = await createTestApp({ role: AppRole.Api });
    try {
      const afx = await createIdentityFixture(api);
      const operator = api.http.withToken(await afx.token('operator_city'));
      const dispatcher = api.http.withToken(await afx.token('dispatcher_city'));
      const id = (await operator.post<{ caseId: string }>('/calls', validCallBody())).body.caseId;
      await api.app
        .get(DataSource)
        .query(
          `UPDATE case_timer SET due_at = now() - interval '1 minute' WHERE case_id = $1 AND timer = 'first_contact'`,
          [id],
        );
      const before = await operator.get<(Timer & { id: string })[]>(`/cases/${id}/timers`);
      const overdue = before.body.find((timer) => timer.timer === 'first_contact')?.id ?? '';
      // Pausing a missed deadline would hide the breach.
      const paused = await dispatcher.post<{ code: string }>(`/cases/${id}/timers/${overdue}/pause`, {
        reason: '等待证据',
      });
      expect({ status: paused.status, code: paused.body.code }).toEqual({ status: 409, code: 'ILLEGAL_TRANSITION' });
      const closed = await dispatcher.post(`/cases/${id}/withdraw`, { reason: '职工撤回', version: 1 });
      expect(closed.status).toBe(200);
      const timers = await operator.get<Timer[]>(`/cases/${id}/timers`);
      const state = Object.fromEntries(timers.body.map((timer) => [timer.timer, timer.state]));
      // Missed, not cancelled; an on-time clock closed alongside it is cancelled as before.
      expect(state).toMatchObject({ first_contact: 'breached', limitation: 'cancelled' });
      const events = await operator.get<{ type: string; data: { timer?: string } }[]>(`/cases/${id}/events`);
      expect(events.body.filter((e) => e.type === 'sla_breached').map((e) => e.data.timer)).toEqual(['first_contact']);
      const inbox = await dispatcher.get<{ items: { title: string }[] }>('/me/notifications');
      expect(inbox.body.items.filter((n) => n.title.includes('首次联系时限已超期'))).toHaveLength(1);
    } finally {
      await api.close();
    }
  });

  it('a critical case runs under the critical policy (2-hour first contact)', async () => {
    const operator = t.http.withToken(await fx.token('operator_city'));
    const body = validCallBody();
    (body.case as Record<string, unknown>).priority = 'critical';
    const id = (await operator.post<{ caseId: string }>('/calls', body)).body.caseId;
    const [first] = (await operator.get<Timer[]>(`/cases/${id}/timers`)).body.filter(
      (x) => x.timer === 'first_contact',
    );
    expect(first?.policyCode).toBe('critical');
    expect(Date.parse(first?.dueAt ?? '') - Date.parse(first?.startedAt ?? '')).toBe(2 * 3600 * 1000);
  });
});
