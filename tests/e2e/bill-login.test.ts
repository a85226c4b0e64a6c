// «По квитанции — без пароля» in a real browser: the bill's QR code or barcode typed by a scanner in
// keyboard mode fills the account number (a foreign bill is refused); the customer with nothing but
// the paper bill pays by a printed slip and submits a reading; wrong codes end in a lockout.
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { formatRubles } from '../../src-main/core/printing/receipt';
import { formatReading } from '../../src-main/features/readings/reading-checks';
import { billQrPayload, scanWithScanner, UTILITY_REQUISITES, workingMeterOfBillHolder } from '../support/bill-scanner';
import { BILL_HOLDERS, DEMO, WRONG_BILL_CODE } from '../support/demo-accounts';
import { keypad, typeOnKeypad, typeReading } from '../support/kiosk-page';
import { kioskTest, pageProblems } from '../support/kiosk-test';
import { countdownSeconds, theOneCountdown } from '../support/lockout-timer';

const it = kioskTest({ printer: 'epson' });

const accountField = (page: Page) => page.getByLabel('Лицевой счёт', { exact: true });
const codeField = (page: Page) => page.getByLabel('Код квитанции', { exact: true });

async function openBillLogin(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'По квитанции — без пароля' }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'Вход по квитанции', level: 1 }).isVisible()).toBe(true);
}

describe('logging in with the paper bill', () => {
  it('a scanner typing the bill’s QR code or barcode fills the account number; a foreign bill is refused', async ({ page }) => {
    const problems = pageProblems(page);
    await page.getByRole('heading', { name: 'Добро пожаловать!' }).waitFor();
    await scanWithScanner(page, billQrPayload(DEMO.paperBillOnly.accountNumber));
    await expect.poll(() => accountField(page).inputValue()).toBe(DEMO.paperBillOnly.accountNumber);
    expect(await page.getByRole('status').filter({ hasText: 'прочитан с квитанции' }).isVisible()).toBe(true);
    // The code is next: the keypad types into it.
    await typeOnKeypad(page, '12');
    expect(await codeField(page).inputValue()).toBe('12');

    // A 1D barcode: just the nine digits. Its keys reach no field and no focused key of the keypad.
    await scanWithScanner(page, BILL_HOLDERS.owesMoney.accountNumber);
    await expect.poll(() => accountField(page).inputValue()).toBe(BILL_HOLDERS.owesMoney.accountNumber);
    expect(await codeField(page).inputValue()).toBe('');

    // Typing as slowly as a person is not a scan.
    await page.keyboard.type('820000003', { delay: 80 });
    await page.keyboard.press('Enter');
    expect(await accountField(page).inputValue()).toBe(BILL_HOLDERS.owesMoney.accountNumber);

    await scanWithScanner(page, billQrPayload(DEMO.paperBillOnly.accountNumber, { ...UTILITY_REQUISITES, payeeInn: '7707083893' }));
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('Это квитанция другой организации.');
    expect(await accountField(page).inputValue()).toBe(BILL_HOLDERS.owesMoney.accountNumber);
    expect(problems).toEqual([]);
  });

  it('the customer with only the paper bill pays by a printed slip and submits a reading; the rest is not offered', async ({
    page,
    billing,
    printer,
  }) => {
    const holder = BILL_HOLDERS.paperBillOnly;
    const meter = await workingMeterOfBillHolder(billing, holder);
    await openBillLogin(page);
    await expect.poll(() => page.getByText('Можно поднести QR-код квитанции к сканеру', { exact: false }).isVisible()).toBe(true);
    await typeOnKeypad(page, holder.accountNumber + holder.billCode);
    expect(await codeField(page).inputValue()).toBe(holder.billCode);
    await page.getByRole('button', { name: 'Войти', exact: true }).click();

    // A bill session knows the holder only by initials: no name to greet by.
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Здравствуйте!');
    expect(await page.getByRole('heading', { name: 'Вы вошли по квитанции' }).isVisible()).toBe(true);
    const services = page.getByRole('navigation', { name: 'Услуги личного кабинета' });
    expect(await services.getByRole('button').allTextContents()).toEqual(['Оплатить', 'Передать показания']);
    expect(await page.getByRole('button', { name: 'Войти в личный кабинет' }).isVisible()).toBe(true);
    const dueKopecks = Number(((await page.getByTestId('amount-due').textContent()) ?? '').replace(/\D/g, ''));
    expect(dueKopecks).toBeGreaterThan(0);

    await services.getByRole('button', { name: 'Оплатить', exact: true }).click();
    await page.getByRole('button', { name: 'Напечатать квитанцию' }).click();
    // The statement is for the full personal account: the pay screen does not lead there.
    expect(await page.getByRole('button', { name: 'Начисления и платежи' }).count()).toBe(0);
    // One tap prints; the dialog says when it is done.
    const printing = page.getByRole('dialog', { name: 'Напечатать квитанцию' });
    await expect.poll(() => printing.getByRole('status').textContent()).toBe('Готово. Возьмите квитанцию из принтера.');
    await expect.poll(() => printer.printed().length).toBe(1);
    const slip = printer.printed()[0];
    const sum = /\|Sum=(\d+)\|/.exec(slip?.qrPayloads[0] ?? '')?.[1];
    expect(Number(sum)).toBe(dueKopecks);
    expect(slip?.qrPayloads[0]).toContain(`|PersAcc=${holder.accountNumber}|`);
    expect(slip?.lines.find((line) => line.startsWith('СУММА ПЛАТЕЖА'))).toContain(formatRubles(dueKopecks));
    await printing.getByRole('button', { name: 'Закрыть', exact: true }).click();

    await page.getByRole('button', { name: /Назад/ }).click();
    await page.getByRole('button', { name: 'Передать показания' }).click();
    const reading = formatReading(meter.lastReading.value + 1.5, meter.fractionDigits);
    await page.getByLabel(`Новое показание счётчика № ${meter.serialNumber}`).click();
    await keypad(page).getByRole('button', { name: 'Очистить', exact: true }).click();
    await typeReading(page, reading);
    await page.getByRole('button', { name: 'Передать показания' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Показания переданы' }).isVisible()).toBe(true);
    expect(await page.getByText(/^Регистрационный номер: П-/).isVisible()).toBe(true);

    // «Войти в личный кабинет» ends the bill session and opens the password login.
    await page.getByRole('button', { name: 'На главную' }).click();
    await page.getByRole('button', { name: 'Войти в личный кабинет' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Вход в личный кабинет', level: 1 }).isVisible()).toBe(true);
    expect(pageProblems(page)).toEqual([]);
  });

  it('wrong codes say how many attempts are left, then the lockout counts down', async ({ page }) => {
    const holder = BILL_HOLDERS.owesMoney;
    await openBillLogin(page);
    await typeOnKeypad(page, holder.accountNumber);
    const alert = page.getByRole('alert');
    for (const left of ['Осталось 4 попытки.', 'Осталось 3 попытки.', 'Осталось 2 попытки.', 'Осталась 1 попытка.']) {
      await typeOnKeypad(page, WRONG_BILL_CODE);
      await page.getByRole('button', { name: 'Войти', exact: true }).click();
      await expect.poll(() => alert.textContent()).toContain(left);
      expect(await alert.textContent()).toContain('Код квитанции не подходит.');
      expect(await codeField(page).inputValue()).toBe('');
    }
    await typeOnKeypad(page, WRONG_BILL_CODE);
    await page.getByRole('button', { name: 'Войти', exact: true }).click();
    await expect
      .poll(() => alert.textContent())
      .toBe('Вход по квитанции временно заблокирован из-за неверных кодов. Дождитесь конца отсчёта или обратитесь к сотруднику офиса.');
    expect(await codeField(page).inputValue()).toBe('');
    const left = await theOneCountdown(page, 'Вход по квитанции станет доступен через');
    expect(left).toBeGreaterThan(13 * 60);
    const timer = page.getByRole('timer');
    await expect.poll(async () => countdownSeconds((await timer.textContent()) ?? ''), { timeout: 10_000 }).toBeLessThan(left);
    await typeOnKeypad(page, holder.billCode);
    expect(await page.getByRole('button', { name: 'Войти', exact: true }).isDisabled()).toBe(true);
  });
});
