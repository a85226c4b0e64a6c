// Every screen before login (the ways in, registration, password recovery), staff mode and the
// inactivity warning, each measured by tests/support/in-reach-tour.ts in three window sizes and two
// text sizes: the main action and the open keys in view, the page never scrolling, long content in
// scroll regions with their ▲ ▼ buttons.
import { describe, expect } from 'vitest';
import { DEMO, TRAINING_STAFF } from '../support/demo-accounts';
import { button, heading, tourOf, VARIANT_COUNT, waitFor } from '../support/in-reach-tour';
import { holdStaffCorner, keyboard, typeOnKeyboard, typeOnKeypad, typeStaffLogin, waitForStaffScreen } from '../support/kiosk-page';
import { kioskTest } from '../support/kiosk-test';

const customer = DEMO.owesMoney;
const newcomer = DEMO.notRegistered;

// The tour has many steps and no idle warning must come up in the middle of it.
const it = kioskTest({ env: { KIOSK_IDLE_TIMEOUT_S: '600' } });

describe('the main action in reach before login, in staff mode and in the inactivity warning', () => {
  it('on every such screen and dialog, in three window sizes and two text sizes', { timeout: 300_000 }, async ({ openPage }) => {
    const page = await openPage();
    const { reach, findings, checked } = tourOf(page);
    const back = () => button(page, /Назад/).first().click();

    await waitFor(heading(page, 'Добро пожаловать!', 1));
    await reach('start');

    await button(page, 'Войти в личный кабинет').click();
    await waitFor(heading(page, 'Вход в личный кабинет', 1));
    await reach('login, account number on the keypad');
    await typeOnKeypad(page, customer.accountNumber);
    await page.getByLabel('Пароль', { exact: true }).click();
    await waitFor(keyboard(page));
    await reach('login, password on the keyboard');

    await button(page, 'Войти по коду из SMS').click();
    await waitFor(heading(page, 'Вход по коду из SMS', 1));
    await typeOnKeypad(page, DEMO.paperBillOnly.accountNumber);
    await reach('SMS login, account number');
    await button(page, 'Получить код').click();
    await waitFor(page.getByLabel('Код из SMS'));
    await reach('SMS login, the code');
    await button(page, 'Другой лицевой счёт').click();
    await button(page, 'Назад').click();
    await waitFor(heading(page, 'Вход в личный кабинет', 1));
    await button(page, 'Назад').click();

    await button(page, 'По квитанции — без пароля').click();
    await waitFor(heading(page, 'Вход по квитанции', 1));
    await reach('bill login');
    await button(page, 'Назад').click();

    await button(page, 'Регистрация').click();
    await waitFor(heading(page, 'Регистрация в личном кабинете', 1));
    await reach('registration step 1, keypad');
    await page.getByRole('textbox', { name: 'Лицевой счёт' }).click();
    await typeOnKeypad(page, newcomer.accountNumber);
    await page.getByRole('textbox', { name: 'E-mail' }).click();
    await typeOnKeyboard(page, newcomer.email);
    await reach('registration step 1, e-mail keyboard');
    await page.getByRole('textbox', { name: 'Сотовый телефон' }).click();
    await typeOnKeypad(page, '9175555555');
    await page.getByRole('textbox', { name: 'Код активации' }).click();
    await typeOnKeypad(page, newcomer.activationDigits);
    await button(page, 'Далее').click();
    await waitFor(heading(page, 'Соглашение об использовании личного кабинета абонента'));
    await reach('registration step 2, the agreement');
    await page.getByRole('checkbox', { name: /Согласен с условиями соглашения/ }).click();
    await button(page, 'Далее').click();
    await waitFor(page.getByRole('img', { name: 'Картинка с кодом из латинских букв и цифр' }));
    await reach('registration step 3, the code on the picture');
    await back();
    await waitFor(heading(page, 'Добро пожаловать!', 1));

    await button(page, 'Забыли пароль?').click();
    await waitFor(heading(page, /Восстановление пароля/, 1));
    await reach('password recovery, keypad');
    await page.getByRole('textbox', { name: /E-mail/ }).click();
    await waitFor(keyboard(page));
    await reach('password recovery, e-mail keyboard');
    await back();

    await waitFor(heading(page, 'Добро пожаловать!', 1));
    await holdStaffCorner(page, 3_300);
    await waitFor(heading(page, 'Вход для сотрудника', 1));
    await reach('staff login');
    await typeStaffLogin(page, TRAINING_STAFF.number, TRAINING_STAFF.pin);
    await waitForStaffScreen(page);
    for (const tab of ['Состояние', 'Очередь отправки', 'Печать', 'Помощь клиенту', 'Учебная квитанция', 'Настройки', 'Журнал действий']) {
      await page.getByRole('tab', { name: tab }).click();
      await expect.poll(() => page.getByRole('tab', { name: tab }).getAttribute('aria-selected')).toBe('true');
      await page.waitForLoadState('networkidle');
      // Staff screens have no one main action: the tabs and the way out must be in reach.
      await reach(`staff tab «${tab}»`, { main: [page.getByRole('tab', { name: tab }), button(page, 'Выйти из режима сотрудника')] });
    }
    await button(page, 'Выйти из режима сотрудника').click();

    // The inactivity warning, on Playwright's clock.
    const idlePage = await openPage({ fakeClock: true, as: customer });
    const idle = tourOf(idlePage);
    await idlePage.clock.runFor(601_000);
    const warning = idlePage.getByRole('alertdialog', { name: 'Вы ещё здесь?' });
    await waitFor(warning);
    await idle.reach('the inactivity warning', { covered: true });

    expect([...findings, ...idle.findings]).toEqual([]);
    // Every state was measured in every variant: 12 before login, 8 of staff mode, the warning.
    expect(checked() + idle.checked()).toBe(21 * VARIANT_COUNT);
  });
});
