// A Star printer's status in Star Line Mode, over real TCP to the printer emulator acting as a
// Star: the kiosk asks with `ESC ACK SOH` and reads the Automatic Status (paper out, cover open,
// offline, paper near end), never Epson's `DLE EOT`, which a Star does not know; a Star that
// cannot print gets no job, and one that stops answering is "not responding".
import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src-main/core/logging/logger';
import { PrintService } from '../../src-main/core/printing/print-service';
import { createPrinterTransport } from '../../src-main/core/printing/printer-transport';
import type { Receipt } from '../../src-main/core/printing/receipt';
import { openKioskDatabase, type KioskDatabase } from '../../src-main/core/store/database';
import { PrinterEmulator } from '../support/printer-emulator';

let dir: string;
let db: KioskDatabase;
let emulator: PrinterEmulator;
let url: string;

const ticket: Receipt = {
  kind: 'appeal-ticket',
  blocks: [
    { kind: 'title', text: 'Обращение № 12' },
    { kind: 'pair', label: 'Тема', value: 'Качество отопления' },
  ],
};

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'printer-star-'));
  db = openKioskDatabase(path.join(dir, 'kiosk.sqlite'));
  emulator = new PrinterEmulator('star');
  url = await emulator.start();
});

afterEach(() => {
  emulator.state = 'ready';
});

afterAll(async () => {
  await emulator.stop();
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('Star status (Star Line Mode)', () => {
  for (const [state, expected] of [
    ['ready', { state: 'ready', paperNearEnd: false }],
    ['near-end', { state: 'ready', paperNearEnd: true }],
    ['paper-out', { state: 'paper-out', paperNearEnd: true }],
    ['cover-open', { state: 'cover-open', paperNearEnd: false }],
    ['offline', { state: 'offline', paperNearEnd: false }],
    ['silent', { state: 'not-responding', paperNearEnd: false }],
  ] as const) {
    it(`${state}: read from the automatic status asked with ESC ACK SOH`, async () => {
      emulator.state = state;
      const queries = emulator.statusQueries.length;
      const status = await createPrinterTransport(url, 300, 'star').status();
      expect(status).toEqual({ ...expected, twoWay: true });
      if (state !== 'silent') expect(emulator.statusQueries.slice(queries)).toEqual(['ESC ACK SOH']);
      expect(emulator.protocolErrors).toEqual([]);
    });
  }

  it('paper out and cover open: the job fails with that state and nothing is printed; once fixed the job prints and is confirmed', async () => {
    const service = new PrintService(
      db,
      createPrinterTransport(url, 500, 'star'),
      { commandSet: 'star', codePage: 'cp866', columns: 48 },
      silentLogger,
    );
    for (const state of ['paper-out', 'cover-open'] as const) {
      emulator.state = state;
      const before = emulator.printed().length;
      const outcome = await service.print(ticket, { accountNumber: null, sessionId: null });
      // The customer's sentence is chosen by the printer state (print-service.ts and its catalog).
      expect(outcome).toMatchObject({ status: 'failed', printerState: state });
      expect(outcome.message).not.toBeNull();
      expect(emulator.printed()).toHaveLength(before);
    }
    emulator.state = 'ready';
    const before = emulator.printed().length;
    expect(await service.print(ticket, { accountNumber: null, sessionId: null })).toMatchObject({ status: 'printed', message: null });
    await expect.poll(() => emulator.printed().length).toBe(before + 1);
    expect(emulator.printed()[before]?.styledLines[0]).toEqual({ text: 'Обращение № 12', bold: true, large: true });
    expect(emulator.protocolErrors).toEqual([]);
  });

  it('a Star does not answer Epson status queries: asked with DLE EOT it stays silent', async () => {
    const status = await createPrinterTransport(url, 300, 'epson').status();
    expect(status.state).toBe('not-responding');
    expect(emulator.protocolErrors).toContain('DLE EOT 1');
    emulator.protocolErrors.length = 0;
  });
});
