import { Browser, chromium, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AppRole } from 'src/config/app-config';
import { createIdentityFixture, FixtureUser, IdentityFixture, TEST_PASSWORD } from 'test/helpers/identity-fixture';
import { createTestApp, TestApp } from 'test/helpers/test-app';

/**
 * Debian's headless Chromium, as the machine has it (a test tool's own browser download does not work here).
 * Background networking off: this machine's closed network refuses those connections many at a time.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * A new browser context signed in to the staff console as `user`, from the keyboard (type, Tab, Enter), at
 * 1280 px; fails on any script error on the way.
 */
export async function consoleSession(
  browser: Browser,
  baseUrl: string,
  user: string,
  password: string = TEST_PASSWORD,
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${baseUrl}/console`);
  await page.locator('input[name=username]').focus();
  await page.keyboard.type(user);
  await page.keyboard.press('Tab');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  await page.locator('[data-test=current-user]').filter({ hasText: user }).waitFor();
  if (errors.length > 0) throw new Error(`script errors while signing in: ${errors.join('; ')}`);
  return page;
}

/** Where the console's browser tests write their screenshots and timings (git-ignored). */
export const CONSOLE_SHOTS = join(__dirname, '..', 'artifacts', 'console');

export interface ConsoleSuite {
  t: TestApp;
  fx: IdentityFixture;
  browser: Browser;
  signedIn(user: FixtureUser): Promise<Page>;
}

/**
 * The setup of a console browser suite: an API-only app (the pages read what commands commit; queue consumers
 * would only slow the teardown), the accounts, Chromium. Call at the top of a `describe`; read after `beforeAll`.
 */
export function consoleSuite(): ConsoleSuite {
  const suite = {} as ConsoleSuite;
  beforeAll(async () => {
    suite.t = await createTestApp({ role: AppRole.Api });
    suite.fx = await createIdentityFixture(suite.t);
    suite.browser = await launchChromium();
    suite.signedIn = (user) => consoleSession(suite.browser, suite.t.http.baseUrl, user);
    mkdirSync(CONSOLE_SHOTS, { recursive: true });
  }, 60_000);
  afterAll(async () => {
    await suite.browser.close();
    await suite.t.close();
  }, 120_000);
  return suite;
}

/** Presses Tab until the element matching `selector` has the focus (an operator's Tab, not a click). */
export async function tabTo(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    if ((await page.locator(`${selector}:focus`).count()) > 0) return;
  }
  const at = page.locator(':focus');
  const name = (await at.count()) > 0 ? await at.getAttribute('name') : null;
  throw new Error(`Tab never reached ${selector}; the focus is on ${name ?? 'an element without a name'}`);
}
