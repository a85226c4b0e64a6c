// Every printable document on the five printer set-ups the kiosk supports (Epson and Star, each
// with CP866 and WPC1251 on 80 mm paper, and Epson CP866 on 58 mm), over real TCP to the printer
// emulator: the documents are built by the real core from the training billing centre's data and
// this visit's own submissions, printed by the real print service, and the emulator decodes the
// bytes. Each must read as its preview, never show a "?" for a missing character, print its
// titles bold and double size, and carry a QR code that fits the paper and holds a valid payload.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KioskOutput } from '../../src-main/features/kiosk-methods';
import { formatReading } from '../../src-main/features/readings/reading-checks';
import { silentLogger } from '../../src-main/core/logging/logger';
import type { CodePage, CommandSet } from '../../src-main/core/printing/escpos-encoder';
import { PrintService } from '../../src-main/core/printing/print-service';
import { createPrinterTransport } from '../../src-main/core/printing/printer-transport';
import { columnsFor, layoutReceipt, type Receipt } from '../../src-main/core/printing/receipt';
import { testPageReceipt } from '../../src-main/core/printing/test-page';
import { openKioskDatabase, type KioskDatabase } from '../../src-main/core/store/database';
import { startCoreFixture, type CoreFixture } from '../support/kiosk-core-fixture';
import { PrinterEmulator } from '../support/printer-emulator';
import { DEMO } from '../support/demo-accounts';

interface Setup {
  name: string;
  commandSet: CommandSet;
  codePage: CodePage;
  widthMm: 58 | 80;
}

const SETUPS: Setup[] = [
  { name: 'Epson, CP866, 80 mm', commandSet: 'epson', codePage: 'cp866', widthMm: 80 },
  { name: 'Epson, WPC1251, 80 mm', commandSet: 'epson', codePage: 'wpc1251', widthMm: 80 },
  { name: 'Star, CP866, 80 mm', commandSet: 'star', codePage: 'cp866', widthMm: 80 },
  { name: 'Star, WPC1251, 80 mm', commandSet: 'star', codePage: 'wpc1251', widthMm: 80 },
  { name: 'Epson, CP866, 58 mm', commandSet: 'epson', codePage: 'cp866', widthMm: 58 },
];

type Meter = KioskOutput<'readings.meters'>['meters'][number];

let fixture: CoreFixture;
let dir: string;
let meter: Meter & { lastReading: NonNullable<Meter['lastReading']> };
let typedValue: string;
/** The customer documents of one visit, built by the core's own document builders. */
const documents = new Map<string, Receipt>();

async function call<T = Record<string, unknown>>(method: string, input: unknown): Promise<T> {
  const result = await fixture.core.dispatch(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

async function build(document: { type: string } & Record<string, unknown>): Promise<Receipt> {
  const builder = fixture.core.services.documentReceipts.get(document.type);
  if (!builder) throw new Error(`no document ${document.type}`);
  return builder(document, fixture.core.services.requireCustomer());
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'printer-setups-'));
  fixture = await startCoreFixture();
  await call('session.login', { accountNumber: DEMO.expiredVerification.accountNumber, password: 'demo1234' });
  const meters = await call<KioskOutput<'readings.meters'>>('readings.meters', {});
  const found = meters.meters.find(
    (candidate) => candidate.acceptsReadings && candidate.lastReading && candidate.unit === 'м³' && candidate.fractionDigits > 0,
  );
  if (!found?.lastReading) throw new Error('no meter with a fractional reading to submit');
  meter = found as typeof meter;
  typedValue = formatReading(meter.lastReading.value + 2.5, meter.fractionDigits);
  const readings = await call<KioskOutput<'readings.submit'>>('readings.submit', {
    readings: [{ meterId: meter.meterId, value: typedValue }],
  });
  const appeal = await call<{ localReference: string }>('appeals.submit', {
    topicId: 'heating-quality',
    text: 'В квартире холодно — батареи «еле тёплые», 18 °C.',
    answerTo: 'profile',
  });
  documents.set('payment-slip', await build({ type: 'payment-slip', amountKopecks: 150_050 }));
  documents.set('readings-confirmation', await build({ type: 'readings-confirmation', localReference: readings.localReference }));
  documents.set('statement', await build({ type: 'statement', from: '2026-08', to: '2026-10' }));
  documents.set('appeal-ticket', await build({ type: 'appeal-ticket', localReference: appeal.localReference }));
});

afterAll(async () => {
  await fixture?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** GOST R 56042-2014: header, the five required requisites with their formats, known fields within their limits. */
function expectValidPaymentPayload(payload: string): void {
  expect(payload).toMatch(/^ST0001[123]/);
  const separator = payload.charAt(7);
  const [, ...parts] = payload.split(separator);
  const fields = new Map(parts.map((part) => [part.slice(0, part.indexOf('=')), part.slice(part.indexOf('=') + 1)]));
  expect(parts.every((part) => part.indexOf('=') > 0)).toBe(true);
  expect(fields.get('Name')?.length).toBeGreaterThan(0);
  expect(fields.get('PersonalAcc')).toMatch(/^\d{20}$/);
  expect(fields.get('BankName')?.length).toBeGreaterThan(0);
  expect(fields.get('BIC')).toMatch(/^\d{9}$/);
  expect(fields.get('CorrespAcc')).toMatch(/^\d{1,20}$/);
  expect(fields.get('Sum')).toBe('150050');
  const limits: Record<string, number> = { Name: 160, BankName: 45, Purpose: 210, PayerAddress: 210, PersAcc: 60, LastName: 60 };
  for (const [name, limit] of Object.entries(limits)) expect(fields.get(name)?.length ?? 0).toBeLessThanOrEqual(limit);
}

for (const setup of SETUPS) {
  describe(setup.name, () => {
    const columns = columnsFor(setup.widthMm);
    let db: KioskDatabase;
    let emulator: PrinterEmulator;
    let service: PrintService;

    beforeAll(async () => {
      db = openKioskDatabase(path.join(dir, `${setup.commandSet}-${setup.codePage}-${setup.widthMm}.sqlite`));
      emulator = new PrinterEmulator(setup.commandSet);
      const url = await emulator.start();
      service = new PrintService(
        db,
        createPrinterTransport(url, 1000, setup.commandSet),
        { commandSet: setup.commandSet, codePage: setup.codePage, columns },
        silentLogger,
      );
      documents.set(
        'test-page',
        testPageReceipt({
          printerDescription: url,
          commandSet: setup.commandSet,
          codePage: setup.codePage,
          widthMm: setup.widthMm,
          columns,
          terminalId: 'UIS-TRAINING-01',
          printedAt: '01.12.2026 10:00',
        }),
      );
    });

    afterAll(async () => {
      await emulator?.stop();
      db?.close();
    });

    for (const kind of ['payment-slip', 'readings-confirmation', 'statement', 'appeal-ticket', 'test-page']) {
      it(`${kind}: reads as its preview, with no "?", bold double-size titles and a QR that fits`, async () => {
        const receipt = documents.get(kind) as Receipt;
        const preview = service.preview(receipt);
        const before = emulator.printed().length;
        expect((await service.print(receipt, { accountNumber: null, sessionId: null })).status).toBe('printed');
        await expect.poll(() => emulator.printed().length).toBe(before + 1);
        const printed = emulator.printed()[before];
        if (!printed) throw new Error('nothing printed');

        expect(printed.codePages).toEqual([setup.codePage === 'cp866' ? 'cp866' : 'win1251']);
        // Line for line the preview (alignment is a printer command there, spaces here).
        expect(printed.lines.map((line) => line.trim())).toEqual(preview.lines.map((line) => (line === '[QR]' ? '' : line.trim())));
        expect(printed.lines.filter((line) => line.includes('?'))).toEqual([]);
        expect(printed.lines.every((line) => line.length <= columns)).toBe(true);

        // Each title line laid out double size comes out bold and double size; nothing else is large.
        const laidOut = layoutReceipt(receipt, columns);
        const titles = laidOut.flatMap((line, index) => (line.kind === 'text' && line.large ? [index] : []));
        expect(titles.length).toBeGreaterThan(0);
        for (const [index, line] of printed.styledLines.entries()) {
          if (titles.includes(index)) expect(line).toMatchObject({ bold: true, large: true });
          else expect(line.large).toBe(false);
        }

        expect(printed.qrPayloads).toEqual(preview.qrPayloads);
        for (const symbol of printed.qrSymbols) {
          expect(symbol.errorCorrection).toBe('M');
          expect(symbol.moduleSize).toBeGreaterThanOrEqual(3);
          expect(symbol.moduleSize * symbol.modules).toBeLessThanOrEqual(columns * 12);
        }
        if (kind === 'payment-slip' || kind === 'test-page') expect(printed.qrSymbols).toHaveLength(1);
        if (kind === 'payment-slip') expectValidPaymentPayload(printed.qrPayloads[0] ?? '');
      });
    }

    it('readings confirmation: numbers as on screen, decimal comma and the meter precision, м³ as м3', async () => {
      const text = service.preview(documents.get('readings-confirmation') as Receipt).lines.map((line) => line.trim());
      const previous = `${formatReading(meter.lastReading.value, meter.fractionDigits)} м3`;
      expect(text.find((line) => line.startsWith('Предыдущее'))).toMatch(new RegExp(`\\s${previous}$`));
      expect(text.find((line) => line.startsWith('Новое'))).toMatch(new RegExp(`\\s${typedValue} м3$`));
      expect(text.find((line) => line.startsWith('Расход'))).toMatch(/\s2,5 м3$/);
    });
  });
}
