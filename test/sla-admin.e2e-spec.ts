import { INestApplicationContext } from '@nestjs/common';
import { CalendarMode, DAY_MS, HOUR_MS } from 'src/sla/business-calendar';
import { shanghaiDay } from 'src/common/util/shanghai-time';
import { CalendarService } from 'src/sla/calendar.service';
import { PolicyCatalog } from 'src/sla/policy-catalog';
import { createIdentityFixture, IdentityFixture } from 'test/helpers/identity-fixture';
import { validCaseBody } from 'test/helpers/intake-payloads';
import { createTestApp, eventually, TestApp } from 'test/helpers/test-app';
import type { CaseTimerDto as Timer } from 'src/workflow/workflow-query.dto';

interface Policy {
  code: string;
  version: number;
  match: Record<string, string>;
  timers: Record<string, { amount: number; unit: string; mode: string; warnAt: number; maxExtension?: number }>;
}

interface ErrorBody {
  code: string;
  details: { field: string; reasons: string[] }[];
}

describe('admins edit SLA policies and the working calendar', () => {
  let t: TestApp;
  let fx: IdentityFixture;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    t = await createTestApp();
    fx = await createIdentityFixture(t);
    // Another process-equivalent with its own caches: it must hear about the edits.
    worker = await t.startWorker();
  });

  afterAll(async () => {
    await t.close();
  });

  const newCase = async () => {
    const operator = t.http.withToken(await fx.token('operator_city'));
    const res = await operator.post<{ id: string }>('/cases', validCaseBody());
    expect(res.status).toBe(201);
    const timers = await operator.get<Timer[]>(`/cases/${res.body.id}/timers`);
    const of = (name: string) => {
      const found = timers.body.find((x) => x.timer === name);
      if (!found) throw new Error(`no ${name} clock`);
      return found;
    };
    return { id: res.body.id, of };
  };

  it('a policy edit bumps its version and applies to new clocks only; bad rules answer 400 with the fields', async () => {
    const admin = t.http.withToken(await fx.token('admin_city'));
    const list = await admin.get<Policy[]>('/admin/sla-policies');
    expect(list.body.map((p) => p.code)).toEqual(expect.arrayContaining(['default', 'critical']));
    const current = (await admin.get<Policy>('/admin/sla-policies/default')).body;
    expect(current.timers.instalment).toMatchObject({ amount: 0, maxExtension: 0 });
    expect((await worker.get(PolicyCatalog).current()).find((p) => p.code === 'default')?.version).toBe(
      current.version,
    );

    const before = await newCase();
    const rule = (name: string) => {
      const found = current.timers[name];
      if (!found) throw new Error(`no ${name} rule`);
      return found;
    };
    const timers: Policy['timers'] = { ...current.timers, first_contact: { ...rule('first_contact'), amount: 12 } };
    const edited = await admin.put<Policy>('/admin/sla-policies/default', { timers, version: current.version });
    expect({ status: edited.status, version: edited.body.version }).toEqual({
      status: 200,
      version: current.version + 1,
    });
    expect(edited.body.timers.first_contact?.amount).toBe(12);
    expect(edited.body.match).toEqual({});

    const after = await newCase();
    const span = (timer: Timer) => Date.parse(timer.dueAt) - Date.parse(timer.startedAt);
    expect({ version: after.of('first_contact').policyVersion, span: span(after.of('first_contact')) }).toEqual({
      version: current.version + 1,
      span: 12 * HOUR_MS,
    });
    // The clock started before the edit keeps the rule it started under.
    const again = await timerOf(before.id, 'first_contact');
    expect({ version: again.policyVersion, span: span(again) }).toEqual({
      version: current.version,
      span: 24 * HOUR_MS,
    });
    // The other process dropped its cached policies on the edit, long before its cache would expire.
    await eventually(async () => {
      const cached = (await worker.get(PolicyCatalog).current()).find((p) => p.code === 'default');
      return cached?.version === current.version + 1 ? true : undefined;
    }, 5000);

    const stale = await admin.put<ErrorBody>('/admin/sla-policies/default', { timers, version: current.version });
    expect({ status: stale.status, code: stale.body.code }).toEqual({ status: 409, code: 'CONFLICT' });
    const bad = await admin.put<ErrorBody>('/admin/sla-policies/default', {
      timers: {
        ...timers,
        first_contact: { ...rule('first_contact'), amount: 12, warnAt: 1 },
        resolution: { ...rule('resolution'), amount: 0 },
        callback: { ...rule('callback'), maxExtension: -1 },
      },
      version: current.version + 1,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d) => d.field).sort()).toEqual([
      'timers.callback.maxExtension',
      'timers.first_contact.warnAt',
      'timers.resolution.amount',
    ]);
    const unknownTimer = await admin.put<ErrorBody>('/admin/sla-policies/default', {
      timers: { ...timers, coffee_break: rule('callback') },
      version: current.version + 1,
    });
    expect(unknownTimer.status).toBe(400);
    // Without the clocks (an outside check found these answered 500): 400 naming `timers`, nothing changed.
    for (const body of [
      { version: current.version + 1 },
      { match: {}, version: current.version + 1 },
      { timers: 'x', version: current.version + 1 },
    ]) {
      const missing = await admin.put<ErrorBody>('/admin/sla-policies/default', body);
      expect({ status: missing.status, fields: missing.body.details.map((d) => d.field) }).toEqual({
        status: 400,
        fields: ['timers'],
      });
    }
    expect((await admin.get<{ version: number }>('/admin/sla-policies/default')).body.version).toBe(
      current.version + 1,
    );
    expect((await admin.get('/admin/sla-policies/no-such-policy')).status).toBe(404);
    // A district's admin reads but does not change what the whole federation runs on.
    const district = t.http.withToken(await fx.token('admin_a'));
    expect((await district.get('/admin/sla-policies/default')).status).toBe(200);
    expect((await district.put('/admin/sla-policies/default', { timers, version: current.version + 1 })).status).toBe(
      403,
    );
  });

  it('a calendar edit changes the next computed deadline; running clocks keep theirs', async () => {
    const admin = t.http.withToken(await fx.token('admin_city'));
    const year = await admin.get<{ days: { date: string; kind: string; name: string }[] }>(
      '/admin/calendar-days?year=2026',
    );
    expect(year.body.days).toEqual(
      expect.arrayContaining([expect.objectContaining({ date: '2026-10-01', kind: 'holiday' })]),
    );

    const oldCalendar = await t.app.get(CalendarService).calendar();
    const workerCalendar = worker.get(CalendarService);
    const before = await newCase();
    // An ordinary working weekday a few days ahead, well inside the 15 working days of resolution.
    let day = shanghaiDay(Date.now() + 3 * DAY_MS);
    const weekday = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay();
    while (!oldCalendar.isWorkingDay(day) || weekday(day) === 0 || weekday(day) === 6) {
      day = shanghaiDay(Date.parse(`${day}T12:00:00+08:00`) + DAY_MS);
    }
    expect((await workerCalendar.calendar()).isWorkingDay(day)).toBe(true);
    const put = await admin.put(`/admin/calendar-days/${day}`, { kind: 'holiday', name: '临时放假' });
    expect(put.status).toBe(200);

    const after = await newCase();
    const resolution = after.of('resolution');
    const start = Date.parse(resolution.startedAt);
    const newCalendar = await t.app.get(CalendarService).calendar();
    expect(newCalendar.isWorkingDay(day)).toBe(false);
    expect(resolution.dueAt).toBe(
      new Date(newCalendar.deadline(start, 15 * DAY_MS, CalendarMode.WorkingDays)).toISOString(),
    );
    // A day off more than under the old calendar.
    expect(
      Date.parse(resolution.dueAt) - oldCalendar.deadline(start, 15 * DAY_MS, CalendarMode.WorkingDays),
    ).toBeGreaterThanOrEqual(DAY_MS);
    expect((await timerOf(before.id, 'resolution')).dueAt).toBe(before.of('resolution').dueAt);
    await eventually(async () => ((await workerCalendar.calendar()).isWorkingDay(day) ? undefined : true), 5000);

    const listed = await admin.get<{ days: { date: string; name: string; source: string }[] }>(
      `/admin/calendar-days?year=${day.slice(0, 4)}`,
    );
    expect(listed.body.days.find((d) => d.date === day)).toMatchObject({ name: '临时放假', source: '管理员维护' });
    expect((await admin.delete(`/admin/calendar-days/${day}`)).status).toBe(204);
    expect((await admin.delete(`/admin/calendar-days/${day}`)).status).toBe(404);
    expect((await t.app.get(CalendarService).calendar()).isWorkingDay(day)).toBe(true);

    const weekdayWork = await admin.put<ErrorBody>(`/admin/calendar-days/${day}`, { kind: 'workday', name: '调休' });
    expect({ status: weekdayWork.status, fields: weekdayWork.body.details.map((d) => d.field) }).toEqual({
      status: 400,
      fields: ['kind'],
    });
    const badDate = await admin.put<ErrorBody>('/admin/calendar-days/2026-02-30', { kind: 'holiday', name: 'x' });
    expect({ status: badDate.status, fields: badDate.body.details.map((d) => d.field) }).toEqual({
      status: 400,
      fields: ['date'],
    });
    const district = t.http.withToken(await fx.token('admin_a'));
    expect((await district.put(`/admin/calendar-days/${day}`, { kind: 'holiday', name: 'x' })).status).toBe(403);
  });

  async function timerOf(caseId: string, name: string): Promise<Timer> {
    const operator = t.http.withToken(await fx.token('operator_city'));
    const found = (await operator.get<Timer[]>(`/cases/${caseId}/timers`)).body.find((x) => x.timer === name);
    if (!found) throw new Error(`no ${name} clock`);
    return found;
  }
});
