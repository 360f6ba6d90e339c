import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { DAY_MS } from 'src/sla/business-calendar';
import { CONSOLE_SHOTS, consoleSuite } from 'test/helpers/browser';
import type { FixtureUser } from 'test/helpers/identity-fixture';
import { validCaseBody } from 'test/helpers/intake-payloads';
import { DataSource } from 'typeorm';

interface CaseRow {
  id: string;
  number: string;
  status: string;
  orgUnitId: string;
  assigneeId: string | null;
  version: number;
}

interface Timer {
  id: string;
  timer: string;
  dueAt: string;
}

interface ExtensionRequest {
  id: string;
  state: string;
  decisionNote: string;
}

/** The dispatcher's desk (src/console/desk): the inbox acted on in place, and the extension requests. */
describe('the dispatch desk in the console', () => {
  const suite = consoleSuite();
  const as = async (user: FixtureUser) => suite.t.http.withToken(await suite.fx.token(user));

  const caseOf = async (id: string): Promise<CaseRow> =>
    (await (await as('dispatcher_city')).get<CaseRow>(`/cases/${id}`)).body;
  const timerOf = async (id: string, name: string): Promise<Timer> => {
    const found = (await (await as('dispatcher_city')).get<Timer[]>(`/cases/${id}/timers`)).body.find(
      (x) => x.timer === name,
    );
    if (!found) throw new Error(`no ${name} clock on ${id}`);
    return found;
  };

  /** A command through the API with the version the case has now. */
  async function command(user: FixtureUser, id: string, name: string, body: object): Promise<void> {
    const { version } = await caseOf(id);
    const res = await (await as(user)).post(`/cases/${id}/${name}`, { ...body, version });
    if (res.status !== 200) throw new Error(`${name}: ${String(res.status)} ${JSON.stringify(res.body)}`);
  }

  /** A labour dispute the city operator took (optionally owned by another union), classified: on a desk. */
  async function triagedCase(orgUnitId?: string): Promise<CaseRow> {
    // No dispute date: its limitation clock would be one more deadline to reason about.
    const { disputeArisenOn: _, ...body } = validCaseBody();
    const created = await (await as('operator_city')).post<CaseRow>('/cases', { ...body, orgUnitId });
    if (created.status !== 201) throw new Error(`create: ${String(created.status)} ${JSON.stringify(created.body)}`);
    await command('operator_city', created.body.id, 'classify', {
      kind: 'labour_dispute',
      category: 'wage_arrears',
      priority: 'normal',
    });
    return caseOf(created.body.id);
  }

  const row = (page: Page, number: string): Locator =>
    page.locator('[data-test=case-table] .el-table__row', { hasText: number });
  const field = (page: Page, name: string): Locator => page.locator(`[data-test=command-form] [data-field=${name}]`);
  const options = (page: Page): Locator =>
    page.locator('.el-select-dropdown__item:visible, .el-tree-node__label:visible');

  async function choose(page: Page, name: string, option: string): Promise<void> {
    await field(page, name).locator('.el-select__wrapper').click();
    await options(page).getByText(option, { exact: true }).click();
  }

  async function openDesk(): Promise<Page> {
    const page = await suite.signedIn('dispatcher_city');
    await page.waitForURL(/#\/desk$/);
    await page.waitForFunction(() => performance.getEntriesByName('gd-ready:inbox').length > 0);
    return page;
  }

  it('shows the triaged cases nearest deadline first with a live countdown, the overdue one red; dispatches in place', async () => {
    const fresh = await triagedCase();
    const late = await triagedCase();
    // Five hours and a bit past its first-contact deadline (the clock moved back in the database, as the SLA
    // tests do): an API-only app fires no timers, so the clock is still running, past due.
    await suite.t.app
      .get(DataSource)
      .query(
        `UPDATE case_timer SET due_at = now() - interval '5 hours 10 minutes' WHERE case_id = $1 AND timer = 'first_contact'`,
        [late.id],
      );

    const page = await openDesk();
    const freshRow = row(page, fresh.number);
    const lateRow = row(page, late.number);
    await freshRow.waitFor();
    await lateRow.waitFor();

    // The overdue case comes first, red, and says by how much; the other is due within the day: amber.
    const numbers = await page.locator('[data-test=case-table] .el-table__row a').allTextContents();
    expect(numbers.indexOf(late.number)).toBeLessThan(numbers.indexOf(fresh.number));
    expect(await lateRow.getAttribute('class')).toMatch(/\boverdue\b/);
    expect(await lateRow.locator('[data-test=countdown]').textContent()).toMatch(/^已超时 5小时1\d分\d+秒$/);
    expect(await freshRow.getAttribute('class')).not.toMatch(/\boverdue\b/);
    expect(await freshRow.getAttribute('class')).toMatch(/\bsoon\b/);
    expect(await freshRow.locator('td').nth(2).textContent()).toBe('首次联系');

    // The countdown runs: within two seconds it shows another time left.
    const countdown = freshRow.locator('[data-test=countdown]');
    const before = (await countdown.textContent()) ?? '';
    expect(before).toMatch(/^剩余 23小时5\d分\d+秒$/);
    await countdown.filter({ hasNotText: before }).waitFor({ timeout: 2000 });

    // In place, only what a dispatcher may do on a triaged case, among the desk's commands.
    const actions = freshRow.locator('[data-test=desk-actions] button');
    expect((await actions.allTextContents()).map((a) => a.trim())).toEqual(['分类', '派单', '督办']);
    await page.screenshot({ path: join(CONSOLE_SHOTS, 'desk.png') });
    // At 1024 px the table scrolls under its fixed number and actions columns: the commands stay in view.
    await page.setViewportSize({ width: 1024, height: 768 });
    const box = await freshRow.locator('[data-command=dispatch]').boundingBox();
    expect((box?.x ?? Infinity) + (box?.width ?? 0)).toBeLessThanOrEqual(1024);
    await page.screenshot({ path: join(CONSOLE_SHOTS, 'desk-1024.png') });

    await freshRow.locator('[data-command=dispatch]').click();
    const run = page.locator('[data-test=run-command]');
    await run.waitFor();
    // The dispatch form asks only for the union (and, optionally, someone there, picked once a union is chosen).
    const asked = await page.locator('[data-test=command-form] [data-field]').all();
    expect(await Promise.all(asked.map((f) => f.getAttribute('data-field')))).toEqual([
      'orgUnitId',
      'assigneeId',
      'note',
    ]);
    expect(await field(page, 'assigneeId').locator('.is-disabled').count()).toBeGreaterThan(0);
    await choose(page, 'orgUnitId', 'T-A1工会');
    await choose(page, 'assigneeId', 'mediator_a1');
    await run.click();
    await run.waitFor({ state: 'hidden' });
    await freshRow.waitFor({ state: 'detached' });
    expect(await caseOf(fresh.id)).toMatchObject({
      status: 'dispatched',
      orgUnitId: suite.fx.units.streetA1.id,
      assigneeId: suite.fx.userId('mediator_a1'),
    });
    // The overdue one is still waiting, still red.
    expect(await lateRow.getAttribute('class')).toMatch(/\boverdue\b/);
  });

  it('reassigns a case dispatched to the desk’s own union to a mediator picked by name', async () => {
    const item = await triagedCase();
    await command('dispatcher_city', item.id, 'dispatch', { orgUnitId: suite.fx.units.city.id });

    const page = await openDesk();
    const itemRow = row(page, item.number);
    await itemRow.waitFor();
    expect((await itemRow.locator('[data-test=desk-actions] button').allTextContents()).map((a) => a.trim())).toEqual([
      '转办',
      '退回',
      '督办',
      '改派',
    ]);
    await itemRow.locator('[data-command=reassign]').click();
    const run = page.locator('[data-test=run-command]');
    await run.waitFor();
    await field(page, 'assigneeId').locator('.el-select__wrapper').click();
    // The union's caseworkers, by name; not its dispatcher or operator.
    const offered = options(page);
    await offered.first().waitFor();
    const names = (await offered.allTextContents()).map((o) => o.trim());
    expect(names).toEqual(
      expect.arrayContaining([expect.stringMatching(/^mediator_city/), expect.stringMatching(/^legal_city/)]),
    );
    expect(names.some((n) => /dispatcher_city|operator_city|mediator_a1/.test(n))).toBe(false);
    await offered.getByText('mediator_city', { exact: true }).click();
    await field(page, 'reason').locator('textarea').fill('原承办人休假，改由市总调解员办理');
    await run.click();
    await run.waitFor({ state: 'hidden' });
    expect((await caseOf(item.id)).assigneeId).toBe(suite.fx.userId('mediator_city'));
  });

  it('approves a mediator’s extension request (the clock’s due moves) and rejects another only with a reason', async () => {
    const approved = await triagedCase(suite.fx.units.streetA1.id);
    const rejected = await triagedCase(suite.fx.units.streetA1.id);
    const ask = async (id: string, amount: number) => {
      const clock = await timerOf(id, 'resolution');
      const res = await (
        await as('mediator_a1')
      ).post<ExtensionRequest>(`/cases/${id}/timers/${clock.id}/extension-requests`, {
        amount,
        unit: 'days',
        reason: '用人单位申请延期提交工资发放记录',
      });
      expect(res.status).toBe(201);
      return clock;
    };
    const clock = await ask(approved.id, 2);
    await ask(rejected.id, 3);

    const page = await openDesk();
    await page.locator('[data-test=extensions-tab]').click();
    const list = page.locator('[data-test=extension-requests]');
    const approvedRow = list.locator('.el-table__row', { hasText: approved.number });
    const rejectedRow = list.locator('.el-table__row', { hasText: rejected.number });
    await approvedRow.waitFor();
    expect(await approvedRow.textContent()).toContain('2 天');
    expect(await approvedRow.textContent()).toContain('用人单位申请延期提交工资发放记录');
    expect(await approvedRow.locator('a').getAttribute('href')).toBe(`#/cases/${approved.id}`);
    await page.screenshot({ path: join(CONSOLE_SHOTS, 'desk-extensions.png') });

    await approvedRow.locator('[data-test=approve-extension]').click();
    await page.locator('[data-test=extension-form] textarea[name=note]').fill('同意延期');
    await page.locator('[data-test=send-decision]').click();
    await page.locator('.el-message--success').filter({ hasText: '已批准延期' }).waitFor();
    await approvedRow.waitFor({ state: 'detached' });
    const after = await timerOf(approved.id, 'resolution');
    // Two working days: at least two calendar days later.
    expect(Date.parse(after.dueAt) - Date.parse(clock.dueAt)).toBeGreaterThanOrEqual(2 * DAY_MS);

    await rejectedRow.locator('[data-test=reject-extension]').click();
    const send = page.locator('[data-test=send-decision]');
    await send.click();
    // No reason: the API's 400 shows beside the field and the request stays pending.
    await page.locator('[data-test=extension-form] [data-field=reason] .el-form-item__error').waitFor();
    await page.locator('[data-test=extension-form] textarea[name=reason]').fill('材料已齐，请按原期限办结');
    await send.click();
    await rejectedRow.waitFor({ state: 'detached' });
    const decided = (
      await (await as('dispatcher_city')).get<ExtensionRequest[]>(`/cases/${rejected.id}/extension-requests`)
    ).body;
    expect(decided.map((r) => ({ state: r.state, note: r.decisionNote }))).toEqual([
      { state: 'rejected', note: '材料已齐，请按原期限办结' },
    ]);
  });
});
