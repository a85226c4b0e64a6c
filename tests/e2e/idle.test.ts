// The inactivity timeout in a real browser, with a short timeout from the kiosk configuration
// (the schema's minimums: 20 s idle, 20 s warning) and Playwright's fake clock instead of waiting:
// the warning counts down from 20 with one big button; pressing it keeps the session; not pressing
// it logs the customer out to the start screen with nothing of theirs left. Staff mode times out too.
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { callKioskApi } from '../support/browser-mode-process';
import { DEMO, TRAINING_STAFF } from '../support/demo-accounts';
import { holdStaffCorner, keypad, logInAs, typeStaffLogin, waitForStaffScreen } from '../support/kiosk-page';
import { kioskTest, pageProblems } from '../support/kiosk-test';
import { audioStillPlaying, heard, press, recordAudio, recordSpeech, screen, text } from '../support/voice-page';

const it = kioskTest({ config: { ui: { idleTimeoutSeconds: 20, idleWarningSeconds: 20 } } });
const customer = DEMO.owesMoney;

function warning(page: Page) {
  return page.getByRole('alertdialog', { name: 'Вы ещё здесь?' });
}

/** Lets `seconds` of inactivity pass on the page's clock, firing every timer on the way. */
async function idleFor(page: Page, seconds: number): Promise<void> {
  await page.clock.runFor(seconds * 1000);
}

/**
 * From here on only `idleFor` moves the page's clock, and the inactivity counts from now. Installed,
 * the fake clock still flows with real time, so the real seconds a login takes on a loaded machine
 * would otherwise count as idle and the warning would come early.
 */
async function idleCountsFromHere(page: Page): Promise<void> {
  // A second ahead: the clock flows on while this call travels, and it cannot be paused in the past.
  await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1_000));
  // A touch at the paused time: the customer is "still here" now (the idle guard listens on the document).
  await page.evaluate(() => document.dispatchEvent(new PointerEvent('pointerdown')));
}

describe('inactivity timeout', () => {
  it('warns after 20 s with a 20-second countdown; «Продолжить работу» keeps the session; silence logs out', async ({
    openPage,
    kiosk,
  }) => {
    const page = await openPage({ fakeClock: true });
    const problems = pageProblems(page);
    await expect.poll(() => page.getByRole('heading', { name: 'Добро пожаловать!' }).isVisible()).toBe(true);
    // The start screen itself never times out.
    await idleFor(page, 60);
    expect(await warning(page).count()).toBe(0);

    await logInAs(page, customer);
    const home = page.getByRole('heading', { name: /^Здравствуйте, / });
    await expect.poll(() => home.isVisible()).toBe(true);
    const holder = ((await home.textContent()) ?? '').replace(/^Здравствуйте, |!$/g, '');

    await idleCountsFromHere(page);
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
    expect(await callKioskApi(kiosk, 'account.summary')).toMatchObject({ ok: true });

    // Again, and this time nobody answers.
    await idleFor(page, 20.5);
    await expect.poll(() => warning(page).isVisible()).toBe(true);
    await idleFor(page, 20.5);
    await expect.poll(() => page.getByRole('heading', { name: 'Добро пожаловать!' }).isVisible()).toBe(true);
    expect(await warning(page).count()).toBe(0);
    await expect.poll(async () => (await callKioskApi(kiosk, 'account.summary')).error?.code).toBe('not-logged-in');
    const html = await page.evaluate(() => document.documentElement.outerHTML);
    for (const trace of [customer.accountNumber, `•••••${customer.accountNumber.slice(-4)}`, holder]) expect(html).not.toContain(trace);
    expect(problems).toEqual([]);
  });

  it('staff mode times out as well, and the staff session ends with it', async ({ openPage, kiosk }) => {
    const page = await openPage({ fakeClock: true });
    await expect.poll(() => page.getByRole('heading', { name: 'Добро пожаловать!' }).isVisible()).toBe(true);
    // The three-second hold, on the page's clock.
    await holdStaffCorner(page, 3_100, (ms) => page.clock.runFor(ms));
    await expect.poll(() => page.getByRole('heading', { name: 'Вход для сотрудника' }).isVisible()).toBe(true);
    await typeStaffLogin(page, TRAINING_STAFF.number, TRAINING_STAFF.pin);
    await waitForStaffScreen(page);
    expect(await callKioskApi(kiosk, 'staff.status')).toMatchObject({ ok: true });
    expect(await keypad(page).count()).toBe(0);

    await idleCountsFromHere(page);
    await idleFor(page, 20.5);
    await expect.poll(() => warning(page).isVisible()).toBe(true);
    await idleFor(page, 20.5);
    await expect.poll(() => page.getByRole('heading', { name: 'Добро пожаловать!' }).isVisible()).toBe(true);
    await expect.poll(async () => (await callKioskApi(kiosk, 'staff.status')).error?.code).toBe('staff-only');
  });

  it('speaks the warning in voice mode, and the timeout ends voice mode, its curtain and its audio', async ({ openPage }) => {
    const page = await openPage({ fakeClock: true });
    await expect.poll(() => page.getByRole('button', { name: 'Голосовой режим' }).isVisible()).toBe(true);
    await recordSpeech(page);
    await recordAudio(page);
    await page.keyboard.press('?');
    await heard(page, text('ru', 'voiceMode.intro'));
    await expect.poll(async () => (await audioStillPlaying(page)).length).toBeGreaterThan(0);
    await press(page, 'ru', text('ru', 'voiceMode.panel.curtainOn'));
    await press(page, 'ru', text('ru', 'start.login'));
    await heard(page, screen('ru', text('ru', 'login.title')));

    await idleCountsFromHere(page);
    await idleFor(page, 20.5);
    await expect.poll(() => warning(page).isVisible()).toBe(true);
    // Voice mode speaks what appeared once the page settles, on the page's (paused) clock too.
    await idleFor(page, 0.2);
    await heard(page, 'Вы ещё здесь?');
    await idleFor(page, 20.5);
    await expect.poll(() => page.getByRole('heading', { name: 'Добро пожаловать!' }).isVisible()).toBe(true);
    expect(await page.getByTestId('voice-caption').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Голосовой режим' }).getAttribute('aria-pressed')).toBe('false');
    expect(await page.evaluate(() => document.documentElement.classList.contains('voice-curtain'))).toBe(false);
    // Nothing plays on.
    expect((await audioStillPlaying(page)).some(Boolean)).toBe(false);
  });
});
