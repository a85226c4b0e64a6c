// The demo paper bill (ЕПД) of training mode in a real browser through browser mode, with the TCP
// printer emulator: the demo staff member opens «Учебная квитанция», shows the bill of the
// paper-bill-only demo account with its «код квитанции» and payment QR picture, and prints it; the
// printer gets the bill with the same code and QR payload.
import { describe, expect } from 'vitest';
import { DEMO, TRAINING_STAFF } from '../support/demo-accounts';
import { kioskTest } from '../support/kiosk-test';

const it = kioskTest({ printer: 'epson' });
const holder = DEMO.paperBillOnly;

describe('the training bill on the staff screen', () => {
  it('staff show a demo bill with its code and QR code, and print it', async ({ openPage, printer }) => {
    const page = await openPage({ asStaff: TRAINING_STAFF });
    await page.getByRole('tab', { name: 'Учебная квитанция' }).click();
    await page.getByRole('radio', { name: new RegExp(`^${holder.accountNumber}`) }).check();
    await page.getByRole('button', { name: 'Показать квитанцию' }).click();

    const bill = page.getByRole('article', { name: /^Единый платёжный документ за / });
    await expect.poll(() => bill.isVisible()).toBe(true);
    expect(await bill.getByText('УЧЕБНАЯ КВИТАНЦИЯ — НЕ ДЛЯ ОПЛАТЫ').count()).toBe(2);
    expect(await bill.getByTestId('training-bill-code').textContent()).toContain(holder.billCode);
    expect(await bill.textContent()).toContain(holder.activationCode);
    const qr = bill.getByRole('img', { name: new RegExp(`^QR-код оплаты: лицевой счёт ${holder.accountNumber}, сумма `) });
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    await expect.poll(() => qr.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(true);
    const payload = (await bill.getByTestId('training-bill-qr-payload').textContent()) ?? '';
    expect(payload).toContain(`PersAcc=${holder.accountNumber}`);

    const before = printer.printed().length;
    await page.getByRole('button', { name: 'Напечатать квитанцию' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Учебная квитанция напечатана' }).isVisible()).toBe(true);
    await expect.poll(() => printer.printed().length).toBe(before + 1);
    const paper = printer.printed()[before];
    const accountLine = paper?.lines.find((line) => line.startsWith(`Лицевой счёт ${holder.accountNumber}`));
    expect(accountLine).toMatch(new RegExp(`\\sКод квитанции: ${holder.billCode}$`));
    expect(paper?.qrPayloads).toEqual([payload]);
  });
});
