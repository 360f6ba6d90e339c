import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { CALLBACK_RESULT_LABELS, OUTCOME_LABELS } from 'src/cases/case-labels';
import { yuanToFen } from 'src/common/money/money';
import { shanghaiDay } from 'src/common/util/shanghai-time';
import { CONSOLE_SHOTS, consoleSuite } from 'test/helpers/browser';
import type { FixtureUser } from 'test/helpers/identity-fixture';

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
    await page
      .locator('.el-select-dropdown__item:visible, .el-tree-node__label:visible')
      .getByText(option, { exact: true })
      .click();
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

  const recovered = async (): Promise<string> =>
    (await suite.t.http.get<Summary>('/reports/summary?period=day', { token: await suite.fx.token('leader_city') }))
      .body.figures.moneyRecovered;

  it('intake → dispatch → accept → mediation with two instalments → payments → closure → callback', async () => {
    const before = await recovered();
    const today = shanghaiDay(new Date());
    // The operator takes the call in the intake page.
    const intake = await signedIn('operator_city');
    await intake.waitForURL(/#\/intake$/);
    await intake.locator('input[name=phone]').fill('13600002222');
    await intake.locator('input[name=callerName]').fill('赵师傅');
    await intake.locator('input[name=claimAmount0]').fill('600.00');
    await intake.locator('[data-test=add-claim]').click();
    await intake.locator('input[name=claimAmount1]').fill('400.00');
    await intake.locator('textarea[name=narrative]').fill('工地拖欠工资。');
    await intake.locator('input[name=summary]').fill('拖欠工资');
    await intake.locator('input[name=summary]').press('Enter');
    const message = intake.locator('.el-message--success');
    await message.waitFor();
    const number = /GD-\d{4}-\d{6}/.exec((await message.textContent()) ?? '')?.[0] ?? '';
    const found = await suite.t.http.get<{ items: { id: string }[] }>(`/cases?number=${number}`, {
      token: await suite.fx.token('dispatcher_city'),
    });
    const id = found.body.items[0]?.id ?? '';
    expect(id).not.toBe('');

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
    expect(CALLBACK_RESULT_LABELS.satisfied.zh).toBe('满意');
    // 挽回经济损失 for today rose by exactly what was paid.
    expect(yuanToFen(await recovered()) - yuanToFen(before)).toBe(100000n);
    // Eleven commands through four browsers: slower than one request, and slower still beside other suites.
  }, 180_000);
});
