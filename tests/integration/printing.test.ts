// Printing over real TCP to the printer emulator, with a real SQLite journal: every receipt comes
// out as decodable Russian text with its QR code and a cut; every fault state gives the customer a
// clear message, worded for the document, and leaves the job in the journal; a retry after the
// fault clears is identical (it is the first paper), a reprint of one that came out says «КОПИЯ».
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
let printerUrl: string;

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
  printerUrl = await emulator.start();
  service = new PrintService(
    db,
    createPrinterTransport(printerUrl, 500),
    { commandSet: 'epson', codePage: 'cp866', columns: 48 },
    silentLogger,
  );
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
    it(`${state}: a clear message, the job in the journal, and an identical retry once the fault clears`, async () => {
      emulator.state = state;
      const before = emulator.printed().length;
      const outcome = await service.print(slip, { accountNumber: DEMO.owesMoney.accountNumber, sessionId: 's2' });
      expect(outcome.status).toBe('failed');
      expect(outcome.message?.key).toBe('print.problems.failed');
      expect(russianText(outcome.message)).toBe(
        `${message} Квитанция не напечатана. Оплатить можно и без неё: по QR-коду на экране или в кассе. Квитанция сохранена: сотрудник офиса распечатает её для вас.`,
      );
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
      // Only the retry came out (the failed attempt printed nothing), so it is no copy.
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

describe('what a failed print tells the customer, document by document', () => {
  // Each says what did and did not happen: a slip is not a payment, readings and appeals stand.
  const wordings: Array<[Receipt['kind'], string]> = [
    ['payment-slip', 'Квитанция не напечатана. Оплатить можно и без неё: по QR-коду на экране или в кассе.'],
    ['readings-confirmation', 'Показания приняты, не напечатано только бумажное подтверждение. Регистрационный номер показан на экране'],
    ['statement', 'Выписка не напечатана. Её можно посмотреть на экране'],
    ['appeal-ticket', 'Обращение принято, не напечатан только талон.'],
    ['test-page', 'Тестовая страница не напечатана. Устраните неисправность и напечатайте её ещё раз.'],
    ['training-bill', 'Учебная квитанция не напечатана.'],
  ];
  for (const [kind, wording] of wordings) {
    it(`${kind}: the printer's reason, then what became of this document`, async () => {
      emulator.state = 'paper-out';
      const outcome = await service.print(
        { kind, blocks: [{ kind: 'title', text: 'Документ' }] },
        { accountNumber: null, sessionId: null },
      );
      const text = russianText(outcome.message);
      expect(text.startsWith(`В принтере закончилась бумага. ${wording}`)).toBe(true);
      expect(text).not.toContain('Операция при этом выполнена');
    });
  }
});

describe('a reprint of a receipt that came out', () => {
  // 26.11.2026 10:15 in Ufa (UTC+5), then the copies an hour and two hours later.
  const first = Date.UTC(2026, 10, 26, 5, 15);
  let now = first;
  let clocked: PrintService;
  beforeAll(() => {
    clocked = new PrintService(
      db,
      createPrinterTransport(printerUrl, 500),
      { commandSet: 'epson', codePage: 'cp866', columns: 48 },
      silentLogger,
      () => now,
    );
  });

  it('says «КОПИЯ» at the top with both times, the rest as the original; the original says nothing of the kind', async () => {
    const before = emulator.printed().length;
    now = first;
    const original = await clocked.print(slip, { accountNumber: DEMO.owesMoney.accountNumber, sessionId: 's4' });
    now = first + 60 * 60_000;
    const copy = await clocked.reprint(original.jobId);
    expect(copy?.status).toBe('printed');
    await expect.poll(() => emulator.printed().length).toBe(before + 2);
    const [originalPaper, copyPaper] = emulator.printed().slice(before);
    expect(originalPaper?.lines.join('\n')).not.toContain('КОПИЯ');

    expect(copyPaper?.styledLines[0]).toEqual({ text: 'КОПИЯ', bold: true, large: true });
    // The copy's header ends at its rule; below it, the original line for line.
    const rule = copyPaper?.lines.indexOf('-'.repeat(48)) ?? -1;
    const header = copyPaper?.lines.slice(0, rule).join(' ') ?? '';
    expect(header).toContain('Напечатано впервые: 26.11.2026 10:15 (время уфимское)');
    expect(header).toContain('Копия напечатана: 26.11.2026 11:15 (время уфимское)');
    expect(copyPaper?.lines.slice(rule + 1)).toEqual(originalPaper?.lines);
    expect(copyPaper?.qrPayloads).toEqual(originalPaper?.qrPayloads);

    // A copy of the copy: «КОПИЯ» once, still with the time the original came out.
    now = first + 2 * 60 * 60_000;
    await clocked.reprint(copy?.jobId ?? 0);
    await expect.poll(() => emulator.printed().length).toBe(before + 3);
    const again = emulator.printed()[before + 2]?.lines ?? [];
    expect(again.filter((line) => line === 'КОПИЯ')).toHaveLength(1);
    expect(again.join(' ')).toContain('Напечатано впервые: 26.11.2026 10:15');
    expect(again.join(' ')).toContain('Копия напечатана: 26.11.2026 12:15');
  });

  it('a receipt whose retry came out is a copy when staff reprint the failed job', async () => {
    now = first;
    emulator.state = 'paper-out';
    const failedJob = await clocked.print(slip, { accountNumber: DEMO.owesMoney.accountNumber, sessionId: 's5' });
    emulator.state = 'ready';
    const before = emulator.printed().length;
    const retried = await clocked.reprint(failedJob.jobId);
    expect(retried?.status).toBe('printed');
    now = first + 60 * 60_000;
    await clocked.reprint(failedJob.jobId);
    await expect.poll(() => emulator.printed().length).toBe(before + 2);
    const [retryPaper, copyPaper] = emulator.printed().slice(before);
    expect(retryPaper?.lines[0]).toBe('Квитанция');
    expect(copyPaper?.lines[0]).toBe('КОПИЯ');
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
