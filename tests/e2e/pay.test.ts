// «Оплатить» in a real browser through browser mode: the amount due as the billing centre has it,
// the payment QR code for it, another amount typed on the keypad changes the QR code's sum, bad
// amounts are refused, offices and the slip preview are shown; an account paid ahead is told there
// is nothing to pay and may still pay in advance.
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { parsePaymentQrPayload } from '../../src-main/features/pay/payment-qr';
import { maskAccountNumberIn } from '../../src-main/core/security/account-number-mask';
import { formatMoney } from '../../src-renderer/lib/format-money';
import { DEMO } from '../support/demo-accounts';
import { keypad, typeOnKeypad } from '../support/kiosk-page';
import { kioskTest, pageProblems } from '../support/kiosk-test';

const it = kioskTest();

async function openPay(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Оплатить', exact: true }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'Оплатить', level: 1 }).isVisible()).toBe(true);
}

/** The GOST text the QR code on screen holds (an attribute of the image: customers never see it as text). */
async function qrPayload(page: Page): Promise<string> {
  return (await page.getByTestId('payment-qr').getAttribute('data-payload')) ?? '';
}

async function qrSum(page: Page): Promise<string | undefined> {
  return Object.fromEntries(parsePaymentQrPayload(await qrPayload(page)).fields).Sum;
}

/** Replaces the amount in the rubles and kopecks fields, pressing the keypad as a customer does. */
async function enterAmount(page: Page, rubles: string, kopecks: string): Promise<void> {
  await page.getByLabel('Рубли', { exact: true }).click();
  await keypad(page).getByRole('button', { name: 'Очистить' }).click();
  if (rubles) await typeOnKeypad(page, rubles);
  await page.getByLabel('Копейки', { exact: true }).click();
  await keypad(page).getByRole('button', { name: 'Очистить' }).click();
  if (kopecks) await typeOnKeypad(page, kopecks);
}

describe('pay', () => {
  it('shows the amount due with a QR code for it, and a new QR code for an amount typed on the keypad', async ({ openPage, billing }) => {
    const customer = DEMO.owesMoney;
    const session = await billing.login(customer.accountNumber, customer.password);
    const invoice = await billing.getInvoice(session.sessionToken);
    const summary = await billing.getAccountSummary(session.sessionToken);
    expect(invoice.amountDueKopecks).toBeGreaterThan(0);
    expect(invoice.amountDueKopecks).toBe(summary.amountDueKopecks);

    const page = await openPage({ as: customer });
    const problems = pageProblems(page);
    await openPay(page);
    await expect.poll(() => page.getByTestId('amount-due').textContent()).toBe(formatMoney(invoice.amountDueKopecks));
    await expect.poll(() => page.getByText(`Не оплачено услуг на сумму: ${formatMoney(invoice.amountDueKopecks)}`).isVisible()).toBe(true);
    // The breakdown lists the invoice's lines with their amounts.
    const breakdown = page.getByRole('table', { name: 'Из чего складывается сумма' });
    for (const line of invoice.breakdown) {
      const row = breakdown.getByRole('row').filter({ hasText: line.label });
      expect(await row.getByRole('cell').last().textContent()).toBe(formatMoney(line.amountKopecks));
    }

    // The QR code is an image with a text alternative, and it actually loaded (the CSP allows it).
    const qrImage = page.getByRole('img', { name: `QR-код для оплаты ${formatMoney(invoice.amountDueKopecks)} в приложении банка` });
    await expect.poll(() => qrImage.isVisible()).toBe(true);
    await expect.poll(() => qrImage.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(true);
    expect(await page.getByRole('button', { name: 'Сформировать QR\u2011код' }).getAttribute('class')).toContain('primary-action');
    await expect.poll(() => qrSum(page)).toBe(String(invoice.amountDueKopecks));
    const payload = await qrPayload(page);
    expect(Object.fromEntries(parsePaymentQrPayload(payload).fields)).toMatchObject({
      PersAcc: customer.accountNumber,
      PayeeINN: invoice.payee.inn,
      PersonalAcc: invoice.payee.settlementAccount,
      TechCode: '02',
    });

    // Another amount: 1 500 ₽ 50 коп.
    await enterAmount(page, '1500', '50');
    expect(await page.getByTestId('amount-chosen').textContent()).toBe(`Вы оплачиваете: ${formatMoney(150_050)}`);
    // Until the customer asks for a new code, the old one is not shown for the new amount.
    await expect.poll(() => page.getByText('Сумма изменена. Нажмите «Сформировать QR\u2011код»').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Сформировать QR\u2011код' }).click();
    await expect.poll(() => qrSum(page)).toBe('150050');
    await expect
      .poll(() => page.getByRole('img', { name: `QR-код для оплаты ${formatMoney(150_050)} в приложении банка` }).isVisible())
      .toBe(true);
    // The slip preview follows the chosen amount, and it can be printed for exactly that amount, at
    // one tap by the QR code.
    const slip = page.getByTestId('payment-slip');
    await expect.poll(() => page.getByRole('heading', { name: 'Квитанция для печати' }).isVisible()).toBe(true);
    await expect.poll(() => slip.textContent()).toContain(formatMoney(150_050));
    expect(await slip.textContent()).toContain(invoice.payee.name);
    expect(await slip.textContent()).toContain(invoice.payee.bic);
    // The purpose names the account masked, as everywhere on screen; the raw QR text is not shown at all.
    expect(await slip.textContent()).toContain(maskAccountNumberIn(invoice.purpose, customer.accountNumber));
    expect(invoice.purpose).toContain(customer.accountNumber);
    const shownText = await page.locator('body').innerText();
    expect(shownText).not.toContain(customer.accountNumber);
    expect(shownText).not.toContain('ST00012');
    expect(
      await page.getByRole('region', { name: 'Оплата по QR\u2011коду' }).getByRole('button', { name: 'Напечатать квитанцию' }).isVisible(),
    ).toBe(true);

    // Offices and places to pay, from the reference data.
    await expect.poll(() => page.getByRole('heading', { name: 'Офисы и банкоматы для оплаты' }).isVisible()).toBe(true);
    expect(await page.getByText('Центральный офис обслуживания').isVisible()).toBe(true);
    expect(await page.getByText('Сбербанк', { exact: true }).isVisible()).toBe(true);
    expect(problems).toEqual([]);
  });

  it('refuses 0 ₽ and more than 1 000 000 ₽ with a clear Russian message and keeps what was typed', async ({ openPage }) => {
    const page = await openPage({ as: DEMO.owesMoney });
    await openPay(page);
    await expect.poll(() => page.getByTestId('payment-qr').count()).toBe(1);
    const before = await qrSum(page);

    await enterAmount(page, '0', '');
    await page.getByRole('button', { name: 'Сформировать QR\u2011код' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('Сумма к оплате должна быть больше нуля. Введите сумму в рублях и копейках.');
    // No QR code for an amount that cannot be paid; the old one is not passed off as it.
    expect(await page.getByTestId('payment-qr').count()).toBe(0);
    expect(await page.getByLabel('Рубли', { exact: true }).inputValue()).toBe('0');

    await enterAmount(page, '1000000', '01');
    await page.getByRole('button', { name: 'Сформировать QR\u2011код' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('Сумма слишком большая: за один платёж можно оплатить не более 1 000 000 ₽. Проверьте сумму.');
    expect(await page.getByLabel('Рубли', { exact: true }).inputValue()).toBe('1000000');
    expect(await page.getByLabel('Копейки', { exact: true }).inputValue()).toBe('01');

    // Exactly one million is allowed.
    await page.getByLabel('Копейки', { exact: true }).click();
    await keypad(page).getByRole('button', { name: 'Стереть' }).click();
    await keypad(page).getByRole('button', { name: 'Стереть' }).click();
    await page.getByRole('button', { name: 'Сформировать QR\u2011код' }).click();
    await expect.poll(() => qrSum(page)).toBe('100000000');
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(before).not.toBe('100000000');
  });

  it('tells an account paid in advance there is nothing to pay, and still makes a QR code for an advance', async ({
    openPage,
    billing,
  }) => {
    const customer = DEMO.paidInAdvance;
    const session = await billing.login(customer.accountNumber, customer.password);
    const summary = await billing.getAccountSummary(session.sessionToken);
    expect(summary.amountDueKopecks).toBe(0);

    const page = await openPage({ as: customer });
    await openPay(page);
    await expect.poll(() => page.getByText('Задолженности нет — оплачивать ничего не нужно.').isVisible()).toBe(true);
    expect(await page.getByTestId('amount-due').textContent()).toBe(formatMoney(0));
    expect(await page.getByText(`Переплата (аванс): ${formatMoney(-summary.balanceKopecks)}`).isVisible()).toBe(true);
    expect(await page.getByRole('img', { name: /^QR-код для оплаты/ }).count()).toBe(0);

    await enterAmount(page, '500', '');
    await page.getByRole('button', { name: 'Сформировать QR\u2011код' }).click();
    await expect.poll(() => qrSum(page)).toBe('50000');
    await expect
      .poll(() => page.getByRole('img', { name: `QR-код для оплаты ${formatMoney(50_000)} в приложении банка` }).isVisible())
      .toBe(true);
  });
});
