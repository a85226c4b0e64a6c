// Privacy between customers, in a real browser through browser mode: 820000001 logs in, visits
// home and every service screen, logs out; 820000002 logs in and does the same. Nothing of the
// first (account number, name, address, contacts, amounts) may be left in the DOM, web storage,
// IndexedDB, Cache Storage, or any kiosk API response after the first logout. A reload of the page
// (what crash recovery does) ends the customer's kiosk API session too.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BillingClient } from '../../src-main/core/billing/billing-client';
import { formatMoney } from '../../src-renderer/lib/format-money';
import { startKioskProcess, type KioskProcess } from '../support/browser-mode-process';
import { launchChromium, openKioskPage } from '../support/chromium';
import { logIn, watchForPageProblems } from '../support/kiosk-page';

let kiosk: KioskProcess;
let browser: Browser;

beforeAll(async () => {
  kiosk = await startKioskProcess({ config: { ui: { idleTimeoutSeconds: 600 } } });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await kiosk?.stop();
});

const SERVICE_BUTTONS = ['Оплатить', 'Начисления и платежи', 'Передать показания', 'Виртуальная приёмная', 'Личная информация'];

/** Everything a passer-by could learn about a customer, as it would appear on screen or in JSON. */
async function tracesOf(accountNumber: string): Promise<string[]> {
  const match = /reference billing server at (\S+)/.exec(kiosk.output());
  if (!match?.[1]) throw new Error('training mode did not print its billing URL');
  const billing = new BillingClient({ baseUrl: match[1], terminalId: 'E2E', terminalKey: 'training', timeoutMs: 5000 });
  const { sessionToken } = await billing.login(accountNumber, 'demo1234');
  const summary = await billing.getAccountSummary(sessionToken);
  const profile = await billing.getProfile(sessionToken);
  await billing.logout(sessionToken);
  const amounts = [summary.amountDueKopecks, Math.abs(summary.balanceKopecks), summary.lastPayment?.amountKopecks ?? 0]
    .filter((kopecks) => kopecks > 0)
    .map((kopecks) => formatMoney(kopecks));
  return [
    accountNumber,
    `•••••${accountNumber.slice(-4)}`,
    summary.holderName,
    summary.address,
    ...amounts,
    profile.email,
    profile.phone,
  ].filter((trace): trace is string => typeof trace === 'string' && trace.length > 0);
}

/** Counts kiosk API calls in flight, so a screen can be left once it has loaded. */
function watchApi(page: Page) {
  const inFlight = new Set<unknown>();
  let phase = 'first';
  const responses: Array<{ phase: string; url: string; body: string }> = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/')) inFlight.add(request);
  });
  const settled = (request: unknown) => inFlight.delete(request);
  page.on('requestfinished', settled);
  page.on('requestfailed', settled);
  page.on('response', (response) => {
    if (!response.url().includes('/api/')) return;
    const at = phase;
    responses.push({ phase: at, url: response.url(), body: '' });
    const entry = responses[responses.length - 1]!;
    void response
      .text()
      .then((body) => (entry.body = body))
      .catch(() => undefined);
  });
  return {
    responses,
    setPhase: (next: string) => (phase = next),
    idle: async () => {
      await expect.poll(() => inFlight.size, { timeout: 30_000 }).toBe(0);
    },
  };
}

/** Home, then each service screen and back: whatever each screen loads for this customer. */
async function visitEverything(page: Page, api: ReturnType<typeof watchApi>, holderName: string): Promise<void> {
  const home = page.getByRole('heading', { name: `Здравствуйте, ${holderName}!` });
  await expect.poll(() => home.isVisible()).toBe(true);
  await page.getByRole('button', { name: 'Показать номер лицевого счёта' }).click();
  for (const service of SERVICE_BUTTONS) {
    await page.getByRole('navigation').getByRole('button', { name: service, exact: true }).click();
    await api.idle();
    await page.getByRole('button', { name: /Назад/ }).first().click();
    await expect.poll(() => home.isVisible()).toBe(true);
    await api.idle();
  }
}

async function storageState(page: Page) {
  return page.evaluate(async () => ({
    localStorage: localStorage.length,
    sessionStorage: sessionStorage.length,
    indexedDB: (await indexedDB.databases()).map((database) => database.name),
    caches: await caches.keys(),
  }));
}

async function callKioskApi(method: string): Promise<{ ok: boolean; error?: { code: string } }> {
  const response = await fetch(`${kiosk.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Kiosk-Token': kiosk.token },
    body: '{}',
  });
  return (await response.json()) as { ok: boolean; error?: { code: string } };
}

describe('privacy between customers', () => {
  it('after 820000001 logs out, nothing of theirs is in the DOM, storage or API responses while 820000002 uses the kiosk', async () => {
    const first = await tracesOf('820000001');
    const second = await tracesOf('820000002');
    // The check is only meaningful if the two customers differ in every trace looked for.
    for (const trace of first) expect(second).not.toContain(trace);

    const page = await openKioskPage(browser, kiosk.url);
    const problems = watchForPageProblems(page);
    const api = watchApi(page);

    await logIn(page, '820000001', 'demo1234');
    await visitEverything(page, api, first[2]!);
    // The first customer's data really was on screen and in the responses before logout.
    expect(api.responses.some((response) => response.body.includes(first[2]!))).toBe(true);

    api.setPhase('second');
    await page.getByRole('button', { name: 'Выйти' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Добро пожаловать!' }).isVisible()).toBe(true);
    await api.idle();
    const afterLogout = await page.evaluate(() => document.documentElement.outerHTML);
    for (const trace of first) expect(afterLogout, `"${trace}" after logout`).not.toContain(trace);
    expect(await storageState(page)).toEqual({ localStorage: 0, sessionStorage: 0, indexedDB: [], caches: [] });
    // The kiosk API session ended with it.
    expect(await callKioskApi('account.summary')).toMatchObject({ ok: false, error: { code: 'not-logged-in' } });

    await logIn(page, '820000002', 'demo1234');
    await visitEverything(page, api, second[2]!);
    const duringSecond = await page.evaluate(() => document.documentElement.outerHTML);
    for (const trace of first) expect(duringSecond, `"${trace}" while 820000002 is logged in`).not.toContain(trace);
    expect(await storageState(page)).toEqual({ localStorage: 0, sessionStorage: 0, indexedDB: [], caches: [] });

    const later = api.responses.filter((response) => response.phase === 'second');
    expect(later.length).toBeGreaterThan(SERVICE_BUTTONS.length);
    await expect.poll(() => later.every((response) => response.body !== '')).toBe(true);
    for (const response of later) {
      for (const trace of first) expect(response.body, `"${trace}" in ${response.url}`).not.toContain(trace);
    }
    // The second customer's own data did come through (the check above looked at real answers).
    expect(later.some((response) => response.body.includes(second[2]!))).toBe(true);

    await page.getByRole('button', { name: 'Выйти' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Добро пожаловать!' }).isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('a reload of the page (crash recovery) ends the customer session left in the kiosk', async () => {
    const [, , holderName] = await tracesOf('820000003');
    const page = await openKioskPage(browser, kiosk.url);
    await logIn(page, '820000003', 'demo1234');
    await expect.poll(() => page.getByRole('heading', { name: `Здравствуйте, ${holderName}!` }).isVisible()).toBe(true);
    expect(await callKioskApi('account.summary')).toMatchObject({ ok: true });

    await page.reload();
    await expect.poll(() => page.getByRole('heading', { name: 'Добро пожаловать!' }).isVisible()).toBe(true);
    await expect.poll(async () => (await callKioskApi('account.summary')).error?.code).toBe('not-logged-in');
    expect(await page.content()).not.toContain(holderName!);
    await page.context().close();
  });
});
