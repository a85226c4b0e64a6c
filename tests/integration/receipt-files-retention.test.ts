// Training mode's file printer keeps every receipt as a file, with the full account number and
// name on it. Those files follow the print journal's retention (retention.settledDays): on start and
// every hour, files written earlier are deleted; newer ones stay for reprints and inspection.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCoreFixture, type CoreFixture } from '../support/kiosk-core-fixture';

const DAY_MS = 24 * 60 * 60_000;
let fixture: CoreFixture | null = null;
let dataDir: string | null = null;

afterEach(async () => {
  await fixture?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  fixture = null;
  dataDir = null;
});

describe('receipt files of the file printer', () => {
  it('are deleted once older than the retention, and recent ones are kept', async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-receipt-files-'));
    const receipts = path.join(dataDir, 'receipts');
    fs.mkdirSync(receipts);
    const old = path.join(receipts, '000001-payment-slip.bin');
    const recent = path.join(receipts, '000002-payment-slip.bin');
    const notAReceipt = path.join(receipts, 'README.txt');
    for (const file of [old, recent, notAReceipt]) fs.writeFileSync(file, 'ЛС 820000001, Петров Сергей Николаевич');
    const elevenDaysAgo = new Date(Date.now() - 11 * DAY_MS);
    fs.utimesSync(old, elevenDaysAgo, elevenDaysAgo);
    fs.utimesSync(notAReceipt, elevenDaysAgo, elevenDaysAgo);
    fs.utimesSync(recent, new Date(Date.now() - 9 * DAY_MS), new Date(Date.now() - 9 * DAY_MS));

    fixture = await startCoreFixture({ retention: { settledDays: 10 } }, dataDir);

    await expect.poll(() => fs.existsSync(old)).toBe(false);
    expect(fs.existsSync(recent)).toBe(true);
    expect(fs.existsSync(notAReceipt)).toBe(true);
  });
});
