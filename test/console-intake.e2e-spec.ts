import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { OUTCOME_LABELS } from 'src/cases/case-labels';
import { creditCodeCheckChar } from 'src/common/validation/china-ids';
import { CONSOLE_SHOTS, consoleSuite, tabTo } from 'test/helpers/browser';
import type { HttpClient } from 'test/helpers/http-client';
import { validCallBody, validCaseBody } from 'test/helpers/intake-payloads';

interface CaseDetails {
  id: string;
  number: string;
  version: number;
  kind: string;
  category: string;
  priority: string;
  disputeArisenOn: string | null;
  narrative: string;
  workersAffected: number;
  employer: { id: string; name: string } | null;
  claims: { type: string; amount: string }[];
  lastCallbackResult: string | null;
}

const EMPLOYER = '北京星河物流有限公司';
const CREDIT_CODE = '91110105MA01ABCD1' + creditCodeCheckChar('91110105MA01ABCD1');

/** What has the focus, as a test can name it: a field's name, else a button's data-test, else its label. */
async function focused(page: Page): Promise<string> {
  const el = page.locator(':focus');
  if ((await el.count()) === 0) return '';
  return (
    (await el.getAttribute('name')) ??
    (await el.getAttribute('data-test')) ??
    (await el.getAttribute('aria-label')) ??
    (await el.getAttribute('role')) ??
    ''
  );
}

/**
 * The operator's intake page (src/console/intake) with nothing but the keyboard once signed in: Tab from field to
 * field, the selects and the employer suggestions chosen with arrows and Enter, Enter to log the call.
 */
describe('call intake from the keyboard alone', () => {
  const suite = consoleSuite();
  const as = async (user: 'operator_city' | 'dispatcher_city' | 'mediator_a1'): Promise<HttpClient> =>
    suite.t.http.withToken(await suite.fx.token(user));

  it('logs a labour dispute with two claims, a suggested employer and a dispute date, then shows it first among recent calls', async () => {
    // The employer is known from an earlier call, with its credit code.
    const operator = await as('operator_city');
    const earlier = validCallBody();
    const earlierCall = await operator.post<{ caseId: string }>('/calls', {
      ...earlier,
      case: { ...(earlier.case as object), employer: { name: EMPLOYER, creditCode: CREDIT_CODE } },
    });
    expect(earlierCall.status).toBe(201);
    const known = (await operator.get<CaseDetails>(`/cases/${earlierCall.body.caseId}`)).body.employer;
    expect(known?.name).toBe(EMPLOYER);

    const page = await suite.signedIn('operator_city');
    // Every POST /calls answer: an Enter meant for a list or a field must not send the call.
    const sent: number[] = [];
    page.on('response', (res) => {
      if (res.request().method() === 'POST' && new URL(res.url()).pathname === '/calls') sent.push(res.status());
    });
    await page.waitForURL(/#\/intake$/);
    expect(await focused(page)).toBe('phone');
    const visited: string[] = ['phone'];
    const next = async (): Promise<void> => {
      await page.keyboard.press('Tab');
      visited.push(await focused(page));
    };

    await page.keyboard.type('13800005555');
    await next();
    await page.keyboard.type('陈师傅');
    await next(); // the disposition: a new case, as it starts
    await next(); // the kind: a labour dispute, as it starts
    await next();
    // A filterable select takes typed text; Enter picks the first match.
    await page.keyboard.type('劳动合同');
    await page.keyboard.press('Enter');
    await next();
    // Arrow down opens the list on the current choice, the next arrow moves to 紧急, Enter picks it.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await next();
    await page.keyboard.type('北京星河');
    const suggestion = page.locator('.el-autocomplete-suggestion li', { hasText: CREDIT_CODE });
    await suggestion.waitFor();
    expect(await suggestion.textContent()).toContain(`${EMPLOYER} · ${CREDIT_CODE}`);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await page.locator('input[name=employerName]').inputValue()).toBe(EMPLOYER);
    expect(await page.locator('input[name=creditCode]').inputValue()).toBe(CREDIT_CODE);
    await next(); // the credit code, filled by the pick
    await next();
    // The number of workers steps up with the arrows: 1 → 3.
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await next(); // the first claim's type: unpaid wages, as it starts
    await next();
    await page.keyboard.type('3000.50');
    // Alt+C adds a claim row and puts the focus on its type.
    await page.keyboard.press('Alt+c');
    visited.push(await focused(page));
    await page.keyboard.type('经济补偿');
    await page.keyboard.press('Enter');
    await next();
    await page.keyboard.type('1200');
    await next(); // the second row's remove button
    await next(); // the add-claim button
    await next();
    await page.keyboard.type('2026-11-02');
    // Enter takes the typed date (and closes the calendar) without logging the call yet.
    await page.keyboard.press('Enter');
    await next();
    await page.keyboard.type('公司以合同到期为由拒付经济补偿，另欠一个月工资。');
    await next();
    await page.keyboard.type('合同到期拒付补偿');
    await page.keyboard.press('Enter');

    // The Tab order is the form's, top to bottom.
    expect(visited).toEqual([
      'phone',
      'callerName',
      'disposition',
      'kind',
      'category',
      'priority',
      'employerName',
      'creditCode',
      'workersAffected',
      'claimType0',
      'claimAmount0',
      'claimType1',
      'claimAmount1',
      '删除 2',
      'add-claim',
      'disputeArisenOn',
      'narrative',
      'summary',
    ]);

    const message = page.locator('.el-message--success');
    await message.waitFor();
    const number = /GD-\d{4}-\d{6}/.exec((await message.textContent()) ?? '')?.[0] ?? '';
    expect(number).not.toBe('');
    expect(sent).toEqual([201]);
    // Ready for the next call at once.
    expect(await focused(page)).toBe('phone');

    const found = await operator.get<{ items: { id: string }[] }>(`/cases?number=${number}`);
    const created = (await operator.get<CaseDetails>(`/cases/${found.body.items[0]?.id ?? ''}`)).body;
    expect(created).toMatchObject({
      kind: 'labour_dispute',
      category: 'labour_contract',
      priority: 'urgent',
      workersAffected: 3,
      disputeArisenOn: '2026-11-02',
      narrative: '公司以合同到期为由拒付经济补偿，另欠一个月工资。',
      employer: { id: known?.id, name: EMPLOYER },
      claims: [
        { type: 'unpaid_wages', amount: '3000.50' },
        { type: 'severance', amount: '1200.00' },
      ],
    });

    // The call just logged heads the operator's recent calls, linked to its case.
    const first = page.locator('[data-test=recent-calls] .el-table__row').first();
    await first.filter({ hasText: number }).waitFor();
    expect(await first.textContent()).toContain('立案');
    expect(await first.locator('a').getAttribute('href')).toBe(`#/cases/${created.id}`);
    await page.screenshot({ path: join(CONSOLE_SHOTS, 'intake.png'), fullPage: true });

    // 1280 px: the lists beside the form; 1024 px: below it.
    const box = async (selector: string) => (await page.locator(selector).boundingBox()) ?? { x: 0, y: 0, height: 0 };
    expect((await box('[data-test=recent-calls]')).x).toBeGreaterThan((await box('[data-test=intake-form]')).x + 400);
    await page.setViewportSize({ width: 1024, height: 900 });
    const form = await box('[data-test=intake-form]');
    expect((await box('[data-test=recent-calls]')).y).toBeGreaterThanOrEqual(form.y + form.height);
    await page.screenshot({ path: join(CONSOLE_SHOTS, 'intake-1024.png'), fullPage: true });
  }, 120_000);

  it('records the callback of a closed case from the 待回访 list, and the case leaves it', async () => {
    const operator = await as('operator_city');
    const dispatcher = await as('dispatcher_city');
    const mediator = await as('mediator_a1');
    const { worker: _worker, ...body } = validCaseBody();
    const created = await operator.post<CaseDetails>('/cases', body);
    expect(created.status).toBe(201);
    let current = created.body;
    const step = async (client: HttpClient, command: string, payload: Record<string, unknown> = {}) => {
      const res = await client.post<CaseDetails>(`/cases/${current.id}/${command}`, {
        ...payload,
        version: current.version,
      });
      expect({ command, status: res.status }).toEqual({ command, status: 200 });
      current = res.body;
    };
    await step(operator, 'classify', { kind: 'labour_dispute', category: 'wage_arrears', priority: 'normal' });
    await step(dispatcher, 'dispatch', { orgUnitId: suite.fx.units.streetA1.id });
    await step(mediator, 'accept');
    await step(mediator, 'propose-closure', { outcome: 'settled' });
    await step(dispatcher, 'close', { outcome: 'settled', amountsConfirmed: true });

    const page = await suite.signedIn('operator_city');
    await page.waitForURL(/#\/intake$/);
    const row = page.locator('[data-test=callbacks-due] .el-table__row', { hasText: current.number });
    await row.waitFor();
    expect(await row.textContent()).toContain(OUTCOME_LABELS.settled.zh);

    // From the form, Tab on to the case's 回访 button; Enter opens the callback form.
    await tabTo(page, `[data-case="${current.number}"]`);
    await page.keyboard.press('Enter');
    await page.locator('[data-test=run-command]').waitFor();
    // The result: the first arrow opens the list, the second moves to its first entry (satisfied).
    await tabTo(page, '[data-field=result] input');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await tabTo(page, '[data-test=run-command]');
    await page.keyboard.press('Enter');

    await row.waitFor({ state: 'detached' });
    await page.locator('[data-test=callbacks-due] .el-table__empty-text').waitFor();
    const after = await operator.get<CaseDetails>(`/cases/${current.id}`);
    expect(after.body.lastCallbackResult).toBe('satisfied');
  }, 120_000);

  it("puts a 400's reasons beside their fields with the focus on the first; Alt+N starts a new call", async () => {
    const page = await suite.signedIn('operator_city');
    await page.waitForURL(/#\/intake$/);
    await page.keyboard.type('13800006666');
    await tabTo(page, 'input[name=creditCode]');
    await page.keyboard.type('NOT-A-CODE');
    await tabTo(page, 'input[name=claimAmount0]');
    await page.keyboard.type('12.345');
    await page.keyboard.press('Enter');

    const beside = (field: string) => page.locator(`.is-error:has(input[name=${field}]) .el-form-item__error`);
    await beside('claimAmount0').waitFor();
    expect(await beside('claimAmount0').textContent()).toMatch(/amount/);
    expect(await beside('creditCode').textContent()).toMatch(/creditCode/);
    expect(await beside('callerName').textContent()).toMatch(/name/);
    // The focus is on the first field to fix, in the form's order.
    expect(await focused(page)).toBe('callerName');

    await page.keyboard.press('Alt+n');
    expect(await focused(page)).toBe('phone');
    expect(await page.locator('input[name=phone]').inputValue()).toBe('');
    expect(await page.locator('input[name=claimAmount0]').inputValue()).toBe('');
    // The reasons go (after their leaving transition) with the call they were about.
    await page.locator('.el-form-item__error').first().waitFor({ state: 'detached', timeout: 2_000 });
    expect(await page.locator('.el-form-item__error').count()).toBe(0);
  }, 60_000);
});
