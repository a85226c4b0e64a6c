// The first customer journey in a real browser through browser mode: start screen → login on the
// on-screen keypad and keyboard → home with what they owe → logout; and every way login can fail.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BillingClient } from '../../src-main/core/billing/billing-client';
import { formatMoney } from '../../src-renderer/lib/format-money';
import { startKioskProcess, type KioskProcess } from '../support/browser-mode-process';
import { launchChromium, openKioskPage } from '../support/chromium';
import { logIn, typeOnKeyboard, typeOnKeypad, watchForPageProblems } from '../support/kiosk-page';

let kiosk: KioskProcess;
let browser: Browser;

beforeAll(async () => {
  kiosk = await startKioskProcess();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await kiosk?.stop();
});

function trainingBillingUrl(): string {
  const match = /reference billing server at (\S+)/.exec(kiosk.output());
  if (!match?.[1]) throw new Error('training mode did not print its billing URL');
  return match[1];
}

describe('login and balance', () => {
  it('a customer logs in as 820000001, sees what they owe, and logs out', async () => {
    const billing = new BillingClient({ baseUrl: trainingBillingUrl(), terminalId: 'E2E', terminalKey: 'training', timeoutMs: 5000 });
    const session = await billing.login('820000001', 'demo1234');
    const expected = await billing.getAccountSummary(session.sessionToken);
    expect(expected.amountDueKopecks).toBeGreaterThan(0);

    const page = await openKioskPage(browser, kiosk.url);
    const problems = watchForPageProblems(page);
    await expect.poll(() => page.getByRole('heading', { name: 'Добро пожаловать!' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('heading', { name: 'Объявления' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Учебный режим').isVisible()).toBe(true);

    await logIn(page, '820000001', 'demo1234');
    await expect.poll(() => page.getByRole('heading', { name: `Здравствуйте, ${expected.holderName}!` }).isVisible()).toBe(true);
    expect(await page.getByTestId('amount-due').textContent()).toBe(formatMoney(expected.amountDueKopecks));
    await expect.poll(() => page.getByText(expected.address).isVisible()).toBe(true);
    await expect.poll(() => page.getByText(`Задолженность: ${formatMoney(expected.balanceKopecks)}`).isVisible()).toBe(true);
    // The account number is masked until the customer asks to see it.
    expect(await page.getByText('Лицевой счёт •••••0001').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Показать номер лицевого счёта' }).click();
    expect(await page.getByText('Лицевой счёт 820000001').isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Выйти' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Добро пожаловать!' }).isVisible()).toBe(true);
    expect(await page.content()).not.toContain(expected.holderName);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('a wrong password gets a clear Russian message and the attempts left', async () => {
    const page = await openKioskPage(browser, kiosk.url);
    await logIn(page, '820000002', 'wrongpass');
    const alert = page.getByRole('alert');
    await expect
      .poll(() => alert.textContent())
      .toBe('Неверный номер лицевого счёта или пароль. Осталось попыток: 4. Если вы забыли пароль, нажмите «Забыли пароль».');
    // What was typed stays: the account number is still there, only the password is cleared.
    expect(await page.getByRole('textbox', { name: 'Лицевой счёт' }).inputValue()).toBe('820000002');
    expect(await page.getByLabel('Пароль', { exact: true }).inputValue()).toBe('');
    await page.context().close();
  });

  it('five failures lock the account on this terminal and show the time left', async () => {
    const page = await openKioskPage(browser, kiosk.url);
    await logIn(page, '820000003', 'wrong-1');
    for (let attempt = 2; attempt <= 5; attempt += 1) {
      await expect.poll(() => page.getByRole('alert').isVisible()).toBe(true);
      await page.getByLabel('Пароль', { exact: true }).click();
      await typeOnKeyboard(page, `wrong${attempt}`);
      await page.getByRole('button', { name: 'Войти', exact: true }).click();
    }
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Вход по этому лицевому счёту временно заблокирован после 5 неудачных попыток');
    await expect.poll(() => page.getByRole('timer').textContent()).toMatch(/^Вход станет доступен через 1[45]:\d\d$/);
    expect(await page.getByRole('button', { name: 'Войти', exact: true }).isDisabled()).toBe(true);

    // Even the right password is refused while the lock lasts, and in a new visit too.
    const again = await openKioskPage(browser, kiosk.url);
    await logIn(again, '820000003', 'demo1234');
    await expect.poll(() => again.getByRole('alert').textContent()).toContain('временно заблокирован');
    await page.context().close();
    await again.context().close();
  });

  it('an incomplete account number cannot be sent', async () => {
    const page = await openKioskPage(browser, kiosk.url);
    await page.getByRole('button', { name: 'Войти в личный кабинет' }).click();
    await typeOnKeypad(page, '8200');
    expect(await page.getByRole('button', { name: 'Войти', exact: true }).isDisabled()).toBe(true);
    await page.context().close();
  });
});
