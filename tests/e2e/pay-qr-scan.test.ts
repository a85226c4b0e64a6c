// The on-screen payment QR code read by an off-the-shelf decoder (Debian's zbarimg) from a
// screenshot: it must give back exactly the text the page drew it from (kept on the image, never
// shown to the customer), and byte for byte the payload the printer emulator decodes from the
// printed slip, so a bank app reads the screen and the paper alike.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect } from 'vitest';
import { DEMO } from '../support/demo-accounts';
import { kioskTest, pageProblems } from '../support/kiosk-test';

const run = promisify(execFile);
const it = kioskTest({ printer: 'epson', env: { KIOSK_PRINTER_WIDTH_MM: '80' } });

/** What zbarimg reads from a picture: the symbol's data as raw bytes, without its trailing newline. */
async function zbarDecode(pngPath: string): Promise<Buffer> {
  const { stdout } = await run('zbarimg', ['--raw', '-q', pngPath], { encoding: 'buffer' });
  return stdout.subarray(0, stdout.at(-1) === 0x0a ? -1 : undefined);
}

describe('the on-screen payment QR code', () => {
  it('decodes with zbarimg to the payload the page drew and the printed slip holds', async ({ openPage, printer }) => {
    const customer = DEMO.owesMoney;
    const page = await openPage({ as: customer });
    const problems = pageProblems(page);
    await page.getByRole('button', { name: 'Оплатить', exact: true }).click();
    const qrImage = page.getByRole('img', { name: /^QR-код для оплаты .* в приложении банка$/ });
    await expect.poll(() => qrImage.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(true);
    const shownPayload = (await page.getByTestId('payment-qr').getAttribute('data-payload')) ?? '';
    // Cyrillic in the purpose is what a wrongly segmented symbol garbles («за» → «郱訄»).
    expect(shownPayload).toMatch(/\|Purpose=.*[а-яё]/);

    const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'kiosk-qr-'));
    try {
      const pngPath = path.join(directory, 'screen-qr.png');
      await qrImage.screenshot({ path: pngPath });
      const screenBytes = await zbarDecode(pngPath);
      expect(screenBytes.toString('utf8')).toBe(shownPayload);

      await page.getByRole('button', { name: 'Напечатать квитанцию' }).click();
      await expect.poll(() => printer.printed().length).toBe(1);
      const printedPayload = printer.printed()[0]?.qrPayloads[0] ?? '';
      expect(screenBytes.equals(Buffer.from(printedPayload, 'utf8'))).toBe(true);
    } finally {
      await fs.rm(directory, { recursive: true, force: true });
    }
    expect(problems).toEqual([]);
  });
});
