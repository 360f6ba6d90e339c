import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { CONSOLE_SHOTS, consoleSuite } from 'test/helpers/browser';
import { TEST_PASSWORD, type FixtureUser } from 'test/helpers/identity-fixture';

interface CaseRow {
  id: string;
  number: string;
  claimed: string;
  kind: string;
}

/** The staff console at /console (src/console), driven in headless Chromium through its pages only. */
describe('staff console at /console', () => {
  const suite = consoleSuite();
  const signedIn = (user: FixtureUser): Promise<Page> => suite.signedIn(user);

  const casesByNumber = async (number: string) =>
    (
      await suite.t.http.get<{ items: CaseRow[] }>(`/cases?number=${number}`, {
        token: await suite.fx.token('dispatcher_city'),
      })
    ).body.items;

  it('serves the built page with a strict CSP and no outside scripts', async () => {
    const res = await fetch(`${suite.t.http.baseUrl}/console`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'; script-src 'self';/);
    const html = await res.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).not.toMatch(/src="https?:/);
    const script = /src="(\/console\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    const asset = await fetch(`${suite.t.http.baseUrl}${script ?? ''}`);
    expect({ status: asset.status, cache: asset.headers.get('cache-control') }).toEqual({
      status: 200,
      cache: 'public, max-age=31536000, immutable',
    });
    expect((await fetch(`${suite.t.http.baseUrl}/console/assets/..%2F..%2Fpackage.json`)).status).toBe(404);
    const slash = await fetch(`${suite.t.http.baseUrl}/console/`, { redirect: 'manual' });
    expect({ status: slash.status, location: slash.headers.get('location') }).toEqual({
      status: 301,
      location: '/console',
    });
  });

  it('an operator logs a call that creates a labour dispute with two claims, and a repeat call attaches to it', async () => {
    const page = await signedIn('operator_city');
    await page.waitForURL(/#\/intake$/);
    // The menu holds what an operator may do, nothing more.
    const menu = await page.locator('.el-menu-item').allTextContents();
    expect(menu.map((m) => m.trim())).toEqual(['来电登记', '案件查询']);

    // A bad amount first: the API's 400 appears beside its field and nothing is created.
    await page.locator('input[name=phone]').fill('13700001111');
    await page.locator('input[name=callerName]').fill('李师傅');
    await page.locator('input[name=employerName]').fill('北京某某建筑工程有限公司');
    await page.locator('input[name=claimAmount0]').fill('12.345');
    await page.locator('textarea[name=narrative]').fill('工地拖欠两个月工资和加班费。');
    await page.locator('input[name=summary]').fill('拖欠工资');
    await page.locator('input[name=summary]').press('Enter');
    const amountError = page.locator('.claim-amount .el-form-item__error');
    await amountError.waitFor();
    expect(await amountError.textContent()).toMatch(/amount/);
    await page.screenshot({ path: join(CONSOLE_SHOTS, 'intake-field-error.png') });

    await page.locator('input[name=claimAmount0]').fill('3000.50');
    await page.locator('[data-test=add-claim]').click();
    await page.locator('input[name=claimAmount1]').fill('1200');
    await page.locator('input[name=summary]').press('Enter');
    const message = page.locator('.el-message--success');
    await message.waitFor();
    const number = /GD-\d{4}-\d{6}/.exec((await message.textContent()) ?? '')?.[0] ?? '';
    expect(number).not.toBe('');
    const [created] = await casesByNumber(number);
    expect(created).toMatchObject({ kind: 'labour_dispute', claimed: '4200.50' });
    // After submit the form is new and the phone field has the focus for the next call.
    expect(await page.locator('input[name=phone]').inputValue()).toBe('');
    expect(await page.evaluate("document.activeElement?.getAttribute('name')")).toBe('phone');

    // The same caller again: the lookup shows the open case, masked; the operator attaches the call.
    await page.keyboard.type('13700001111');
    const callerCases = page.locator('[data-test=caller-cases]');
    await callerCases.filter({ hasText: number }).waitFor();
    await page.screenshot({ path: join(CONSOLE_SHOTS, 'intake-repeat-caller.png') });
    await callerCases.getByRole('button').first().click();
    await page.locator('input[name=summary]').fill('询问进展');
    await page.locator('[data-test=submit]').click();
    await page
      .locator('.el-message--success')
      .filter({ hasText: `已关联到案件：${number}` })
      .waitFor();
    const events = await suite.t.http.get<{ type: string }[]>(`/cases/${created!.id}/events`, {
      token: await suite.fx.token('dispatcher_city'),
    });
    expect(events.body.map((e) => e.type)).toContain('call_attached');
    expect(await casesByNumber(number)).toHaveLength(1);
  });

  it('search finds a case in scope and opens its page; a mediator of another district finds nothing', async () => {
    const operator = suite.t.http.withToken(await suite.fx.token('operator_a'));
    const created = await operator.post<CaseRow>('/cases', {
      kind: 'labour_dispute',
      category: 'wage_arrears',
      narrative: '区内案件',
      claims: [{ type: 'unpaid_wages', amount: '800.00' }],
    });
    expect(created.status).toBe(201);

    const page = await signedIn('dispatcher_a');
    await page.waitForURL(/#\/desk$/);
    await page.goto(`${suite.t.http.baseUrl}/console#/cases`);
    await page.locator('input[name=number]').fill(created.body.number);
    await page.locator('[data-test=find]').click();
    const link = page.locator('[data-test=case-table] a', { hasText: created.body.number });
    await link.waitFor();
    await page.screenshot({ path: join(CONSOLE_SHOTS, 'case-search.png') });
    await link.click();
    await page.locator('[data-test=case-page]').waitFor();
    expect(await page.locator('[data-test=case-page] h2').textContent()).toContain(created.body.number);
    await page.locator('[data-test=timers] .el-table__row').first().waitFor();
    await page.screenshot({ path: join(CONSOLE_SHOTS, 'case-page.png') });

    const other = await signedIn('mediator_b1');
    await other.waitForURL(/#\/my-cases$/);
    await other.goto(`${suite.t.http.baseUrl}/console#/cases`);
    await other.locator('input[name=number]').fill(created.body.number);
    await other.locator('[data-test=find]').click();
    await other.locator('.el-table__empty-text').filter({ hasText: '没有找到案件' }).waitFor();
    expect(await other.locator('[data-test=case-table] a').count()).toBe(0);
  });

  it('search narrows by unit subtree, employer and the days received', async () => {
    const employer = '北京检索测试建材有限公司';
    const inA = await suite.t.http.withToken(await suite.fx.token('operator_a')).post<CaseRow>('/cases', {
      kind: 'labour_dispute',
      category: 'wage_arrears',
      narrative: '按单位检索',
      employer: { name: employer },
      claims: [{ type: 'unpaid_wages', amount: '500.00' }],
    });
    const atCity = await suite.t.http.withToken(await suite.fx.token('operator_city')).post<CaseRow>('/cases', {
      kind: 'labour_dispute',
      category: 'wage_arrears',
      narrative: '市级案件',
      claims: [{ type: 'unpaid_wages', amount: '700.00' }],
    });
    expect([inA.status, atCity.status]).toEqual([201, 201]);
    const page = await signedIn('dispatcher_city');
    await page.goto(`${suite.t.http.baseUrl}/console#/cases`);
    const rows = page.locator('[data-test=case-table] a');
    const search = async () => {
      const answered = page.waitForResponse((res) => new URL(res.url()).pathname === '/cases');
      await page.locator('[data-test=find]').click();
      expect((await answered).status()).toBe(200);
    };
    const shown = async () => (await rows.allTextContents()).map((n) => n.trim());

    // The unit picker over the tree: district A and below.
    await page.locator('[data-test=filter-unit] .el-select__wrapper').click();
    await page.locator('.el-tree-node__content:visible').getByText('T-A工会', { exact: true }).click();
    await search();
    expect(await shown()).toContain(inA.body.number);
    expect(await shown()).not.toContain(atCity.body.number);

    // The employer, found by part of its name.
    await page.locator('[data-test=filter-employer] .el-select__wrapper').click();
    await page.keyboard.type('检索测试');
    await page.locator('.el-select-dropdown__item:visible', { hasText: employer }).click();
    await search();
    expect(await shown()).toEqual([inA.body.number]);

    // Received on a day long past: nothing.
    const range = page.locator('[data-test=filter-received] input');
    await range.nth(0).fill('2020-01-01');
    await range.nth(1).fill('2020-01-02');
    await range.nth(1).press('Enter');
    await search();
    await page.locator('.el-table__empty-text').waitFor();
    expect(await shown()).toEqual([]);
    await page.screenshot({ path: join(CONSOLE_SHOTS, 'case-search-filters.png') });
  });

  it('a session ended elsewhere sends the user to sign in, and back to the same page after', async () => {
    const page = await signedIn('dispatcher_city');
    await page.goto(`${suite.t.http.baseUrl}/console#/cases`);
    await page.locator('[data-test=case-table]').waitFor();
    // The session ends on the server (as when an administrator signs it out): its tokens stop working.
    const refreshToken = await page.evaluate<string | null>("sessionStorage.getItem('gd.console.refresh')");
    const renewed = await suite.t.http.post<{ accessToken: string; refreshToken: string }>('/auth/refresh', {
      refreshToken,
    });
    expect(renewed.status).toBe(200);
    const ended = await suite.t.http.post(
      '/auth/logout',
      { refreshToken: renewed.body.refreshToken },
      { token: renewed.body.accessToken },
    );
    expect(ended.status).toBeLessThan(300);

    await page.locator('[data-test=find]').click();
    await page.waitForURL(/#\/login\?next=\/cases$/);
    await page.locator('input[name=username]').fill('dispatcher_city');
    await page.locator('input[name=password]').fill(TEST_PASSWORD);
    await page.locator('input[name=password]').press('Enter');
    await page.waitForURL(/#\/cases$/);
    await page.locator('[data-test=case-table]').waitFor();
  });

  it('switches to English and remembers it; signing out ends the session', async () => {
    const page = await signedIn('operator_city');
    await page.getByText('English', { exact: true }).click();
    await page.locator('.el-menu-item', { hasText: 'Call intake' }).waitFor();
    await page.reload();
    await page.locator('.el-menu-item', { hasText: 'Call intake' }).waitFor();
    await page.locator('[data-test=sign-out]').click();
    await page.waitForURL(/#\/login/);
    expect(await page.evaluate("sessionStorage.getItem('gd.console.refresh')")).toBeNull();
  });
});
