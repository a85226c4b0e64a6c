// The billing centre goes away or hangs: the customer gets a clear message within seconds, the
// screen never freezes, and the start screen keeps its announcements from the local cache.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReferenceBillingServer } from '../../src-main/billing-server/reference-billing-server';
import { startKioskProcess, type KioskProcess } from '../support/browser-mode-process';
import { launchChromium, openKioskPage } from '../support/chromium';
import { logIn } from '../support/kiosk-page';

let browser: Browser;
const cleanups: Array<() => Promise<void>> = [];

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  await browser?.close();
});

describe('billing centre down', () => {
  it('unreachable: a clear message, the offline indicator, and cached announcements', async () => {
    const dbFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-billing-')), 'billing.sqlite');
    const billing = await startReferenceBillingServer({ dbFile });
    const kiosk: KioskProcess = await startKioskProcess({ env: { KIOSK_BILLING_URL: billing.url, KIOSK_BILLING_TIMEOUT_MS: '2000' } });
    cleanups.push(() => kiosk.stop());

    const page = await openKioskPage(browser, kiosk.url);
    await expect.poll(() => page.getByRole('heading', { name: 'Объявления' }).isVisible()).toBe(true);
    await expect.poll(() => page.locator('.announcement').count()).toBeGreaterThan(0);
    const firstAnnouncement = await page.locator('.announcement h3').first().textContent();
    expect(await page.getByText('Учебный режим').count()).toBe(0);

    await billing.close();
    await logIn(page, '820000001', 'demo1234');
    await expect
      .poll(() => page.getByRole('alert').textContent(), { timeout: 10_000 })
      .toBe(
        'Нет связи с расчётным центром МУП УИС. Попробуйте ещё раз через несколько минут или позвоните в контакт-центр: 8-800-250-52-80 (звонок бесплатный).',
      );
    await expect.poll(() => page.getByText('Нет связи с расчётным центром', { exact: true }).isVisible()).toBe(true);
    // The screen still responds: the customer can go back.
    await page.getByRole('button', { name: 'Назад' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Добро пожаловать!' }).isVisible()).toBe(true);

    const reopened = await openKioskPage(browser, kiosk.url);
    await expect.poll(() => reopened.getByText('Нет связи с расчётным центром: показаны сохранённые объявления.').isVisible()).toBe(true);
    expect(await reopened.locator('.announcement h3').first().textContent()).toBe(firstAnnouncement);
    await page.context().close();
    await reopened.context().close();
  });

  it('hung: a billing centre that never answers gets a message within the time-out, not a frozen screen', async () => {
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((socket) => void sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    cleanups.push(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    });
    const port = (silent.address() as net.AddressInfo).port;
    const kiosk = await startKioskProcess({ env: { KIOSK_BILLING_URL: `http://127.0.0.1:${port}`, KIOSK_BILLING_TIMEOUT_MS: '1500' } });
    cleanups.push(() => kiosk.stop());

    const page = await openKioskPage(browser, kiosk.url);
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 10_000 }).toContain('Не удалось загрузить объявления.');
    await logIn(page, '820000001', 'demo1234');
    // While waiting, the customer sees progress rather than a still screen.
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Пожалуйста, подождите…' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 10_000 }).toContain('Расчётный центр не ответил вовремя.');
    await page.context().close();
  });
});
