// The billing centre goes away in the middle of a visit: the customer still submits readings and
// gets an honest "queued" confirmation; when the billing centre is back, the reading arrives by
// itself (nobody touches the kiosk) and the link indicator returns to normal.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReferenceBillingServer, type ReferenceBillingServer } from '../../src-main/billing-server/reference-billing-server';
import { BillingClient } from '../../src-main/core/billing/billing-client';
import { formatReading } from '../../src-main/core/readings';
import { ufaDate } from '../../src-main/core/time/calendar';
import { startKioskProcess, type KioskProcess } from '../support/browser-mode-process';
import { launchChromium, openKioskPage } from '../support/chromium';
import { keypad, logIn, typeOnKeypad } from '../support/kiosk-page';

let browser: Browser;
let billing: ReferenceBillingServer;
let kiosk: KioskProcess;
let dbFile: string;

beforeAll(async () => {
  dbFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-offline-')), 'billing.sqlite');
  billing = await startReferenceBillingServer({ dbFile });
  kiosk = await startKioskProcess({
    env: {
      KIOSK_BILLING_URL: billing.url,
      KIOSK_BILLING_TIMEOUT_MS: '1500',
      KIOSK_HEARTBEAT_S: '5',
      KIOSK_RETRY_BASE_MS: '200',
      KIOSK_RETRY_CAP_MS: '2000',
    },
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await kiosk?.stop();
  await billing?.close();
});

describe('offline in the middle of a visit', () => {
  it('queues the readings with an honest confirmation and delivers them when the billing centre returns', async () => {
    const client = new BillingClient({ baseUrl: billing.url, terminalId: 'E2E', terminalKey: 'training', timeoutMs: 5000 });
    const session = await client.login('820000003', 'demo1234');
    const today = ufaDate(Date.now());
    const meter = (await client.getMeters(session.sessionToken)).meters.find(
      (candidate) => candidate.verificationDueOn >= today && candidate.lastReading,
    );
    if (!meter?.lastReading) throw new Error('820000003 should have a working meter');
    const reading = formatReading(meter.lastReading.value + 1.25, meter.fractionDigits);

    const page = await openKioskPage(browser, kiosk.url);
    await logIn(page, '820000003', 'demo1234');
    await page.getByRole('button', { name: 'Передать показания' }).click();
    await page.getByLabel(`Новое показание счётчика № ${meter.serialNumber}`).click();

    // The billing centre disappears after the meters were loaded.
    const port = new URL(billing.url).port;
    await billing.close();

    await keypad(page).getByRole('button', { name: 'Очистить', exact: true }).click();
    for (const character of reading) {
      if (character === ',') await page.getByRole('button', { name: 'Запятая', exact: true }).click();
      else await typeOnKeypad(page, character);
    }
    await page.getByRole('button', { name: 'Передать показания' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Показания приняты и ждут отправки' }).isVisible(), { timeout: 15_000 })
      .toBe(true);
    expect(
      await page.getByText('Показания приняты терминалом и будут переданы в расчётный центр, как только появится связь.').isVisible(),
    ).toBe(true);
    expect(await page.getByText(/^Номер операции на терминале: UIS-TRAINING-01-\d{6}$/).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Нет связи с расчётным центром', { exact: true }).isVisible(), { timeout: 15_000 }).toBe(true);

    // Back on the same address; nobody touches the kiosk.
    billing = await startReferenceBillingServer({ dbFile, port: Number(port) });
    const delivered = () =>
      billing.db
        .prepare<[string, string], { count: number }>(
          'SELECT count(*) AS count FROM reading_submission WHERE account_number = ? AND readings_json LIKE ?',
        )
        .get('820000003', `%${meter.meterId}%`)?.count ?? 0;
    await expect.poll(delivered, { timeout: 30_000, interval: 500 }).toBe(1);
    await expect.poll(() => page.getByText('Связь с расчётным центром есть', { exact: true }).isVisible(), { timeout: 30_000 }).toBe(true);
    await page.context().close();
  });
});
