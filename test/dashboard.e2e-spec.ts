import fc from 'fast-check';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { Browser, Page } from 'playwright-core';
import { launchChromium } from 'test/helpers/browser';
import { TimerJobs } from 'src/sla/timer.jobs';
import { caseScript, playScript, shiftCase } from 'test/helpers/case-history';
import { createIdentityFixture, FixtureUser, IdentityFixture, TEST_PASSWORD } from 'test/helpers/identity-fixture';
import { createTestApp, TestApp } from 'test/helpers/test-app';

const ARTIFACTS = join(__dirname, 'artifacts');

interface Rate {
  rate: number | null;
}
interface Summary {
  period: { from: string; to: string };
  figures: { received: number; closed: number; moneyRecovered: string; closureRate: Rate };
}

/** The page's own formatting, restated: thousands separators, yuan kept exactly as the API's string. */
const count = (n: number): string => n.toLocaleString('en-US');
const yuan = (amount: string): string => {
  const [whole = '', fraction = ''] = amount.split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction}`;
};
const percent = (rate: Rate): string => (rate.rate === null ? '—' : `${(rate.rate * 100).toFixed(1)}%`);

// Runs in the page (the test's tsconfig has no DOM types, hence a string). For each chart: how many pixels of
// its canvas are painted, and the data of its first series as ECharts holds it.
const CHART_STATE = `(() => Object.fromEntries([...document.querySelectorAll('[data-chart]')].map((el) => {
  const canvas = el.querySelector('canvas');
  const pixels = canvas ? canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data : [];
  let painted = 0;
  for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) painted += 1;
  const series = echarts.getInstanceByDom(el)?.getOption().series ?? [];
  return [el.dataset.chart, { painted, area: canvas ? canvas.width * canvas.height : 0, series: series.map((s) => s.data) }];
})))()`;

interface ChartState {
  painted: number;
  area: number;
  series: unknown[][];
}

describe('leadership dashboard at /dashboard', () => {
  let t: TestApp;
  let fx: IdentityFixture;
  let db: Client;
  let browser: Browser;

  beforeAll(async () => {
    t = await createTestApp();
    fx = await createIdentityFixture(t);
    db = new Client({ connectionString: t.db.url });
    await db.connect();
    // Case history over about two years (half today, half moved back), so every period shows other figures.
    for (const script of fc.sample(caseScript, { numRuns: 36, seed: 7_2026 })) {
      const id = await playScript(t, fx, script);
      if (script.shiftDays > 0) await shiftCase(db, id, script.shiftDays);
    }
    await t.app.get(TimerJobs, { strict: false }).reconcile();
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser.close();
    await db.end();
    await t.close();
  });

  async function summary(query: string, user: FixtureUser = 'leader_city'): Promise<Summary> {
    const res = await t.http.get<Summary>(`/reports/summary?${query}`, { token: await fx.token(user) });
    expect(res.status).toBe(200);
    return res.body;
  }

  /** Waits until the page has drawn the answer for its current filters. */
  async function ready(page: Page): Promise<void> {
    await page.waitForSelector('main[data-state=ready]', { timeout: 20_000 });
  }

  /** Waits for the page to show the API's figures for a period, then checks the others. */
  async function expectFigures(page: Page, expected: Summary): Promise<void> {
    const value = (key: string) => `document.querySelector('[data-figure=${key}] .value')?.textContent`;
    // Locators wait without eval (the page's CSP forbids it, and Playwright's string predicates need it).
    const received = count(expected.figures.received);
    await page
      .locator('[data-figure=received] .value')
      .filter({ hasText: new RegExp(`^${received}$`) })
      .waitFor({ timeout: 20_000 });
    await ready(page);
    expect(await page.evaluate(value('closed'))).toBe(count(expected.figures.closed));
    expect(await page.evaluate(value('moneyRecovered'))).toBe(yuan(expected.figures.moneyRecovered));
    expect(await page.evaluate(value('closureRate'))).toBe(percent(expected.figures.closureRate));
  }

  async function charts(page: Page): Promise<Record<string, ChartState>> {
    return page.evaluate<Record<string, ChartState>>(CHART_STATE);
  }

  const sum = (values: unknown[] | undefined): number => (values ?? []).reduce<number>((a, v) => a + Number(v), 0);

  it('in headless Chromium: signs in, shows the API figures and charts, follows the period filter, speaks English', async () => {
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      deviceScaleFactor: 1,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      reducedMotion: 'reduce', // the page then draws its charts without animation
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    });
    page.on('pageerror', (error) => problems.push(error.message));
    try {
      await page.goto(`${t.http.baseUrl}/dashboard`);
      await page.locator('#login-form').waitFor();
      expect(await page.locator('#login-form h2').textContent()).toBe('登录');
      await page.fill('input[name=username]', 'leader_city');
      await page.fill('input[name=password]', TEST_PASSWORD);
      await page.click('#login-form button[type=submit]');

      // This year (the default): every figure as GET /reports/summary gives it.
      const thisYear = await summary('period=year');
      expect(thisYear.figures.received).toBeGreaterThan(0);
      await expectFigures(page, thisYear);
      expect(await page.locator('#period-text').textContent()).toBe(`${thisYear.period.from} 至 ${thisYear.period.to}`);
      expect(await page.locator('[data-figure=received] .figure-label').textContent()).toBe('受理量');
      expect(await page.locator('[data-figure=moneyRecovered] .figure-label').textContent()).toBe('挽回经济损失');

      let drawn = await charts(page);
      expect(Object.keys(drawn).sort()).toEqual(['backlog', 'ranking', 'sla-timer', 'sla-unit', 'trend']);
      for (const [name, chart] of Object.entries(drawn)) {
        // Axes, labels and bars: a blank or failed chart paints nothing (or only a "no data" line).
        expect({ name, painted: chart.painted > chart.area * 0.02 }).toEqual({ name, painted: true });
      }
      // The trend's monthly bars add up to the year's figure; the ranking has a bar and a row per unit, largest first.
      expect(sum(drawn.trend?.series[0])).toBe(thisYear.figures.received);
      expect(drawn.trend?.series[0]).toHaveLength(12);
      const ranking = await t.http.get<{ rows: { figures: { received: number } }[] }>(
        '/reports/breakdown?by=unit&period=year',
        { token: await fx.token('leader_city') },
      );
      expect(ranking.body.rows.length).toBeGreaterThanOrEqual(2); // both districts, and the city's own cases if any
      expect(drawn.ranking?.series[0]).toHaveLength(ranking.body.rows.length);
      expect(await page.locator('#ranking-table tbody tr').count()).toBe(ranking.body.rows.length);
      const topReceived = Math.max(...ranking.body.rows.map((row) => row.figures.received));
      expect(await page.locator('#ranking-table tbody tr:first-child td:nth-child(3)').textContent()).toBe(
        count(topReceived),
      );

      // Tooltips are DOM built by the page (ECharts' own HTML would break the CSP: see the console check below).
      const box = await page.locator('#chart-trend').boundingBox();
      await page.mouse.move((box?.x ?? 0) + (box?.width ?? 0) * 0.5, (box?.y ?? 0) + (box?.height ?? 0) * 0.5);
      await page.locator('.tt-title').waitFor();
      expect(await page.locator('.tt-row span:not(.tt-dot)').allTextContents()).toEqual([
        '受理量',
        '办结量',
        '挽回经济损失',
      ]);
      await page.mouse.move(0, 0);

      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'dashboard.png'), fullPage: true });

      // Last year, through the year picker: other figures, and the page follows.
      const year = Number(thisYear.period.from.slice(0, 4)) - 1;
      const lastYear = await summary(`period=year&date=${year}-01-01`);
      expect(lastYear.figures.received).not.toBe(thisYear.figures.received);
      await page.selectOption('#period', 'pick-year');
      await page.selectOption('#year', String(year));
      await expectFigures(page, lastYear);
      expect(await page.locator('#period-text').textContent()).toBe(`${year}-01-01 至 ${year}-12-31`);
      drawn = await charts(page);
      expect(sum(drawn.trend?.series[0])).toBe(lastYear.figures.received);
      expect(new URL(page.url()).hash).toBe(`#period=pick-year&year=${year}`);

      // A custom range of the last six weeks, drawn day by day.
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
      const from = new Date(Date.parse(today) - 41 * 86_400_000).toISOString().slice(0, 10);
      const custom = await summary(`from=${from}&to=${today}`);
      expect(custom.figures.received).not.toBe(lastYear.figures.received);
      await page.selectOption('#period', 'custom');
      await page.fill('#from', from);
      await page.fill('#to', today);
      await page.click('#apply');
      await expectFigures(page, custom);
      drawn = await charts(page);
      expect(drawn.trend?.series[0]).toHaveLength(42);
      expect(sum(drawn.trend?.series[0])).toBe(custom.figures.received);
      expect(await page.locator('#trend-title').textContent()).toBe('逐日趋势：受理、办结与挽回经济损失');

      // English labels, from the definitions the API sends.
      await page.click('button[data-lang=en]');
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      expect(await page.locator('[data-figure=received] .figure-label').textContent()).toBe('Received');
      expect(await page.locator('[data-figure=satisfactionRate] .figure-label').textContent()).toBe(
        'Satisfaction rate',
      );
      expect(await page.locator('#trend-title').textContent()).toBe('Daily trend: received, closed, money recovered');
      await page.screenshot({ path: join(ARTIFACTS, 'dashboard-en.png'), fullPage: true });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  async function signIn(page: Page, username: string, password = TEST_PASSWORD): Promise<void> {
    await page.locator('#login-form').waitFor();
    await page.fill('input[name=username]', username);
    await page.fill('input[name=password]', password);
    await page.click('#login-form button[type=submit]');
  }

  it('keeps the access token in memory only; a reload resumes the session, a 401 renews it, sign-out ends it', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    const crashes: string[] = [];
    page.on('pageerror', (error) => crashes.push(error.message));
    const storage = async (which: 'sessionStorage' | 'localStorage') =>
      JSON.parse(await page.evaluate<string>(`JSON.stringify(Object.entries(${which}))`)) as [string, string][];
    try {
      await page.goto(`${t.http.baseUrl}/dashboard#period=month`);
      await signIn(page, 'leader_a');
      await expectFigures(page, await summary('period=month', 'leader_a'));
      // A district leader picks among the district's own units only.
      const [own, ...below] = await page.locator('#unit option').allTextContents();
      expect([own, below.sort()]).toEqual(['T-A工会', ['　T-A1工会', '　T-A2工会']]);

      // Only the refresh token is stored (per tab); no cookie, and the language choice is all localStorage has.
      const [stored] = await storage('sessionStorage');
      expect(stored?.[0]).toBe('gd.dashboard.refresh');
      expect(await storage('localStorage')).toEqual([['gd.dashboard.lang', 'zh']]);
      expect(await context.cookies()).toEqual([]);

      await page.reload();
      await expectFigures(page, await summary('period=month', 'leader_a'));
      expect(await page.locator('#login-view').isHidden()).toBe(true);
      const [rotated] = await storage('sessionStorage');
      expect(rotated?.[1]).not.toBe(stored?.[1]); // used once on reload, replaced

      // An access token that has expired meanwhile: one renewal, then the same request again.
      let refused = 0;
      await page.route('**/reports/summary?**', async (route) => {
        if (refused++ > 0) return route.continue();
        return route.fulfill({ status: 401, contentType: 'application/json', body: '{"code":"UNAUTHENTICATED"}' });
      });
      const renewal = page.waitForRequest((request) => request.url().endsWith('/auth/refresh'));
      await page.selectOption('#period', 'year');
      await renewal;
      const year = await summary('period=year', 'leader_a');
      await expectFigures(page, year);
      expect(refused).toBe(2);
      await page.unrouteAll();

      // A figure opens the list of cases behind it.
      await page.click('[data-figure=received]');
      await page.locator('#drawer tbody tr td.mono').first().waitFor();
      expect(await page.locator('#drawer tbody tr').count()).toBe(Math.min(20, year.figures.received));
      expect(await page.locator('#drawer tbody tr td.mono').first().textContent()).toMatch(/^GD-\d{4}-\d{6,}$/);
      await page.click('#drawer [data-role=close]');

      // Sign-out ends the session on the server: the last refresh token is dead, not just forgotten.
      const [last] = await storage('sessionStorage');
      await page.click('#logout');
      await page.locator('#login-message', { hasText: '已退出登录。' }).waitFor();
      expect(await storage('sessionStorage')).toEqual([]);
      expect((await t.http.post('/auth/refresh', { refreshToken: last?.[1] })).status).toBe(401);

      // Signed in without a report role: told so, and no figures.
      await signIn(page, 'operator_city');
      await page.waitForSelector('main[data-state=forbidden]');
      expect(await page.locator('#status-text').textContent()).toBe('该账号无权查看统计报表（需要领导或派单员角色）。');
      expect(await page.locator('#content').isHidden()).toBe(true);
      await page.click('#logout');

      await signIn(page, 'leader_a', 'wrong-password');
      await page.locator('#login-message', { hasText: '用户名或密码错误。' }).waitFor();
      expect(crashes).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});
