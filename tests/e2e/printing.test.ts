// Paper at the kiosk, in a real browser: one tap prints a payment slip or a readings confirmation to
// a TCP printer emulator that decodes the real ESC/POS bytes, and a dialog shows the very lines
// printed; with the paper out the customer is told clearly, the job is in the journal, and once the
// paper is back the retry decodes to the same receipt (no copy: the first never came out). A 36-month
// statement says how much paper it takes before printing and can be printed in short.
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { maskAccountNumber, maskAccountNumberIn } from '../../src-main/core/security/account-number-mask';
import { formatReading } from '../../src-main/features/readings/reading-checks';
import { DEMO } from '../support/demo-accounts';
import { workingMeterOf } from '../support/demo-meters';
import { keypad, typeReading } from '../support/kiosk-page';
import { kioskTest, pageProblems } from '../support/kiosk-test';

const it = kioskTest({ printer: 'epson', env: { KIOSK_PRINTER_WIDTH_MM: '80' } });

async function previewLines(page: Page): Promise<string[]> {
  const text = (await page.getByTestId('receipt-preview').textContent()) ?? '';
  return text.split('\n').map((line) => (line.includes('QR-код для оплаты') ? '' : line.trim()));
}

describe('printing at the kiosk', () => {
  it('prints the payment slip at one tap; paper out is explained, journaled and reprinted identically', async ({ openPage, printer }) => {
    const page = await openPage({ as: DEMO.owesMoney });
    const problems = pageProblems(page);
    await page.getByRole('button', { name: 'Оплатить', exact: true }).click();
    printer.state = 'paper-out';
    await page.getByRole('button', { name: 'Напечатать квитанцию' }).click();
    const printing = page.getByRole('dialog', { name: 'Напечатать квитанцию' });
    await expect.poll(() => printing.getByRole('alert').textContent()).toContain('В принтере закончилась бумага.');
    // A slip is not a payment: the customer is told it did not print and how to pay without it.
    const problem = (await printing.getByRole('alert').textContent()) ?? '';
    expect(problem).toContain('Квитанция не напечатана. Оплатить можно и без неё: по QR-коду на экране или в кассе.');
    expect(problem).not.toContain('Операция при этом выполнена');
    expect(printer.printed()).toHaveLength(0);
    // What was to be printed is on the screen, in the dialog.
    await expect.poll(() => printing.getByRole('region', { name: 'Так будет выглядеть квитанция' }).isVisible()).toBe(true);
    const expected = await previewLines(page);
    const account = DEMO.owesMoney.accountNumber;
    expect(expected.join('\n')).toContain('СУММА ПЛАТЕЖА');
    // On screen the account number is masked, as everywhere; the paper carries it whole.
    expect(expected.join('\n')).toContain(maskAccountNumber(account));
    expect(expected.join('\n')).not.toContain(account);

    printer.state = 'ready';
    await printing.getByRole('button', { name: 'Повторить печать' }).click();
    await expect.poll(() => printing.getByRole('status').textContent()).toBe('Готово. Возьмите квитанцию из принтера.');
    await expect.poll(() => printer.printed().length).toBe(1);
    const printed = printer.printed()[0];
    expect(printed?.lines.join('\n')).toContain(account);
    expect(printed?.lines.map((line) => maskAccountNumberIn(line, account))).toEqual(expected);
    expect(printed?.lines).not.toContain('КОПИЯ');
    expect(printed?.qrPayloads[0]).toMatch(/^ST00012\|Name=МУП/);
    expect(printed?.cuts).toBe(1);
    await printing.getByRole('button', { name: 'Закрыть', exact: true }).click();
    await expect.poll(() => printing.count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('prints the readings confirmation with the meter, the new reading and the registration number', async ({
    openPage,
    billing,
    printer,
  }) => {
    const customer = DEMO.expiredVerification;
    const meter = await workingMeterOf(billing, customer);
    const reading = formatReading(meter.lastReading.value + 1.5, meter.fractionDigits);

    const page = await openPage({ as: customer });
    await page.getByRole('button', { name: 'Передать показания' }).click();
    await page.getByLabel(`Новое показание счётчика № ${meter.serialNumber}`).click();
    await keypad(page).getByRole('button', { name: 'Очистить', exact: true }).click();
    await typeReading(page, reading);
    await page.getByRole('button', { name: 'Передать показания' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Показания переданы' }).isVisible()).toBe(true);
    const number = ((await page.getByText(/^Регистрационный номер: /).textContent()) ?? '').replace('Регистрационный номер: ', '');
    expect(number).toMatch(/^П-/);

    const before = printer.printed().length;
    await page.getByRole('button', { name: 'Напечатать подтверждение' }).click();
    const printing = page.getByRole('dialog', { name: 'Напечатать подтверждение' });
    await expect.poll(() => printing.getByRole('status').textContent()).toBe('Готово. Возьмите квитанцию из принтера.');
    await expect.poll(() => printer.printed().length).toBe(before + 1);
    const text = printer.printed()[before]?.lines.join('\n') ?? '';
    expect(text).toContain('Показания приборов учёта');
    expect(text).toContain(`Счётчик № ${meter.serialNumber}`);
    expect(text).toContain(reading);
    expect(text).toContain(number);
    expect(text).toContain('Показания приняты расчётным центром.');
  });

  it('a 36-month statement says how much paper it takes and prints in short on far fewer lines', async ({ openPage, printer }) => {
    const page = await openPage({ as: DEMO.owesMoney });
    const problems = pageProblems(page);
    const before = printer.printed().length;
    await page.getByRole('button', { name: 'Начисления и платежи' }).click();
    await expect.poll(() => page.getByTestId('statement-month').count()).toBe(12);
    // From the default 12 months to 36: the start two years further back.
    for (let year = 0; year < 2; year += 1)
      await page.getByRole('group', { name: 'Начало периода' }).getByRole('button', { name: 'Предыдущий год' }).click();
    await page.getByRole('button', { name: 'Отобразить' }).click();
    await expect.poll(() => page.getByTestId('statement-month').count()).toBe(36);

    // Before anything is printed: how long the statement is, and the short form offered beside it.
    const length = page.getByTestId('receipt-length');
    await expect.poll(() => length.textContent()).toMatch(/^Займёт около 0,\d м бумаги \(\d+ строк[аи]?\)\./);
    const fullLines = Number(/\((\d+) строк/.exec((await length.textContent()) ?? '')?.[1]);
    expect(fullLines).toBeGreaterThan(150);
    // Measuring printed nothing.
    expect(printer.printed()).toHaveLength(before);

    await page.getByRole('button', { name: 'Напечатать кратко' }).click();
    const printing = page.getByRole('dialog', { name: 'Напечатать выписку' });
    await expect.poll(() => printing.getByRole('status').textContent()).toBe('Готово. Возьмите квитанцию из принтера.');
    await expect.poll(() => printer.printed().length).toBe(before + 1);
    const printed = printer.printed()[before]?.lines ?? [];
    // One line a month instead of four: 36 × 3 lines fewer, a note and a column header more.
    expect(printed.length).toBeLessThan(fullLines / 2);
    expect(printed.length).toBe(fullLines - 36 * 3 + 3);
    await expect.poll(() => printing.getByTestId('receipt-preview').isVisible()).toBe(true);
    expect(printed.map((line) => maskAccountNumberIn(line, DEMO.owesMoney.accountNumber))).toEqual(await previewLines(page));
    expect(printed.join('\n')).toContain('Мес.');
    expect(problems).toEqual([]);
  });
});
