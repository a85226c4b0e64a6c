// Every screen and dialog of a logged-in customer, each measured by tests/support/in-reach-tour.ts
// in three window sizes and two text sizes: the main action and the open keys in view, the page
// never scrolling, long content in scroll regions with their ▲ ▼ buttons. Training mode with a
// customer of five meters and a long list of answered appeals, so every list overflows.
import path from 'node:path';
import { describe, expect } from 'vitest';
import { startReferenceBillingServer } from '../../src-main/billing-server/reference-billing-server';
import { DEMO } from '../support/demo-accounts';
import { button, closePrintDialog, heading, tourOf, VARIANT_COUNT, waitFor } from '../support/in-reach-tour';
import { keyboard, keypad, logInAs, typeOnKeypad } from '../support/kiosk-page';
import { kioskTest } from '../support/kiosk-test';

/** The customer of the tour: five meters (one past its verification), a long list of answered appeals. */
const customer = DEMO.expiredVerification;
const EXTRA_APPEALS = 6;

const it = kioskTest({
  // The tour has many steps and no idle warning must come up in the middle of it.
  env: { KIOSK_IDLE_TIMEOUT_S: '600' },
  // Training mode (its banner takes room too), on a training billing database prepared beforehand:
  // the kiosk's training centre finds it filled and keeps it.
  prepare: async ({ dataDir }) => {
    const server = await startReferenceBillingServer({ dbFile: path.join(dataDir, 'training-billing.sqlite') });
    const { db } = server;
    const working = `${customer.accountNumber}-HW2`;
    const copyMeter = db.prepare(
      `INSERT INTO meter (meter_id, account_number, service, unit, serial_number, installed_on, verification_due_on, integer_digits, fraction_digits)
         SELECT ?, account_number, ?, ?, ?, installed_on, verification_due_on, integer_digits, fraction_digits FROM meter WHERE meter_id = ?`,
    );
    const copyReadings = db.prepare(
      'INSERT INTO meter_reading (meter_id, period, taken_on, value) SELECT ?, period, taken_on, value FROM meter_reading WHERE meter_id = ?',
    );
    for (const [suffix, service, unit, serial] of [
      ['HW3', 'hot-water', 'м³', 'СГВ-55500003'],
      ['HW4', 'hot-water', 'м³', 'СГВ-55500004'],
      ['HT1', 'heating', 'Гкал', 'ТЭМ-555005'],
    ] as const) {
      copyMeter.run(`${customer.accountNumber}-${suffix}`, service, unit, serial, working);
      copyReadings.run(`${customer.accountNumber}-${suffix}`, working);
    }
    const addAppeal = db.prepare(
      `INSERT INTO appeal (appeal_number, account_number, topic_id, text, registered_at, status, answer)
         VALUES (?, ?, 'other', ?, '2026-10-01T10:00:00Z', 'answered', ?)`,
    );
    for (let index = 1; index <= EXTRA_APPEALS; index += 1) {
      addAppeal.run(
        `О-20261001-00000${index}`,
        customer.accountNumber,
        'Прошу разъяснить начисление за горячую воду за сентябрь: показания передавались вовремя.',
        'Начисление выполнено по показаниям прибора учёта; перерасчёт не требуется. Подробности — в выписке.',
      );
    }
    await server.close();
  },
});

describe('the main action in reach for a logged-in customer', () => {
  it('on every screen and dialog, in three window sizes and two text sizes', { timeout: 300_000 }, async ({ openPage }) => {
    const page = await openPage();
    const { reach, findings, checked } = tourOf(page);
    const back = () => button(page, /Назад/).first().click();

    await logInAs(page, customer);
    await waitFor(heading(page, /^Здравствуйте/, 1));
    await reach('home');

    await button(page, 'Оплатить').click();
    await waitFor(button(page, 'Сформировать QR\u2011код'));
    await reach('pay, the keypad');
    await keypad(page).getByRole('button', { name: 'Очистить' }).click();
    await typeOnKeypad(page, '500');
    await button(page, 'Сформировать QR\u2011код').click();
    await waitFor(page.getByRole('img', { name: /QR-код/ }));
    await reach('pay, the QR code', { main: [button(page, 'Напечатать квитанцию')] });
    await button(page, 'Напечатать квитанцию').click();
    await waitFor(page.getByTestId('receipt-preview'));
    await reach('pay, the slip printed and its preview', { covered: true });
    await closePrintDialog(page);
    await back();

    await button(page, 'Начисления и платежи').click();
    await waitFor(page.getByTestId('current-charges'));
    await reach('charges');
    await button(page, 'Отобразить').click();
    await waitFor(page.getByTestId('statement-table'));
    await reach('charges, the statement shown', { main: [button(page, 'Напечатать выписку')] });
    await button(page, 'Напечатать выписку').click();
    await waitFor(page.getByTestId('receipt-preview'));
    await reach('charges, the statement printed and its preview', { covered: true });
    await closePrintDialog(page);
    await back();

    await button(page, 'Передать показания').click();
    await waitFor(heading(page, 'Ваши счётчики'));
    expect(await page.locator('input[id^="reading-"]').count()).toBe(5);
    await reach('readings, five meters');
    const field = page.locator('input[id^="reading-"]:not(:disabled)').first();
    const lastReading = (await page.locator('article', { has: field }).locator('dd').nth(2).textContent()) ?? '';
    await field.click();
    await typeOnKeypad(page, String(Number.parseInt(lastReading.replace(/\s/g, ''), 10) + 60));
    await button(page, 'Передать показания').click();
    const confirm = page.getByRole('dialog', { name: 'Подтвердите передачу показаний' });
    await waitFor(confirm);
    await reach('readings, the confirmation dialog', { covered: true });
    await confirm.getByRole('button', { name: 'Да', exact: true }).click();
    await waitFor(heading(page, /^Показания (переданы|приняты)/));
    await reach('readings, submitted', { main: [button(page, 'Напечатать подтверждение')] });
    await button(page, 'Напечатать подтверждение').click();
    await waitFor(page.getByTestId('receipt-preview'));
    await reach('readings, the confirmation printed and its preview', { covered: true });
    await closePrintDialog(page);
    await button(page, 'На главную').click();

    await button(page, 'Мои показания').click();
    await waitFor(heading(page, 'Мои показания', 1));
    await reach('readings history', { main: [button(page, 'Передать показания')] });
    await back();

    await button(page, 'Виртуальная приёмная').click();
    await waitFor(heading(page, 'Виртуальная приёмная', 1));
    await waitFor(page.getByRole('listitem').filter({ hasText: 'О-20261001-000001' }));
    await reach('appeals, the list');
    await button(page, /^Поверка счётчиков/).click();
    await waitFor(heading(page, 'Частые вопросы: Поверка счётчиков', 2));
    await reach('appeals, one topic of the frequent questions', { main: [button(page, 'Написать обращение')] });
    await button(page, 'К темам вопросов').click();
    await button(page, 'Новое обращение').click();
    await waitFor(page.getByRole('radio').first());
    await reach('appeals, a new appeal');
    await page.getByRole('radio', { name: 'Начисления и перерасчёты' }).check();
    await waitFor(page.getByRole('region', { name: 'Возможно, ответ уже есть:' }));
    await reach('appeals, the questions offered before the appeal', {
      main: [button(page, 'Написать обращение'), button(page, 'Ответ найден')],
    });
    await button(page, 'Написать обращение').click();
    await waitFor(keyboard(page));
    await keyboard(page).getByRole('button', { name: 'в', exact: true }).click();
    await button(page, 'Отправить').click();
    await waitFor(page.getByTestId('appeal-number'));
    await reach('appeals, registered', { main: [button(page, 'Напечатать талон обращения')] });
    await button(page, 'Напечатать талон обращения').click();
    await waitFor(page.getByTestId('receipt-preview'));
    await reach('appeals, the ticket printed and its preview', { covered: true });
    await closePrintDialog(page);
    await button(page, 'К списку обращений').click();
    await back();

    await button(page, 'Личная информация').click();
    await waitFor(heading(page, 'Личная информация', 1));
    await reach('profile', { main: [button(page, 'Изменить e-mail'), button(page, 'Изменить пароль')] });
    await button(page, 'Изменить e-mail').click();
    await waitFor(keyboard(page));
    await reach('profile, a new e-mail');
    await back();
    await button(page, 'Изменить пароль').click();
    await waitFor(keyboard(page));
    await reach('profile, a new password');
    await back();
    await back();
    expect(findings).toEqual([]);
    // Every state was measured in every variant.
    expect(checked()).toBe(21 * VARIANT_COUNT);
  });
});
