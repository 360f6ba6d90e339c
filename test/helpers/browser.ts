import { Browser, chromium } from 'playwright-core';

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
