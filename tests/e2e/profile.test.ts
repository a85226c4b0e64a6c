// «Личная информация» in a real browser through browser mode, on a kiosk of its own (its training
// billing centre is not shared, so the password change cannot disturb other tests): contacts
// masked until revealed, an invalid e-mail refused and a valid one shown, the bill by e-mail
// switched, and a password change refused for a mismatch, a common password and a wrong current
// password before it succeeds and the new password opens the account.
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { DEMO } from '../support/demo-accounts';
import { keyboard, logIn, logInAs, typeOnKeyboard, typeOnKeypad } from '../support/kiosk-page';
import { kioskTest, pageProblems } from '../support/kiosk-test';

const it = kioskTest();
const customer = DEMO.paidInAdvance;

async function openProfile(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Личная информация' }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'Личные данные' }).isVisible()).toBe(true);
}

/** Selects a password field by its label and replaces what it holds with `text`, on the on-screen keyboard. */
async function retype(page: Page, label: string, text: string): Promise<void> {
  const field = page.getByLabel(label, { exact: true });
  await field.click();
  const length = (await field.inputValue()).length;
  for (let index = 0; index < length; index += 1) await keyboard(page).getByRole('button', { name: 'Стереть', exact: true }).click();
  await typeOnKeyboard(page, text);
}

describe('Личная информация', () => {
  it('contacts masked until revealed, e-mail changed after a refusal, bill by e-mail switched', async ({ openPage, billing }) => {
    const page = await openPage({ as: customer });
    const problems = pageProblems(page);
    await openProfile(page);

    expect(await page.getByText('Галиева Айгуль Ринатовна').isVisible()).toBe(true);
    expect(await page.getByText('г. Уфа, пр. Октября, д. 101, кв. 17').isVisible()).toBe(true);
    expect(await page.getByTestId('profile-email').textContent()).toBe('g***r@example.ru');
    expect(await page.getByTestId('profile-phone').textContent()).toBe('+7 917 ***-**-02');
    // A passer-by cannot read them anywhere on the page.
    const hidden = await page.content();
    expect(hidden).not.toContain('galieva.ar@example.ru');
    expect(hidden).not.toContain('555-02-02');

    await page.getByRole('button', { name: 'Показать контакты' }).click();
    expect(await page.getByTestId('profile-email').textContent()).toBe('galieva.ar@example.ru');
    expect(await page.getByTestId('profile-phone').textContent()).toBe('+7 917 555-02-02');
    await page.getByRole('button', { name: 'Скрыть контакты' }).click();
    expect(await page.getByTestId('profile-email').textContent()).toBe('g***r@example.ru');

    // An address the core cannot accept is refused and kept for correction.
    await page.getByRole('button', { name: 'Изменить e-mail' }).click();
    await typeOnKeyboard(page, 'aigul@example');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('Проверьте адрес электронной почты: он должен быть вида ivanova@example.ru.');
    expect(await page.getByLabel('Новый e-mail').inputValue()).toBe('aigul@example');
    await typeOnKeyboard(page, '.ru');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await expect.poll(() => page.getByTestId('profile-notice').textContent()).toBe('Адрес электронной почты изменён.');
    expect(await page.getByTestId('profile-email').textContent()).toBe('a***l@example.ru');
    await page.getByRole('button', { name: 'Показать контакты' }).click();
    expect(await page.getByTestId('profile-email').textContent()).toBe('aigul@example.ru');

    // A mobile number that is not one is refused; a good one is shown.
    await page.getByRole('button', { name: 'Изменить телефон' }).click();
    await typeOnKeypad(page, '3472223344');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Проверьте номер сотового телефона');
    await keypadClear(page);
    await typeOnKeypad(page, '9173334455');
    expect(await page.getByLabel('Новый номер сотового телефона').inputValue()).toBe('+7 917 333-44-55');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await expect.poll(() => page.getByTestId('profile-notice').textContent()).toBe('Номер телефона изменён.');
    expect(await page.getByTestId('profile-phone').textContent()).toBe('+7 917 ***-**-55');

    const session = await billing.login(customer.accountNumber, customer.password);
    const before = await billing.getProfile(session.sessionToken);
    expect(before).toMatchObject({ email: 'aigul@example.ru', phone: '+79173334455' });

    const emailBill = page.getByRole('switch', { name: 'Квитанция на e-mail' });
    expect(await emailBill.getAttribute('aria-checked')).toBe(String(before.emailBill));
    await emailBill.click();
    await expect.poll(() => page.getByTestId('profile-notice').textContent()).toBe('Настройки доставки квитанций сохранены.');
    expect(await emailBill.getAttribute('aria-checked')).toBe(String(!before.emailBill));
    expect((await billing.getProfile(session.sessionToken)).emailBill).toBe(!before.emailBill);

    expect(problems).toEqual([]);
  });

  it('a customer changes the password after three refusals, and logs in again with the new one', async ({ openPage }) => {
    const page = await openPage({ as: customer });
    const problems = pageProblems(page);
    await openProfile(page);
    await page.getByRole('button', { name: 'Изменить пароль' }).click();
    // The rules are on screen before anything is typed.
    for (const rule of ['не менее 8 знаков;', 'не только цифры: добавьте буквы или знаки;', 'отличается от текущего пароля;']) {
      expect(await page.getByText(rule, { exact: true }).isVisible(), rule).toBe(true);
    }
    expect(await page.getByText(/не один из самых распространённых паролей/).isVisible()).toBe(true);

    // Masked by default, with a show/hide toggle like at login.
    const current = page.getByLabel('Текущий пароль', { exact: true });
    expect(await current.getAttribute('type')).toBe('password');
    await typeOnKeyboard(page, customer.password);
    await page.getByRole('button', { name: 'Показать текущий пароль' }).click();
    expect(await current.getAttribute('type')).toBe('text');
    expect(await current.inputValue()).toBe(customer.password);
    await page.getByRole('button', { name: 'Скрыть текущий пароль' }).click();
    expect(await current.getAttribute('type')).toBe('password');

    // 1. The two new ones differ.
    await retype(page, 'Новый пароль', 'kurai-2026');
    await retype(page, 'Повторите новый пароль', 'kurai-2025');
    await page.getByRole('button', { name: 'Сменить пароль' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('Новый пароль и его повтор не совпадают. Введите новый пароль ещё раз.');

    // 2. One of the most common passwords.
    await retype(page, 'Новый пароль', 'password');
    await retype(page, 'Повторите новый пароль', 'password');
    await page.getByRole('button', { name: 'Сменить пароль' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('Этот пароль слишком распространён, его легко угадать. Придумайте другой.');

    // 3. The billing centre refuses a wrong current password.
    await retype(page, 'Новый пароль', 'kurai-2026');
    await retype(page, 'Повторите новый пароль', 'kurai-2026');
    await retype(page, 'Текущий пароль', 'demo4321');
    await page.getByRole('button', { name: 'Сменить пароль' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('Текущий пароль введён неверно. Проверьте его и введите ещё раз. Осталось попыток: 4.');
    expect(await current.inputValue()).toBe('');
    expect(await page.getByLabel('Новый пароль', { exact: true }).inputValue()).toBe('kurai-2026');

    await retype(page, 'Текущий пароль', customer.password);
    await page.getByRole('button', { name: 'Сменить пароль' }).click();
    await expect
      .poll(() => page.getByTestId('profile-notice').textContent())
      .toBe('Пароль изменён. При следующем входе используйте новый пароль.');
    // The form is gone and nothing of the passwords stays on the page.
    expect(await page.locator('input[type="password"]').count()).toBe(0);

    await page.getByRole('button', { name: /Назад/ }).click();
    await page.getByRole('button', { name: 'Выйти' }).click();
    await logInAs(page, customer);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Неверный номер лицевого счёта или пароль.');
    await page.getByRole('button', { name: 'Назад' }).click();
    await logIn(page, customer.accountNumber, 'kurai-2026');
    await expect.poll(() => page.getByRole('heading', { name: 'Здравствуйте, Айгуль Ринатовна!' }).isVisible()).toBe(true);

    expect(problems).toEqual([]);
  });
});

async function keypadClear(page: Page): Promise<void> {
  await page.getByRole('group', { name: 'Цифровая клавиатура' }).getByRole('button', { name: 'Очистить' }).click();
}
