// Paper at the kiosk, in a real browser: the customer previews a payment slip and a readings
// confirmation and prints them to a TCP printer emulator that decodes the real ESC/POS bytes; with
// the paper out the customer is told clearly, the job is in the journal, and once the paper is
// back the reprint decodes to the same receipt.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKioskProcess, type KioskProcess } from '../support/browser-mode-process';
import { launchChromium, openKioskPage } from '../support/chromium';
import { BillingClient } from '../../src-main/core/billing/billing-client';
import { formatReading } from '../../src-main/core/readings';
import { ufaDate } from '../../src-main/core/time/calendar';
import { keypad, logIn, typeOnKeypad, watchForPageProblems } from '../support/kiosk-page';
import { PrinterEmulator } from '../support/printer-emulator';

let kiosk: KioskProcess;
let browser: Browser;
let emulator: PrinterEmulator;

beforeAll(async () => {
  emulator = new PrinterEmulator('epson');
  const printer = await emulator.start();
  kiosk = await startKioskProcess({ env: { KIOSK_PRINTER: printer, KIOSK_PRINTER_WIDTH_MM: '80' } });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await kiosk?.stop();
  await emulator?.stop();
});

async function previewLines(page: Page): Promise<string[]> {
  const text = (await page.getByTestId('receipt-preview').textContent()) ?? '';
  return text.split('\n').map((line) => (line.includes('QR-код для оплаты') ? '' : line.trim()));
}

describe('printing at the kiosk', () => {
  it('previews and prints the payment slip; paper out is explained, journaled and reprinted identically', async () => {
    const page = await openKioskPage(browser, kiosk.url);
    const problems = watchForPageProblems(page);
    await logIn(page, '820000001', 'demo1234');
    await page.getByRole('button', { name: 'Оплатить', exact: true }).click();
    await page.getByRole('button', { name: 'Напечатать квитанцию' }).click();
    const preview = page.getByRole('region', { name: 'Так будет выглядеть квитанция' });
    await expect.poll(() => preview.isVisible()).toBe(true);
    const expected = await previewLines(page);
    expect(expected.join('\n')).toContain('СУММА ПЛАТЕЖА');
    expect(expected.join('\n')).toContain('820000001');

    emulator.state = 'paper-out';
    await preview.getByRole('button', { name: 'Напечатать', exact: true }).click();
    await expect.poll(() => preview.getByRole('alert').textContent()).toContain('В принтере закончилась бумага.');
    expect(await preview.getByRole('alert').textContent()).toContain('Операция при этом выполнена');
    expect(emulator.printed()).toHaveLength(0);

    emulator.state = 'ready';
    await preview.getByRole('button', { name: 'Повторить печать' }).click();
    await expect.poll(() => preview.getByRole('status').textContent()).toBe('Готово. Возьмите квитанцию из принтера.');
    await expect.poll(() => emulator.printed().length).toBe(1);
    const printed = emulator.printed()[0];
    expect(printed?.lines).toEqual(expected);
    expect(printed?.qrPayloads[0]).toMatch(/^ST00012\|Name=МУП/);
    expect(printed?.cuts).toBe(1);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('prints the readings confirmation with the meter, the new reading and the registration number', async () => {
    const match = /reference billing server at (\S+)/.exec(kiosk.output());
    if (!match?.[1]) throw new Error('training mode did not print its billing URL');
    const billing = new BillingClient({ baseUrl: match[1], terminalId: 'E2E', terminalKey: 'training', timeoutMs: 5000 });
    const session = await billing.login('820000003', 'demo1234');
    const today = ufaDate(Date.now());
    const meter = (await billing.getMeters(session.sessionToken)).meters.find(
      (candidate) => candidate.verificationDueOn >= today && candidate.lastReading,
    );
    if (!meter?.lastReading) throw new Error('820000003 should have a working meter');
    const reading = formatReading(meter.lastReading.value + 1.5, meter.fractionDigits);

    const page = await openKioskPage(browser, kiosk.url);
    await logIn(page, '820000003', 'demo1234');
    await page.getByRole('button', { name: 'Передать показания' }).click();
    await page.getByLabel(`Новое показание счётчика № ${meter.serialNumber}`).click();
    await keypad(page).getByRole('button', { name: 'Очистить', exact: true }).click();
    for (const character of reading) {
      if (character === ',') await page.getByRole('button', { name: 'Запятая', exact: true }).click();
      else await typeOnKeypad(page, character);
    }
    await page.getByRole('button', { name: 'Передать показания' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Показания переданы' }).isVisible()).toBe(true);
    const number = ((await page.getByText(/^Регистрационный номер: /).textContent()) ?? '').replace('Регистрационный номер: ', '');
    expect(number).toMatch(/^П-/);

    const before = emulator.printed().length;
    await page.getByRole('button', { name: 'Напечатать подтверждение' }).click();
    const preview = page.getByRole('region', { name: 'Так будет выглядеть квитанция' });
    await preview.getByRole('button', { name: 'Напечатать', exact: true }).click();
    await expect.poll(() => preview.getByRole('status').textContent()).toBe('Готово. Возьмите квитанцию из принтера.');
    await expect.poll(() => emulator.printed().length).toBe(before + 1);
    const text = emulator.printed()[before]?.lines.join('\n') ?? '';
    expect(text).toContain('Показания приборов учёта');
    expect(text).toContain(`Счётчик № ${meter.serialNumber}`);
    expect(text).toContain(reading);
    expect(text).toContain(number);
    expect(text).toContain('Показания приняты расчётным центром.');
    await page.context().close();
  });
});
