// The inactivity timeout in a real browser, with a short timeout from the kiosk configuration
// (the schema's minimums: 20 s idle, 20 s warning) and Playwright's fake clock instead of waiting:
// the warning counts down from 20 with one big button; pressing it keeps the session; not pressing
// it logs the customer out to the start screen with nothing of theirs left. Staff mode times out too.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKioskProcess, type KioskProcess } from '../support/browser-mode-process';
import { launchChromium, VIEWPORTS } from '../support/chromium';
import { keypad, logIn, typeOnKeypad, watchForPageProblems } from '../support/kiosk-page';

let kiosk: KioskProcess;
let browser: Browser;

beforeAll(async () => {
  kiosk = await startKioskProcess({ config: { ui: { idleTimeoutSeconds: 20, idleWarningSeconds: 20 } } });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await kiosk?.stop();
});

/** A kiosk page whose timers and Date run on Playwright's clock, installed before the app starts. */
async function openWithFakeClock(): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORTS.landscape, hasTouch: true, locale: 'ru-RU' });
  const page = await context.newPage();
  await page.clock.install();
  await page.goto(kiosk.url);
  return page;
}

async function callKioskApi(method: string): Promise<{ ok: boolean; error?: { code: string } }> {
  const response = await fetch(`${kiosk.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Kiosk-Token': kiosk.token },
    body: '{}',
  });
  return (await response.json()) as { ok: boolean; error?: { code: string } };
}

function warning(page: Page) {
  return page.getByRole('alertdialog', { name: 'Вы ещё здесь?' });
}

/** Lets `seconds` of inactivity pass on the page's clock, firing every timer on the way. */
async function idleFor(page: Page, seconds: number): Promise<void> {
  await page.clock.runFor(seconds * 1000);
}

describe('inactivity timeout', () => {
  it('warns after 20 s with a 20-second countdown; «Продолжить работу» keeps the session; silence logs out', async () => {
    const page = await openWithFakeClock();
    const problems = watchForPageProblems(page);
    await expect.poll(() => page.getByRole('heading', { name: 'Добро пожаловать!' }).isVisible()).toBe(true);
    // The start screen itself never times out.
    await idleFor(page, 60);
    expect(await warning(page).count()).toBe(0);

    await logIn(page, '820000001', 'demo1234');
    const home = page.getByRole('heading', { name: /^Здравствуйте, / });
    await expect.poll(() => home.isVisible()).toBe(true);
    const holder = ((await home.textContent()) ?? '').replace(/^Здравствуйте, |!$/g, '');

    await idleFor(page, 19);
    expect(await warning(page).count()).toBe(0);
    await idleFor(page, 1.5);
    await expect.poll(() => warning(page).isVisible()).toBe(true);
    expect(await warning(page).textContent()).toContain('Через 20 секунд сеанс завершится');
    await idleFor(page, 5);
    await expect.poll(() => warning(page).textContent()).toContain('Через 15 секунд сеанс завершится');

    const keepGoing = warning(page).getByRole('button', { name: 'Продолжить работу' });
    const size = await keepGoing.boundingBox();
    expect(size!.height).toBeGreaterThanOrEqual(64);
    await keepGoing.click();
    await expect.poll(() => warning(page).count()).toBe(0);
    expect(await home.isVisible()).toBe(true);
    expect(await callKioskApi('account.summary')).toMatchObject({ ok: true });

    // Again, and this time nobody answers.
    await idleFor(page, 20.5);
    await expect.poll(() => warning(page).isVisible()).toBe(true);
    await idleFor(page, 20.5);
    await expect.poll(() => page.getByRole('heading', { name: 'Добро пожаловать!' }).isVisible()).toBe(true);
    expect(await warning(page).count()).toBe(0);
    await expect.poll(async () => (await callKioskApi('account.summary')).error?.code).toBe('not-logged-in');
    const html = await page.evaluate(() => document.documentElement.outerHTML);
    for (const trace of ['820000001', '•••••0001', holder]) expect(html).not.toContain(trace);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('staff mode times out as well, and the staff session ends with it', async () => {
    const page = await openWithFakeClock();
    await expect.poll(() => page.getByRole('heading', { name: 'Добро пожаловать!' }).isVisible()).toBe(true);
    const box = await page.getByRole('button', { name: 'Вход для сотрудника' }).boundingBox();
    await page.mouse.move(box!.x + box!.width / 2, box!.y + box!.height / 2);
    await page.mouse.down();
    await page.clock.runFor(3_100);
    await page.mouse.up();
    await expect.poll(() => page.getByRole('heading', { name: 'Вход для сотрудника' }).isVisible()).toBe(true);
    await typeOnKeypad(page, '1001');
    await page.getByLabel('PIN-код').click();
    await typeOnKeypad(page, '123456');
    await page.getByRole('button', { name: 'Войти', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Режим сотрудника' }).isVisible()).toBe(true);
    expect(await callKioskApi('staff.status')).toMatchObject({ ok: true });
    expect(await keypad(page).count()).toBe(0);

    await idleFor(page, 20.5);
    await expect.poll(() => warning(page).isVisible()).toBe(true);
    await idleFor(page, 20.5);
    await expect.poll(() => page.getByRole('heading', { name: 'Добро пожаловать!' }).isVisible()).toBe(true);
    await expect.poll(async () => (await callKioskApi('staff.status')).error?.code).toBe('staff-only');
    await page.context().close();
  });
});
