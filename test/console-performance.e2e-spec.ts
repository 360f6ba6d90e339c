import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { AppRole } from 'src/config/app-config';
import { readSeedUsers } from 'src/seed/seed-files';
import { CONSOLE_SHOTS, consoleSession, launchChromium } from 'test/helpers/browser';
import { createTestApp, TestApp } from 'test/helpers/test-app';
import { TEST_KEYS } from 'test/setup/test-env';
import { DataSource } from 'typeorm';

const ROOT = join(__dirname, '..');
const VISITS = 10;

/** The real seed command with its defaults: the demo tree, the demo accounts and the 3,000-case demo history. */
function seedDemo(databaseUrl: string): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', 'scripts/seed.ts'],
      {
        cwd: ROOT,
        env: { ...process.env, ...TEST_KEYS, NODE_ENV: 'test', NODE_PATH: ROOT, DATABASE_URL: databaseUrl },
      },
      (error, _stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stderr });
      },
    );
  });
}

/**
 * Visits each page `VISITS` times by hash navigation inside the app (in turn with the other routes, as a page is
 * not navigated to itself), waiting for its ready measure each time.
 */
async function visit(page: Page, baseUrl: string, routes: [string, string][]): Promise<void> {
  for (let round = 0; round < VISITS; round++) {
    for (const [name, hash] of routes) {
      await page.goto(`${baseUrl}/console${hash}`);
      await page.waitForFunction(([ready, seen]) => performance.getEntriesByName(`gd-ready:${ready}`).length > seen, [
        name,
        round,
      ] as const);
    }
  }
}

const measures = (page: Page) =>
  page.evaluate(() => performance.getEntriesByType('measure').map((m) => ({ name: m.name, duration: m.duration })));

/**
 * Navigation → data on screen for every console page, on the demo data `npm start` loads (3,000 cases over five
 * years), with the demo accounts. Writes median and worst per page for docs/performance.md; the targets live there,
 * not here (a shared CI machine's timings are not a pass/fail signal).
 */
describe('console pages on the demo data (Performance API)', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await createTestApp({ role: AppRole.Api });
    expect(await seedDemo(t.db.url)).toEqual({ code: 0, stderr: '' });
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser.close();
    await t.close();
  }, 120_000);

  it('opens each page ten times as its users do and records median and worst', async () => {
    const { password } = readSeedUsers();
    const db = t.app.get(DataSource);
    // The case with the longest timeline: the heaviest case page there is.
    const [busiest] = await db.query<{ id: string; events: number }[]>(
      'SELECT case_id AS id, count(*)::int AS events FROM case_event GROUP BY case_id ORDER BY 2 DESC LIMIT 1',
    );
    expect(busiest?.events).toBeGreaterThan(5);
    const base = t.http.baseUrl;
    const pages: Page[] = [];
    const session = async (user: string, routes: [string, string][]) => {
      const page = await consoleSession(browser, base, user, password);
      pages.push(page);
      await visit(page, base, routes);
    };
    await session('dispatcher_city', [
      ['inbox', '#/desk'],
      ['cases', '#/cases'],
      ['case', `#/cases/${busiest?.id ?? ''}`],
    ]);
    await session('operator_city', [
      ['intake', '#/intake'],
      ['cases', '#/cases'],
    ]);
    await session('mediator_dhm', [
      ['mine', '#/my-cases'],
      ['cases', '#/cases'],
    ]);

    const all = (await Promise.all(pages.map(measures))).flat();
    const byPage: Record<string, { median: number; worst: number; n: number }> = {};
    for (const name of ['inbox', 'mine', 'cases', 'case', 'intake']) {
      const values = all
        .filter((m) => m.name === `gd-ready:${name}`)
        .map((m) => m.duration)
        .sort((a, b) => a - b);
      expect(values.length).toBeGreaterThanOrEqual(VISITS);
      byPage[name] = {
        median: Math.round(values[Math.floor(values.length / 2)] ?? 0),
        worst: Math.round(values.at(-1) ?? 0),
        n: values.length,
      };
    }
    mkdirSync(CONSOLE_SHOTS, { recursive: true });
    writeFileSync(join(CONSOLE_SHOTS, 'timings.json'), `${JSON.stringify(byPage, null, 2)}\n`);
  }, 240_000);
});
