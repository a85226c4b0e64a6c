// Staff mode in a real browser through browser mode, against the test's own reference billing
// server and the TCP printer emulator: the discreet way in (a 3-second hold on the header's corner)
// and the PIN lockout; a customer's payment slip that failed on paper out, reprinted by staff (and
// the one of a customer who left, wiped); the test page; a submission the billing
// centre refused, retried and marked handled; assisted service with its audit rows; settings
// validation and a saved office name shown after the in-place restart; and exit.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { parseKioskConfig } from '../../src-main/core/config/kiosk-config';
import { startKioskCore } from '../../src-main/core/kiosk-core';
import { hashSecret } from '../../src-main/core/security/secret-hash';
import { readingsSubmission } from '../../src-main/features/readings/readings-submission';
import { storedAccount } from '../support/billing-database-reads';
import { DEMO, NO_SUCH_ACCOUNT } from '../support/demo-accounts';
import {
  holdStaffCorner,
  keyboard,
  keypad,
  logInAs,
  openStaffScreen as openStaffScreenAs,
  STAFF_PIN_CHECK,
  typeOnKeyboard,
  typeOnKeypad,
  typeStaffLogin,
  waitForStaffScreen,
} from '../support/kiosk-page';
import { kioskTest, pageProblems } from '../support/kiosk-test';
import { countdownSeconds, theOneCountdown } from '../support/lockout-timer';
import type { PrinterEmulator } from '../support/printer-emulator';
import { homeGreeting } from '../support/home-greeting';

const cheapHash = (pin: string) => hashSecret(pin, { N: 2 ** 10, r: 8, p: 1 });
const STAFF = { number: '3003', pin: '135790', name: 'Петрова А. В.' };
const LOCKED_STAFF = { number: '2002', pin: '246810' };
/** Whose submission the billing centre refused, and whose slips staff reprint. */
const customer = DEMO.owesMoney;

let rejectedReference: string;

const it = kioskTest({
  ownBilling: true,
  printer: 'epson',
  config: {
    terminalId: 'UFA-E2E-07',
    printer: { timeoutMs: 1000 },
    ui: { idleTimeoutSeconds: 600, idleWarningSeconds: 20 },
    staff: [
      { staffNumber: STAFF.number, displayName: STAFF.name, pinHash: cheapHash(STAFF.pin) },
      { staffNumber: LOCKED_STAFF.number, displayName: 'Иванова Е. П.', pinHash: cheapHash(LOCKED_STAFF.pin) },
    ],
  },
  // A submission the billing centre refuses (no such meter), made by the real core before the kiosk
  // starts: it stays in the outbox as «rejected» for staff to deal with.
  prepare: async ({ dataDir, billingServer }) => {
    const seeding = await startKioskCore({ dataDir, config: parseKioskConfig({ billing: { url: billingServer!.url } }) });
    const accepted = seeding.services.submissions.accept(
      readingsSubmission,
      customer.accountNumber,
      null,
      (submittedAt) => ({ readings: [{ meterId: 'no-such-meter', value: 1 }], submittedAt }),
      { countsForPeriod: null, lines: [] },
    );
    for (let waited = 0; seeding.services.outbox.get(accepted.messageId)?.status !== 'rejected'; waited += 50) {
      if (waited > 20_000) throw new Error('the billing centre did not refuse the seeded submission');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    rejectedReference = accepted.localReference;
    await seeding.close();
  },
});

function openStaffScreen(page: Page): Promise<void> {
  return openStaffScreenAs(page, STAFF);
}

/** «Оплатить» → «Напечатать квитанцию» (which prints at once) with the emulated printer in `state`, then «Закрыть». */
async function printPaymentSlip(page: Page, emulator: PrinterEmulator, state: 'paper-out'): Promise<void> {
  await page.getByRole('button', { name: 'Оплатить', exact: true }).click();
  emulator.state = state;
  await page.getByRole('button', { name: 'Напечатать квитанцию' }).click();
  const printing = page.getByRole('dialog', { name: 'Напечатать квитанцию' });
  await expect.poll(() => printing.getByRole('alert').textContent()).toContain('В принтере закончилась бумага.');
  await printing.getByRole('button', { name: 'Закрыть', exact: true }).click();
  await expect.poll(() => printing.count()).toBe(0);
}

async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name }).click();
}

/** The audit log's rows as `[who, what]`, newest first, as the staff member reads them. */
async function auditRows(page: Page): Promise<string[][]> {
  await openTab(page, 'Журнал действий');
  await page.getByRole('button', { name: 'Обновить' }).click();
  const rows = page.getByRole('table', { name: 'Журнал действий сотрудников' }).locator('tbody tr');
  await expect.poll(() => rows.count()).toBeGreaterThan(0);
  return rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(1).map((cell) => cell.textContent ?? '')));
}

/** The staff member as the audit log names them: name and number. */
const STAFF_IN_LOG = `${STAFF.name} (${STAFF.number})`;
/** `л/с •••••0001`: the account as the audit log writes it, masked like the customer screens. */
const inLog = (accountNumber: string) => `л/с\u00a0•••••${accountNumber.slice(-4)}`;

/** Types Russian text on the on-screen keyboard (capitals with «Заглавные», spaces with «Пробел»). */
async function typeCyrillic(page: Page, text: string): Promise<void> {
  const board = keyboard(page);
  if ((await board.getByRole('button', { name: 'АБВ', exact: true }).count()) > 0) {
    await board.getByRole('button', { name: 'АБВ', exact: true }).click();
  }
  for (const character of text) {
    if (character === ' ') {
      await board.getByRole('button', { name: 'Пробел', exact: true }).click();
      continue;
    }
    if (character !== character.toLowerCase()) await board.getByRole('button', { name: /Заглавные/ }).click();
    await board.getByRole('button', { name: character, exact: true }).first().click();
  }
}

async function eraseField(page: Page, label: string): Promise<void> {
  const field = page.getByLabel(label, { exact: true });
  await field.click();
  const erase = keyboard(page).getByRole('button', { name: /Стереть/ });
  for (let left = (await field.inputValue()).length; left > 0; left -= 1) await erase.click();
  expect(await field.inputValue()).toBe('');
}

describe('staff mode', () => {
  it('a short tap on the corner does nothing; a 3-second hold opens staff login; wrong PINs lock with the time left', async ({ page }) => {
    const problems = pageProblems(page);
    await expect.poll(() => page.getByRole('heading', { name: 'Добро пожаловать!' }).isVisible()).toBe(true);

    await holdStaffCorner(page, 300);
    await page.waitForTimeout(3_200);
    expect(await page.getByRole('heading', { name: 'Вход для сотрудника' }).count()).toBe(0);

    await holdStaffCorner(page, 3_300);
    await expect.poll(() => page.getByRole('heading', { name: 'Вход для сотрудника' }).isVisible()).toBe(true);

    for (let attempt = 1; attempt <= 4; attempt += 1) {
      await typeStaffLogin(page, LOCKED_STAFF.number, '000000');
      await expect
        .poll(() => page.getByRole('alert').textContent(), STAFF_PIN_CHECK)
        .toBe(`Неверный табельный номер или PIN-код. Осталось попыток: ${5 - attempt}.`);
      // The PIN is never left on screen after an answer.
      expect(await page.getByLabel('PIN-код').inputValue()).toBe('');
    }
    await typeStaffLogin(page, LOCKED_STAFF.number, '000000');
    await expect
      .poll(() => page.getByRole('alert').textContent(), STAFF_PIN_CHECK)
      .toBe('Вход сотрудника временно заблокирован после неудачных попыток. Дождитесь конца отсчёта.');
    expect(await page.getByLabel('PIN-код').inputValue()).toBe('');
    const left = await theOneCountdown(page, 'Вход станет доступен через');
    expect(left).toBeGreaterThan(13 * 60);
    // It counts down, on the real clock here (the corner is held on it).
    await expect
      .poll(async () => countdownSeconds((await page.getByRole('timer').textContent()) ?? ''), { timeout: 10_000 })
      .toBeLessThan(left);
    expect(await page.getByRole('button', { name: 'Войти', exact: true }).isDisabled()).toBe(true);

    // Another staff number may still sign in; the status section opens first.
    await typeStaffLogin(page, STAFF.number, STAFF.pin);
    await waitForStaffScreen(page);
    expect(await page.getByText(`Сотрудник: ${STAFF.name}`).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('heading', { name: 'Состояние терминала' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Связь есть').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Готов к печати').isVisible()).toBe(true);
    expect(await page.getByText('Ожидают отправки: 0; отклонены: 1').isVisible()).toBe(true);
    expect(await page.getByText('UFA-E2E-07').isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Выйти из режима сотрудника' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Добро пожаловать!' }).isVisible()).toBe(true);
    expect(problems).toEqual([]);
  });

  it("a customer's payment slip that failed on paper out is reprinted by staff; a customer who left has theirs wiped", async ({
    openPage,
    printer: emulator,
  }) => {
    // A customer leaves after the paper ran out: their receipt must not be reprintable by anyone.
    const gone = await openPage();
    await logInAs(gone, customer);
    await printPaymentSlip(gone, emulator, 'paper-out');
    await gone.getByRole('button', { name: 'Назад' }).first().click();
    await gone.getByRole('button', { name: 'Выйти' }).click();
    await expect.poll(() => gone.getByRole('heading', { name: 'Добро пожаловать!' }).isVisible()).toBe(true);

    // Next time they stay at the terminal and ask staff for help: staff take over the screen.
    const page = await openPage();
    await logInAs(page, customer);
    await printPaymentSlip(page, emulator, 'paper-out');
    await openStaffScreen(page);
    await openTab(page, 'Печать');
    await expect.poll(() => page.getByText('Принтер: Закончилась бумага').isVisible()).toBe(true);
    const slips = page.getByRole('article').filter({ hasText: 'Квитанция на оплату' });
    await expect.poll(() => slips.count()).toBe(2);
    // Newest first: the slip of the visit staff took over, then the one of the visit that ended by logout.
    const kept = slips.nth(0);
    const wiped = slips.nth(1);
    expect(await kept.textContent()).toContain('лицевой счёт •••••0001');
    expect(await kept.textContent()).toContain('Не напечатана');
    expect(await wiped.textContent()).toContain('Содержимое удалено: повторная печать невозможна');
    expect(await wiped.getByRole('button', { name: 'Напечатать повторно' }).count()).toBe(0);

    // Still no paper: the reprint fails too and says why.
    const keptJobId = /Квитанция № (\d+)/.exec((await kept.textContent()) ?? '')?.[1] as string;
    await kept.getByRole('button', { name: 'Напечатать повторно' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/^Квитанция № \d+ не напечатана\. Закончилась бумага$/);

    emulator.state = 'ready';
    await page.getByRole('button', { name: 'Проверить принтер' }).click();
    await expect.poll(() => page.getByText('Принтер: Готов к печати').isVisible()).toBe(true);
    const jobId = /Квитанция № (\d+)/.exec((await slips.first().textContent()) ?? '')?.[1] as string;
    const before = emulator.printed().length;
    await page
      .getByRole('article', { name: `Квитанция № ${jobId}`, exact: true })
      .getByRole('button', { name: 'Напечатать повторно' })
      .click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'напечатана повторно' }).textContent())
      .toBe(`Квитанция № ${jobId} напечатана повторно.`);
    await expect.poll(() => emulator.printed().length).toBe(before + 1);
    const slip = emulator.printed().at(-1)?.lines.join('\n') ?? '';
    expect(slip).toContain('СУММА ПЛАТЕЖА');
    expect(slip).toContain(customer.accountNumber);

    await page.getByRole('button', { name: 'Напечатать тестовую страницу' }).click();
    await expect.poll(() => emulator.printed().length).toBe(before + 2);
    expect(emulator.printed().at(-1)?.lines.join('\n')).toContain('Тестовая страница');

    const rows = await auditRows(page);
    expect(rows.slice(0, 4)).toEqual([
      [STAFF_IN_LOG, expect.stringMatching(/^Печать тестовой страницы № \d+: напечатана$/)],
      [STAFF_IN_LOG, `Повторная печать квитанции № ${jobId} клиента ${inLog(customer.accountNumber)}: напечатана`],
      [STAFF_IN_LOG, `Повторная печать квитанции № ${keptJobId} клиента ${inLog(customer.accountNumber)}: не напечатана`],
      [STAFF_IN_LOG, 'Вход в режим сотрудника'],
    ]);
  });

  it('a submission the billing centre refused shows its reason; it is retried, then marked handled', async ({ openPage }) => {
    const page = await openPage({ asStaff: STAFF });
    await openTab(page, 'Очередь отправки');
    const row = page.getByRole('article', { name: `Сообщение ${rejectedReference}` });
    await expect.poll(() => row.textContent()).toContain('Причина отказа: Прибор учёта не найден на этом лицевом счёте.');
    expect(await row.textContent()).toContain('лицевой счёт •••••0001');

    const notice = page.getByRole('status').filter({ hasText: rejectedReference });
    await row.getByRole('button', { name: 'Повторить' }).click();
    await expect
      .poll(() => notice.textContent())
      .toBe(`Расчётный центр снова отклонил сообщение ${rejectedReference}. Причина указана в списке.`);

    await row.getByRole('button', { name: 'Отметить обработанным' }).click();
    await expect
      .poll(() => notice.textContent())
      .toBe(`Сообщение ${rejectedReference} отмечено обработанным и больше не будет отправляться.`);
    await expect.poll(() => page.getByText('Отклонённых сообщений нет.').isVisible()).toBe(true);

    const rows = await auditRows(page);
    expect(rows.slice(0, 2)).toEqual([
      [
        STAFF_IN_LOG,
        expect.stringMatching(
          new RegExp(`^Отклонённое сообщение № \\d+ \\(«Показания»\\) клиента ${inLog(customer.accountNumber)} отмечено обработанным$`),
        ),
      ],
      [
        STAFF_IN_LOG,
        expect.stringMatching(
          new RegExp(`^Повторная отправка сообщения № \\d+ \\(«Показания»\\) клиента ${inLog(customer.accountNumber)}$`),
        ),
      ],
    ]);
  });

  it('assisted service opens an account without its password under the staff banner, and every action is audited', async ({
    openPage,
    billingServer,
  }) => {
    const helped = DEMO.paidInAdvance;
    const holder = storedAccount(billingServer, helped.accountNumber).holderName;
    const page = await openPage({ asStaff: STAFF });
    const problems = pageProblems(page);
    await openTab(page, 'Помощь клиенту');

    const open = page.getByRole('button', { name: 'Открыть лицевой счёт' });
    await typeOnKeypad(page, NO_SUCH_ACCOUNT);
    expect(await open.isDisabled()).toBe(true);
    await page.getByRole('radio', { name: 'Клиент не помнит пароль' }).check();
    await open.click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('Лицевой счёт с таким номером не найден. Проверьте номер по квитанции клиента.');
    // What was typed stays, to be corrected.
    expect(await page.getByLabel('Лицевой счёт клиента').inputValue()).toBe(NO_SUCH_ACCOUNT);

    await keypad(page).getByRole('button', { name: 'Очистить' }).click();
    await typeOnKeypad(page, helped.accountNumber);
    await open.click();
    await expect.poll(() => page.getByRole('heading', { name: homeGreeting(holder) }).isVisible()).toBe(true);
    const banner = page.getByRole('region', { name: 'Режим сотрудника' });
    expect(await banner.textContent()).toContain(`Лицевой счёт клиента •••••0002 открыт сотрудником ${STAFF.name}`);
    // The staff corner is not offered while staff are at the screen.
    expect(await page.getByRole('button', { name: 'Вход для сотрудника' }).count()).toBe(0);

    await banner.getByRole('button', { name: 'Завершить помощь' }).click();
    await expect.poll(() => page.getByRole('tab', { name: 'Помощь клиенту' }).isVisible()).toBe(true);
    expect(await banner.count()).toBe(0);
    expect(await page.content()).not.toContain(holder);

    // Plain Russian with the staff member's name: no action codes, no raw details, no numbers alone.
    const rows = await auditRows(page);
    expect(rows.slice(0, 4)).toEqual([
      [
        STAFF_IN_LOG,
        expect.stringMatching(
          new RegExp(`^Помощь клиенту ${inLog(helped.accountNumber)} завершена, длительность: (меньше минуты|\\d+\u00a0мин)$`),
        ),
      ],
      [STAFF_IN_LOG, `Просмотр главной страницы клиента ${inLog(helped.accountNumber)}: выполнено`],
      [STAFF_IN_LOG, `Открыт лицевой счёт клиента ${inLog(helped.accountNumber)} без пароля. Причина: «Клиент не помнит пароль»`],
      [STAFF_IN_LOG, 'Лицевой счёт •••••9999 не открыт: лицевой счёт с таким номером не найден'],
    ]);
    const log = (await page.getByRole('table', { name: 'Журнал действий сотрудников' }).textContent()) ?? '';
    for (const code of ['assist.end', 'assist.open', 'account.summary', 'outcome', 'assisted', 'reason:', '******'])
      expect(log).not.toContain(code);
    // The staff screen follows the language chosen in the header, like everything else.
    await page.getByRole('group', { name: 'Язык интерфейса' }).getByRole('button', { name: 'English', exact: true }).click();
    await expect
      .poll(() => page.getByRole('cell', { name: `Viewed the home page of customer account •••••0002: done` }).isVisible())
      .toBe(true);
    await page.getByRole('group', { name: 'Interface language' }).getByRole('button', { name: 'Русский', exact: true }).click();
    expect(problems).toEqual([]);
  });

  it('settings refuse a bad billing address with a message; a new office name is saved and shown after the restart', async ({
    openPage,
    kiosk,
    billingServer: billing,
  }) => {
    const page = await openPage({ asStaff: STAFF });
    const problems = pageProblems(page);
    await openTab(page, 'Настройки');
    const urlField = page.getByLabel('Адрес расчётного центра', { exact: true });
    await expect.poll(() => urlField.inputValue()).toBe(billing.url);
    // The printer comes from KIOSK_PRINTER here: staff are told why a change would not apply at once.
    await expect.poll(() => page.getByText('Задано переменной окружения', { exact: false }).first().isVisible()).toBe(true);

    await eraseField(page, 'Адрес расчётного центра');
    // No scheme: not an address the kiosk can call.
    await typeOnKeyboard(page, 'billing.ufa');
    await page.getByRole('button', { name: 'Сохранить и перезапустить' }).click();
    const message =
      'Укажите адрес расчётного центра вида https://billing.example.ru/api (только https: без шифрования терминал передаёт данные лишь на этот же компьютер) или оставьте поле пустым для учебного режима.';
    await expect.poll(() => page.getByRole('alert').textContent()).toBe(message);
    expect(await page.locator('#setting-billingUrl-hint').textContent()).toContain(message);
    expect(await urlField.getAttribute('aria-invalid')).toBe('true');
    expect(JSON.parse(fs.readFileSync(path.join(kiosk.dataDir, 'kiosk-config.json'), 'utf8')).billing).toBeUndefined();

    await page.getByRole('button', { name: 'Отменить изменения' }).click();
    await expect.poll(() => urlField.inputValue()).toBe(billing.url);
    await eraseField(page, 'Название офиса');
    await typeCyrillic(page, 'Офис на Ленина 2');
    await page.getByRole('button', { name: 'Сохранить и перезапустить' }).click();

    // The kiosk restarts in place: the same page, the start screen, the new office name in the header.
    await expect.poll(() => page.getByRole('heading', { name: 'Добро пожаловать!' }).isVisible(), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => page.getByRole('banner').textContent()).toContain('Офис на Ленина 2');
    const saved = JSON.parse(fs.readFileSync(path.join(kiosk.dataDir, 'kiosk-config.json'), 'utf8'));
    expect(saved).toMatchObject({ officeName: 'Офис на Ленина 2', terminalId: 'UFA-E2E-07', billing: { url: billing.url } });
    expect(saved.staff).toHaveLength(2);

    // Staff were logged out by the restart; the audit log kept the change.
    await openStaffScreen(page);
    const rows = await auditRows(page);
    expect(rows.slice(0, 2)).toEqual([
      [STAFF_IN_LOG, 'Вход в режим сотрудника'],
      [STAFF_IN_LOG, 'Изменены настройки: Название офиса: «Офис обслуживания потребителей МУП УИС» → «Офис на Ленина 2»'],
    ]);
    expect(problems).toEqual([]);
  });

  it('«Завершить работу терминала» asks first, then stops the kiosk', async ({ openPage, kiosk }) => {
    const page = await openPage({ asStaff: STAFF });
    await page.getByRole('button', { name: 'Завершить работу терминала' }).click();
    await page.getByRole('button', { name: 'Отмена' }).click();
    expect(kiosk.child.exitCode).toBeNull();
    await page.getByRole('button', { name: 'Завершить работу терминала' }).click();
    await page.getByRole('button', { name: 'Да, завершить работу' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Терминал завершает работу' }).isVisible()).toBe(true);
    await expect.poll(() => kiosk.child.exitCode, { timeout: 15_000 }).toBe(0);
    expect(kiosk.output()).toContain('Kiosk stopping (staff exit).');
  });
});
