// Printing over real TCP to the printer emulator, with a real SQLite journal: every receipt comes
// out as decodable Russian text with its QR code and a cut; every fault state gives the customer a
// clear message and leaves the job in the journal; a reprint after the fault clears is identical.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src-main/core/logging/logger';
import { PrintService } from '../../src-main/core/printing/print-service';
import { createPrinterTransport } from '../../src-main/core/printing/printer-transport';
import { formatRubles, type Receipt } from '../../src-main/core/printing/receipt';
import { testPageReceipt } from '../../src-main/core/printing/test-page';
import { openKioskDatabase, type KioskDatabase } from '../../src-main/core/store/database';
import { PrinterEmulator } from '../support/printer-emulator';
import { russianText } from '../../src-main/core/messages/message-test-kit';
import { DEMO } from '../support/demo-accounts';

let dir: string;
let db: KioskDatabase;
let emulator: PrinterEmulator;
let service: PrintService;

const slip: Receipt = {
  kind: 'payment-slip',
  blocks: [
    { kind: 'title', text: 'Квитанция' },
    { kind: 'pair', label: 'Лицевой счёт', value: DEMO.owesMoney.accountNumber },
    { kind: 'pair', label: 'К оплате', value: formatRubles(123241), bold: true },
    { kind: 'qr', payload: 'ST00012|Name=МУП УИС|PersAcc=820000001|Sum=123241' },
  ],
};

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-print-'));
  db = openKioskDatabase(path.join(dir, 'kiosk.sqlite'));
  emulator = new PrinterEmulator('epson');
  const url = await emulator.start();
  service = new PrintService(db, createPrinterTransport(url, 500), { commandSet: 'epson', codePage: 'cp866', columns: 48 }, silentLogger);
});

afterEach(() => {
  emulator.state = 'ready';
});

afterAll(async () => {
  await emulator.stop();
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('printing to a TCP printer', () => {
  it('prints a receipt the printer decodes as the same Russian text and QR payload', async () => {
    const before = emulator.printed().length;
    const outcome = await service.print(slip, { accountNumber: DEMO.owesMoney.accountNumber, sessionId: 's1' });
    expect(outcome).toMatchObject({ status: 'printed', message: null });
    await expect.poll(() => emulator.printed().length).toBe(before + 1);
    const printed = emulator.printed().slice(before);
    // Line for line what the on-screen preview shows (alignment is a printer command, not spaces).
    expect(printed[0]?.lines).toEqual(service.preview(slip).lines.map((line) => (line === '[QR]' ? '' : line.trim())));
    expect(printed[0]?.lines.join('\n')).toContain('К оплате');
    expect(printed[0]?.lines.join('\n')).toContain('1 232,41 руб.');
    expect(printed[0]?.qrPayloads).toEqual(['ST00012|Name=МУП УИС|PersAcc=820000001|Sum=123241']);
  });

  it('prints the staff test page with the code page sample and the ruler', async () => {
    const before = emulator.printed().length;
    const page = testPageReceipt({
      printerDescription: 'emulator',
      commandSet: 'epson',
      codePage: 'cp866',
      widthMm: 80,
      columns: 48,
      terminalId: 'T-1',
      printedAt: '26.11.2026 10:00',
    });
    expect((await service.print(page, { accountNumber: null, sessionId: null })).status).toBe('printed');
    await expect.poll(() => emulator.printed().length).toBe(before + 1);
    const text = emulator.printed()[before]?.lines.join(' ') ?? '';
    expect(text).toContain('Съешь же ещё этих мягких французских булок, да выпей чаю.');
    expect(text).toContain('123456789012345678901234567890123456789012345678');
  });

  for (const [state, message] of [
    ['paper-out', 'В принтере закончилась бумага.'],
    ['cover-open', 'Открыта крышка принтера.'],
    ['offline', 'Принтер не подключён или выключен.'],
    ['silent', 'Принтер не отвечает.'],
  ] as const) {
    it(`${state}: a clear message, the job in the journal, and an identical reprint once the fault clears`, async () => {
      emulator.state = state;
      const before = emulator.printed().length;
      const outcome = await service.print(slip, { accountNumber: DEMO.owesMoney.accountNumber, sessionId: 's2' });
      expect(outcome.status).toBe('failed');
      expect(outcome.message?.key).toBe('print.problems.failed');
      expect(russianText(outcome.message).startsWith(`${message} Операция при этом выполнена.`)).toBe(true);
      const journaled = service.journal().find((job) => job.id === outcome.jobId);
      expect(journaled).toMatchObject({
        status: 'failed',
        kind: 'payment-slip',
        accountNumber: DEMO.owesMoney.accountNumber,
        reprintable: true,
      });

      emulator.state = 'ready';
      const reprint = await service.reprint(outcome.jobId);
      expect(reprint?.status).toBe('printed');
      // Only the reprint came out: the failed attempt printed nothing.
      await expect.poll(() => emulator.printed().length).toBe(before + 1);
      const reprinted = emulator.printed().slice(before);
      const reference = emulator.printed()[0];
      expect(reprinted[0]?.lines).toEqual(reference?.lines);
      expect(reprinted[0]?.qrPayloads).toEqual(reference?.qrPayloads);
      expect(service.journal().find((job) => job.id === reprint?.jobId)?.reprintOf).toBe(outcome.jobId);
    });
  }

  it('paper near end still prints and is reported for staff only', async () => {
    emulator.state = 'near-end';
    const outcome = await service.print(slip, { accountNumber: DEMO.owesMoney.accountNumber, sessionId: 's3' });
    expect(outcome).toMatchObject({ status: 'printed', message: null });
    expect((await service.status()).paperNearEnd).toBe(true);
  });
});

describe('the file printer of training mode', () => {
  it('writes the exact bytes of each receipt to the folder', async () => {
    const folder = path.join(dir, 'receipts');
    const filePrinter = new PrintService(
      db,
      createPrinterTransport(`file://${folder}`, 500),
      { commandSet: 'epson', codePage: 'cp866', columns: 32 },
      silentLogger,
    );
    const outcome = await filePrinter.print(slip, { accountNumber: DEMO.owesMoney.accountNumber, sessionId: null });
    expect(outcome.status).toBe('printed');
    const files = fs.readdirSync(folder);
    expect(files).toEqual([`${String(outcome.jobId).padStart(6, '0')}-payment-slip.bin`]);
  });
});
