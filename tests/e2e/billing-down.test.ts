// The billing centre goes away or hangs: the customer gets a clear message within seconds, the
// screen never freezes, and the start screen keeps its announcements from the local cache.
import net from 'node:net';
import { describe, expect, onTestFinished } from 'vitest';
import type { Browser } from 'playwright-core';
import { startKioskProcess, type KioskProcess } from '../support/browser-mode-process';
import { openKioskPage } from '../support/chromium';
import { DEMO } from '../support/demo-accounts';
import { logInAs } from '../support/kiosk-page';
import { kioskTest } from '../support/kiosk-test';

// The first case is this file's kiosk against its own billing centre, which the test stops.
const it = kioskTest({ ownBilling: true, env: { KIOSK_BILLING_TIMEOUT_MS: '2000' } });

/** A page of a kiosk started by the test itself, closed when the test ends. */
async function openPageOf(browser: Browser, kiosk: KioskProcess) {
  const page = await openKioskPage(browser, kiosk);
  onTestFinished(() => page.context().close());
  return page;
}

describe('billing centre down', () => {
  it('unreachable: a clear message, the offline indicator, and cached announcements', async ({ page, openPage, billingServer }) => {
    await expect.poll(() => page.getByRole('heading', { name: 'Объявления' }).isVisible()).toBe(true);
    await expect.poll(() => page.locator('.announcement').count()).toBeGreaterThan(0);
    const firstAnnouncement = await page.locator('.announcement h3').first().textContent();
    expect(await page.getByText('Учебный режим').count()).toBe(0);

    await billingServer.close();
    await logInAs(page, DEMO.owesMoney);
    await expect
      .poll(() => page.getByRole('alert').textContent(), { timeout: 10_000 })
      .toBe(
        'Нет связи с расчётным центром МУП УИС. Попробуйте ещё раз через несколько минут или позвоните в контакт-центр: 8\u2011800\u2011250\u201152\u201180 (звонок бесплатный).',
      );
    await expect.poll(() => page.getByText('Нет связи с расчётным центром', { exact: true }).isVisible()).toBe(true);
    // The screen still responds: the customer can go back.
    await page.getByRole('button', { name: 'Назад' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Добро пожаловать!' }).isVisible()).toBe(true);

    const reopened = await openPage();
    await expect.poll(() => reopened.getByText('Нет связи с расчётным центром: показаны сохранённые объявления.').isVisible()).toBe(true);
    expect(await reopened.locator('.announcement h3').first().textContent()).toBe(firstAnnouncement);
  });

  it('hung: a billing centre that never answers gets a message within the time-out, not a frozen screen', async ({ browser }) => {
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((socket) => void sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    onTestFinished(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    });
    const port = (silent.address() as net.AddressInfo).port;
    // A kiosk of its own, pointed at the silent address.
    const kiosk = await startKioskProcess({ env: { KIOSK_BILLING_URL: `http://127.0.0.1:${port}`, KIOSK_BILLING_TIMEOUT_MS: '1500' } });
    onTestFinished(() => kiosk.stop());

    const page = await openPageOf(browser, kiosk);
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 10_000 }).toContain('Не удалось загрузить объявления.');
    await logInAs(page, DEMO.owesMoney);
    // While waiting, the customer sees progress rather than a still screen.
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Пожалуйста, подождите…' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 10_000 }).toContain('Расчётный центр не ответил вовремя.');
  });
});
