import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { OUTCOME_LABELS } from 'src/cases/case-labels';
import { yuanToFen } from 'src/common/money/money';
import { shanghaiDay } from 'src/common/util/shanghai-time';
import { CONSOLE_SHOTS, consoleSuite, tabTo } from 'test/helpers/browser';
import { TEST_PASSWORD, type FixtureUser } from 'test/helpers/identity-fixture';

interface Summary {
  figures: { moneyRecovered: string };
}

/**
 * One labour dispute through its whole life in the console's pages: intake, classify and dispatch, accept,
 * contact, mediation with an agreement in two instalments, both payments, closure, callback. The figures the
 * leadership sees move by exactly the money paid.
 */
describe('a case through the console, page by page', () => {
  const suite = consoleSuite();
  const signedIn = (user: FixtureUser): Promise<Page> => suite.signedIn(user);

  async function openCase(page: Page, id: string): Promise<void> {
    await page.goto(`${suite.t.http.baseUrl}/console#/cases/${id}`);
    // Reloaded: a page already showing the case would otherwise keep what it loaded earlier.
    await page.reload();
    await page.locator('[data-test=case-page]').waitFor();
  }

  const field = (page: Page, name: string): Locator => page.locator(`[data-test=command-form] [data-field=${name}]`);

  async function choose(page: Page, name: string, option: string): Promise<void> {
    await field(page, name).locator('.el-select__wrapper').click();
    const item = page
      .locator('.el-select-dropdown__item:visible, .el-tree-node__label:visible')
      .getByText(option, { exact: true });
    await item.click();
    // The list closes once the pick is taken; on a loaded machine a click can land while it is still opening.
    await item.waitFor({ state: 'hidden', timeout: 5_000 }).catch(async () => {
      await item.click();
      await item.waitFor({ state: 'hidden' });
    });
  }

  async function date(locator: Locator, value: string): Promise<void> {
    await locator.fill(value);
    await locator.press('Enter');
  }

  /** Opens a command's dialog from the case page, fills it, sends it and waits for the page to reload. */
  async function command(page: Page, name: string, fill: () => Promise<void> = () => Promise.resolve()): Promise<void> {
    await page.locator(`[data-command=${name}]`).click();
    const run = page.locator('[data-test=run-command]');
    await run.waitFor();
    await fill();
    await run.click();
    await run.waitFor({ state: 'hidden' });
  }

  /** 挽回经济损失 for today as the leadership dashboard shows it (signed in there as the city's leader), in fen. */
  async function dashboardRecovered(page: Page, today: string): Promise<bigint> {
    await page.goto(`${suite.t.http.baseUrl}/dashboard#period=custom&from=${today}&to=${today}`);
    await page.reload();
    const login = page.locator('#login-form');
    if (await login.isVisible()) {
      await page.fill('input[name=username]', 'leader_city');
      await page.fill('input[name=password]', TEST_PASSWORD);
      await page.click('#login-form button[type=submit]');
    }
    await page.waitForSelector('main[data-state=ready]');
    const shown = (await page.locator('[data-figure=moneyRecovered] .value').textContent()) ?? '';
    // The page's "1,000.00": the same figure, with thousands separators.
    return yuanToFen(shown.replace(/,/g, ''));
  }

  const recovered = async (): Promise<string> =>
    (await suite.t.http.get<Summary>('/reports/summary?period=day', { token: await suite.fx.token('leader_city') }))
      .body.figures.moneyRecovered;

  it('intake → dispatch → accept → mediation with two instalments → payments → closure → callback', async () => {
    const before = await recovered();
    const today = shanghaiDay(new Date());
    const leader = await suite.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const shownBefore = await dashboardRecovered(leader, today);
    expect(shownBefore).toBe(yuanToFen(before));
    // The operator takes the call in the intake page.
    const intake = await signedIn('operator_city');
    await intake.waitForURL(/#\/intake$/);
    // From the keyboard alone: the phone field has the focus; Tab moves on, the defaults (a new labour dispute about
    // unpaid wages, normal priority) stand, Alt+C adds the second claim, Enter logs the call.
    await intake.keyboard.type('13600002222');
    await intake.keyboard.press('Tab');
    await intake.keyboard.type('赵师傅');
    await tabTo(intake, 'input[name=claimAmount0]');
    await intake.keyboard.type('600.00');
    await intake.keyboard.press('Alt+c');
    await tabTo(intake, 'input[name=claimAmount1]');
    await intake.keyboard.type('400.00');
    await tabTo(intake, 'textarea[name=narrative]');
    await intake.keyboard.type('工地拖欠工资。');
    await tabTo(intake, 'input[name=summary]');
    await intake.keyboard.type('拖欠工资');
    await intake.keyboard.press('Enter');
    const message = intake.locator('.el-message--success');
    await message.waitFor();
    const number = /GD-\d{4}-\d{6}/.exec((await message.textContent()) ?? '')?.[0] ?? '';
    const found = await suite.t.http.get<{ items: { id: string }[] }>(`/cases?number=${number}`, {
      token: await suite.fx.token('dispatcher_city'),
    });
    const id = found.body.items[0]?.id ?? '';
    expect(id).not.toBe('');
    const logged = await suite.t.http.get<{ kind: string; claims: { type: string; amount: string }[] }>(
      `/cases/${id}`,
      { token: await suite.fx.token('dispatcher_city') },
    );
    expect(logged.body.kind).toBe('labour_dispute');
    expect(logged.body.claims.map((c) => c.amount)).toEqual(['600.00', '400.00']);

    // The same worker calls again: the lookup shows the case (masked), and the call is attached to it.
    await intake.keyboard.type('13600002222');
    const callerCases = intake.locator('[data-test=caller-cases]');
    await callerCases.filter({ hasText: number }).waitFor();
    await callerCases.getByRole('button').first().click();
    await intake.locator('input[name=summary]').fill('询问进展');
    await intake.locator('input[name=summary]').press('Enter');
    await intake
      .locator('.el-message--success')
      .filter({ hasText: number })
      .filter({ hasText: '已关联到案件' })
      .waitFor();

    const dispatcher = await signedIn('dispatcher_city');
    await openCase(dispatcher, id);
    await command(dispatcher, 'classify', async () => {
      await choose(dispatcher, 'kind', '劳动争议');
      await choose(dispatcher, 'category', '拖欠工资');
      await choose(dispatcher, 'priority', '一般');
    });
    await command(dispatcher, 'dispatch', () => choose(dispatcher, 'orgUnitId', 'T-A1工会'));
    await dispatcher.screenshot({ path: join(CONSOLE_SHOTS, 'case-dispatched.png') });

    const mediator = await signedIn('mediator_a1');
    // The union the case was sent to hears of it: the unread badge, and the notification opens the case.
    await mediator
      .locator('[data-test=unread] .el-badge__content')
      .filter({ hasText: /^[1-9]/ })
      .waitFor();
    await mediator.locator('[data-test=unread] button').click();
    await mediator.locator('[data-test=notifications] .item', { hasText: number }).first().click();
    await mediator.waitForURL(new RegExp(`#/cases/${id}$`));
    await mediator.screenshot({ path: join(CONSOLE_SHOTS, 'notification-opened.png') });
    await openCase(mediator, id);
    await command(mediator, 'accept');
    await command(mediator, 'record_contact', async () => {
      await choose(mediator, 'with', 'worker');
      await choose(mediator, 'method', 'phone');
    });
    await command(mediator, 'start_mediation');
    await command(mediator, 'record_session', async () => {
      await date(field(mediator, 'sessionDate').locator('input'), today);
      await field(mediator, 'place').locator('input').fill('街道工会调解室');
      await field(mediator, 'partiesPresent').locator('.el-select__wrapper').click();
      await mediator.keyboard.type('劳动者本人');
      await mediator.keyboard.press('Enter');
      await mediator.keyboard.press('Escape');
      await choose(mediator, 'result', 'agreement');
    });
    await command(mediator, 'record_agreement', async () => {
      await field(mediator, 'amount').locator('input').fill('1000.00');
      const instalments = field(mediator, 'instalments');
      await instalments.locator('[data-test=add-instalment]').click();
      await instalments.locator('[data-test=add-instalment]').click();
      const rows = instalments.locator('.instalment');
      await date(rows.nth(0).locator('.el-date-editor input'), today);
      await rows.nth(0).locator('input[name=instalments0Amount]').fill('600.00');
      await date(rows.nth(1).locator('.el-date-editor input'), today);
      await rows.nth(1).locator('input[name=instalments1Amount]').fill('400.00');
    });
    for (const amount of ['600.00', '400.00']) {
      await command(mediator, 'record_payment', async () => {
        await field(mediator, 'amount').locator('input').fill(amount);
        await date(field(mediator, 'paidOn').locator('input'), today);
        await choose(mediator, 'payer', 'employer');
      });
    }
    await command(mediator, 'propose_closure', () =>
      choose(mediator, 'outcome', OUTCOME_LABELS.mediation_agreement.zh),
    );
    await mediator.screenshot({ path: join(CONSOLE_SHOTS, 'case-resolved.png') });

    await openCase(dispatcher, id);
    await command(dispatcher, 'close', async () => {
      await choose(dispatcher, 'outcome', OUTCOME_LABELS.mediation_agreement.zh);
      await field(dispatcher, 'amountsConfirmed').locator('.el-switch').click();
      await choose(dispatcher, 'paymentStatus', 'paid');
    });

    const callbacker = await signedIn('operator_city');
    await openCase(callbacker, id);
    await command(callbacker, 'record_callback', () => choose(callbacker, 'result', 'satisfied'));
    await callbacker.screenshot({ path: join(CONSOLE_SHOTS, 'case-closed.png') });

    const final = await suite.t.http.get<{ status: string; recovered: string; lastCallbackResult: string }>(
      `/cases/${id}`,
      {
        token: await suite.fx.token('dispatcher_city'),
      },
    );
    expect(final.body).toMatchObject({ status: 'closed', recovered: '1000.00', lastCallbackResult: 'satisfied' });
    // 挽回经济损失 for today rose by exactly what was paid: in the reports API and on the dashboard's page.
    expect(yuanToFen(await recovered()) - yuanToFen(before)).toBe(100000n);
    expect((await dashboardRecovered(leader, today)) - shownBefore).toBe(100000n);
    await leader.screenshot({ path: join(CONSOLE_SHOTS, 'dashboard-today.png') });
    const events = await suite.t.http.get<{ type: string }[]>(`/cases/${id}/events`, {
      token: await suite.fx.token('dispatcher_city'),
    });
    expect(events.body.filter((e) => e.type === 'call_attached')).toHaveLength(1);

    // A mediator of another district searching for that case number finds nothing.
    const other = await signedIn('mediator_b1');
    await other.goto(`${suite.t.http.baseUrl}/console#/cases`);
    await other.locator('input[name=number]').fill(number);
    const answered = other.waitForResponse((res) => res.url().includes(`number=${number}`));
    await other.locator('[data-test=find]').click();
    expect((await answered).status()).toBe(200);
    await other.locator('.el-table__empty-text').filter({ hasText: '没有找到案件' }).waitFor();
    expect(await other.locator('[data-test=case-table] a').count()).toBe(0);
    // Eleven commands through four browsers: slower than one request, and slower still beside other suites.
  }, 180_000);
});
