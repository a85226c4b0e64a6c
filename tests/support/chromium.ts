// Launches Debian's Chromium through playwright-core (Playwright's own browser download does not
// work offline). The flags keep Chromium from reaching for the network at start. Debian's headless
// shell comes first: the same Blink and V8 without the desktop browser around them (what Playwright
// itself runs for headless tests), it took a quarter less CPU over the same e2e files than the full
// browser in headless mode, and every e2e file is CPU-bound on two cores.
import fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { KioskProcess } from './browser-mode-process';

export const CHROMIUM_PATH = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium-headless-shell',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
].find((candidate): candidate is string => !!candidate && fs.existsSync(candidate));

export async function launchChromium(): Promise<Browser> {
  if (!CHROMIUM_PATH)
    throw new Error('Chromium is not installed: apt-get install -y chromium-headless-shell (or chromium, or set CHROMIUM_PATH)');
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export type Orientation = 'landscape' | 'portrait';

export const VIEWPORTS: Record<Orientation, { width: number; height: number }> = {
  landscape: { width: 1920, height: 1080 },
  portrait: { width: 1080, height: 1920 },
};

/** A fresh browser context (no storage shared between tests) with a kiosk-sized touch screen, showing the kiosk. */
export async function openKioskPage(browser: Browser, kiosk: KioskProcess, orientation: Orientation = 'landscape'): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORTS[orientation], hasTouch: true, locale: 'ru-RU' });
  const page = await context.newPage();
  await showKiosk(page, kiosk);
  return page;
}

/**
 * Loads the kiosk in a page, with the session cookie the launch gave (each context is a fresh browser
 * profile). The prerendered start screen is inert until the kiosk's scripts have hydrated it: unless
 * `live` is false (a page without scripts), this returns once it is live, where a customer's tap
 * would first work and a test may change the page.
 */
export async function showKiosk(page: Page, kiosk: KioskProcess, { live = true }: { live?: boolean } = {}): Promise<void> {
  await page.context().addCookies([{ ...kiosk.sessionCookie, url: kiosk.origin, httpOnly: true, sameSite: 'Strict' }]);
  await page.goto(`${kiosk.origin}/`);
  if (live) await page.locator('#app:not([inert])').waitFor({ state: 'attached' });
}
