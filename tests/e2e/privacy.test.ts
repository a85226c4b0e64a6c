// Privacy between customers, in a real browser through browser mode: one demo customer logs in,
// visits home and every service screen, logs out; a second logs in and does the same. Nothing of the
// first (account number, name, address, contacts, amounts) may be left in the DOM, web storage,
// IndexedDB, Cache Storage, or any kiosk API response after the first logout. The same holds between
// a full session and a bill session (the paper bill's code), in both orders. A reload of the page
// (what crash recovery does) ends the customer's kiosk API session too. And while a customer or
// staff are at the screen, the account number shows only masked, one way («•••••0001»), on every
// customer and staff screen; only the paper carries it whole.
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import type { BillingClient } from '../../src-main/core/billing/billing-client';
import { maskAccountNumber } from '../../src-main/core/security/account-number-mask';
import { formatMoney } from '../../src-renderer/lib/format-money';
import { callKioskApi } from '../support/browser-mode-process';
import { BILL_HOLDERS, DEMO, TRAINING_STAFF, type DemoAccount, type DemoBillHolder } from '../support/demo-accounts';
import { logInAs, openStaffScreen, typeOnKeypad } from '../support/kiosk-page';
import { kioskTest, pageProblems } from '../support/kiosk-test';
import { greetedAs, homeGreeting } from '../support/home-greeting';

const it = kioskTest({ config: { ui: { idleTimeoutSeconds: 600 } } });
/** A kiosk with a printer, so the staff print journal has the customer's slip to show. */
const withPrinter = kioskTest({ printer: 'epson', config: { ui: { idleTimeoutSeconds: 600 } } });

const SERVICE_BUTTONS = ['Оплатить', 'Начисления и платежи', 'Передать показания', 'Виртуальная приёмная', 'Личная информация'];

/** Everything a passer-by could learn about a customer, as it would appear on screen or in JSON. */
async function tracesOf(billing: BillingClient, { accountNumber, password }: DemoAccount): Promise<string[]> {
  const { sessionToken } = await billing.login(accountNumber, password);
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
    // What the home screen greets them by.
    greetedAs(summary.holderName),
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

/** What a bill session shows of its holder: the masked name and address, the number, the amount due. */
async function billTracesOf(billing: BillingClient, holder: DemoBillHolder): Promise<string[]> {
  const { sessionToken } = await billing.openBillSession(holder.accountNumber, holder.billCode);
  const summary = await billing.getAccountSummary(sessionToken);
  await billing.logout(sessionToken);
  return [
    holder.accountNumber,
    `•••••${holder.accountNumber.slice(-4)}`,
    summary.holderName,
    summary.address,
    formatMoney(summary.amountDueKopecks),
  ];
}

/** «По квитанции — без пароля»: the account number and the bill's code on the keypad. */
async function logInByBill(page: Page, holder: DemoBillHolder): Promise<void> {
  await page.getByRole('button', { name: 'По квитанции — без пароля' }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'Вход по квитанции', level: 1 }).isVisible()).toBe(true);
  await typeOnKeypad(page, holder.accountNumber + holder.billCode);
  await page.getByRole('button', { name: 'Войти', exact: true }).click();
}

/** No trace of `traces` in the page, its storage, or the API answers of `phase`. */
async function expectNothingOf(page: Page, api: ReturnType<typeof watchApi>, phase: string, traces: string[]): Promise<void> {
  const html = await page.evaluate(() => document.documentElement.outerHTML);
  for (const trace of traces) expect(html, `"${trace}" on screen in phase ${phase}`).not.toContain(trace);
  expect(await storageState(page)).toEqual({ localStorage: 0, sessionStorage: 0, indexedDB: [], caches: [] });
  const answers = api.responses.filter((response) => response.phase === phase);
  expect(answers.length).toBeGreaterThan(0);
  await expect.poll(() => answers.every((response) => response.body !== '')).toBe(true);
  for (const response of answers) for (const trace of traces) expect(response.body, `"${trace}" in ${response.url}`).not.toContain(trace);
}

/** Home, then each service screen and back: whatever each screen loads for this customer. */
async function visitEverything(
  page: Page,
  api: ReturnType<typeof watchApi>,
  greeting: string,
  services: readonly string[] = SERVICE_BUTTONS,
): Promise<void> {
  const home = page.getByRole('heading', { name: greeting, level: 1 });
  await expect.poll(() => home.isVisible()).toBe(true);
  await page.getByRole('button', { name: 'Показать номер лицевого счёта' }).click();
  for (const service of services) {
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

describe('privacy between customers', () => {
  it('after one customer logs out, nothing of theirs is in the DOM, storage or API responses while the next uses the kiosk', async ({
    page,
    kiosk,
    billing,
  }) => {
    const [firstCustomer, secondCustomer] = [DEMO.owesMoney, DEMO.paidInAdvance];
    const first = await tracesOf(billing, firstCustomer);
    const second = await tracesOf(billing, secondCustomer);
    // The check is only meaningful if the two customers differ in every trace looked for.
    for (const trace of first) expect(second).not.toContain(trace);

    const problems = pageProblems(page);
    const api = watchApi(page);

    await logInAs(page, firstCustomer);
    await visitEverything(page, api, homeGreeting(first[2]!));
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
    expect(await callKioskApi(kiosk, 'account.summary')).toMatchObject({ ok: false, error: { code: 'not-logged-in' } });

    await logInAs(page, secondCustomer);
    await visitEverything(page, api, homeGreeting(second[2]!));
    const duringSecond = await page.evaluate(() => document.documentElement.outerHTML);
    for (const trace of first) expect(duringSecond, `"${trace}" while ${secondCustomer.accountNumber} is logged in`).not.toContain(trace);
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
  });

  it('a bill session after a full session sees nothing of it, and a full session after a bill session nothing of that', async ({
    page,
    billing,
  }) => {
    const [fullCustomer, holder, nextCustomer] = [DEMO.owesMoney, BILL_HOLDERS.paperBillOnly, DEMO.paidInAdvance];
    const full = await tracesOf(billing, fullCustomer);
    const bill = await billTracesOf(billing, holder);
    const next = await tracesOf(billing, nextCustomer);
    for (const trace of full) expect([...bill, ...next]).not.toContain(trace);
    for (const trace of bill) expect(next).not.toContain(trace);
    const problems = pageProblems(page);
    const api = watchApi(page);
    const logOut = async () => {
      await page.getByRole('button', { name: 'Выйти' }).click();
      await expect.poll(() => page.getByRole('heading', { name: 'Добро пожаловать!' }).isVisible()).toBe(true);
      await api.idle();
    };

    await logInAs(page, fullCustomer);
    await visitEverything(page, api, homeGreeting(full[2]!));
    api.setPhase('bill');
    await logOut();
    await logInByBill(page, holder);
    // A bill session knows the holder by initials only: the greeting has no name.
    await visitEverything(page, api, 'Здравствуйте!', ['Оплатить', 'Передать показания']);
    await expectNothingOf(page, api, 'bill', full);
    // The bill session's own data did come through.
    expect(api.responses.some((response) => response.phase === 'bill' && response.body.includes(bill[2]!))).toBe(true);

    api.setPhase('after bill');
    await logOut();
    await logInAs(page, nextCustomer);
    await visitEverything(page, api, homeGreeting(next[2]!));
    await expectNothingOf(page, api, 'after bill', bill);
    await logOut();
    expect(problems).toEqual([]);
  });

  it('a reload of the page (crash recovery) ends the customer session left in the kiosk', async ({ openPage, kiosk, billing }) => {
    const customer = DEMO.expiredVerification;
    const [, , holderName] = await tracesOf(billing, customer);
    const page = await openPage({ as: customer });
    await expect.poll(() => page.getByRole('heading', { name: homeGreeting(holderName!) }).isVisible()).toBe(true);
    expect(await callKioskApi(kiosk, 'account.summary')).toMatchObject({ ok: true });

    await page.reload();
    await expect.poll(() => page.getByRole('heading', { name: 'Добро пожаловать!' }).isVisible()).toBe(true);
    await expect.poll(async () => (await callKioskApi(kiosk, 'account.summary')).error?.code).toBe('not-logged-in');
    expect(await page.content()).not.toContain(greetedAs(holderName!));
  });

  withPrinter(
    'shows the account number only masked, one way, on customer screens, the pay screen and its preview, and staff screens',
    async ({ openPage, printer }) => {
      const customer = DEMO.owesMoney;
      const account = customer.accountNumber;
      const masked = maskAccountNumber(account);
      expect(masked).toBe(`•••••${account.slice(-4)}`);
      const page = await openPage();
      const problems = pageProblems(page);
      const api = watchApi(page);
      /** What anyone in front of the screen can read: the page's rendered text. */
      const shown = () => page.locator('body').innerText();
      const expectMaskedOnly = async (where: string) => {
        await api.idle();
        expect(await shown(), `the whole account number on ${where}`).not.toContain(account);
      };

      await logInAs(page, customer);
      await expect.poll(() => page.getByRole('heading', { name: /^Здравствуйте, /, level: 1 }).isVisible()).toBe(true);
      await expectMaskedOnly('home');
      expect(await shown()).toContain(`Лицевой счёт ${masked}`);
      for (const service of SERVICE_BUTTONS.filter((name) => name !== 'Оплатить')) {
        await page.getByRole('navigation').getByRole('button', { name: service, exact: true }).click();
        await expectMaskedOnly(service);
        await page.getByRole('button', { name: /Назад/ }).first().click();
      }

      // The pay screen: the slip's account and its purpose («… л/с •••••0001 …»), and no raw QR text.
      await page.getByRole('navigation').getByRole('button', { name: 'Оплатить', exact: true }).click();
      const slip = page.getByTestId('payment-slip');
      await expect.poll(() => slip.isVisible()).toBe(true);
      await expect.poll(() => page.getByTestId('payment-qr').isVisible()).toBe(true);
      await expectMaskedOnly('the pay screen');
      expect((await slip.innerText()).split(masked).length - 1, 'the slip names the account masked, twice').toBe(2);
      expect(await shown()).not.toMatch(/ST00012|PersAcc=/);
      // One tap prints; the dialog's copy of the lines masks it too; the paper that came out carries
      // it whole, as the bank needs it.
      await page.getByRole('button', { name: 'Напечатать квитанцию' }).click();
      const preview = page.getByRole('region', { name: 'Так будет выглядеть квитанция' });
      await expect.poll(() => preview.isVisible()).toBe(true);
      await expectMaskedOnly('the slip preview');
      expect(await preview.innerText()).toContain(masked);
      await expect.poll(() => printer.printed().length).toBe(1);
      expect(printer.printed()[0]?.lines.join('\n')).toContain(account);
      expect(printer.printed()[0]?.qrPayloads[0]).toContain(`PersAcc=${account}`);
      await page.getByRole('dialog').getByRole('button', { name: 'Закрыть', exact: true }).click();
      await page.getByRole('button', { name: /Назад/ }).first().click();
      await page.getByRole('button', { name: 'Выйти' }).click();
      await expect.poll(() => page.getByRole('heading', { name: 'Добро пожаловать!' }).isVisible()).toBe(true);

      // Staff: every tab (the training bill's demo accounts aside: a trainee types them from it),
      // and the customer's screens opened for them.
      await openStaffScreen(page, TRAINING_STAFF);
      for (const tab of ['Состояние', 'Очередь отправки', 'Печать', 'Настройки', 'Журнал действий']) {
        await page.getByRole('tab', { name: tab }).click();
        await expectMaskedOnly(`the staff tab «${tab}»`);
      }
      await page.getByRole('tab', { name: 'Печать' }).click();
      await expect.poll(() => shown()).toContain(`лицевой счёт ${masked}`);

      await page.getByRole('tab', { name: 'Помощь клиенту' }).click();
      await typeOnKeypad(page, account);
      await page.getByRole('radio', { name: 'Клиент не помнит пароль' }).check();
      await page.getByRole('button', { name: 'Открыть лицевой счёт' }).click();
      const banner = page.getByRole('region', { name: 'Режим сотрудника' });
      await expect.poll(() => banner.isVisible()).toBe(true);
      await expectMaskedOnly('a customer home opened by staff');
      expect(await banner.innerText()).toContain(`Лицевой счёт клиента ${masked}`);
      await banner.getByRole('button', { name: 'Завершить помощь' }).click();
      await page.getByRole('tab', { name: 'Журнал действий' }).click();
      await page.getByRole('button', { name: 'Обновить' }).click();
      await expect.poll(() => shown()).toContain(masked);
      await expectMaskedOnly('the audit log');
      expect(problems).toEqual([]);
    },
  );
});
