// Registration at the kiosk in a real browser: the utility website's form in three steps on the
// on-screen keypad and keyboard, the agreement with its separate consent, the captcha; refusals
// from the billing centre keep what was typed; the e-mailed password then logs in. The test runs its
// own reference billing server so it can read the captcha answer and the "sent" e-mail.
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { CONSENT } from '../../src-main/billing-server/reference-content';
import { mailedPassword, newCaptchaAnswer, storedAccount } from '../support/billing-database-reads';
import { DEMO } from '../support/demo-accounts';
import { keyboard, keypad, typeOnKeyboard, typeOnKeypad } from '../support/kiosk-page';
import { kioskTest, pageProblems } from '../support/kiosk-test';
import { homeGreeting } from '../support/home-greeting';

// Its own billing centre, so the test can read the captcha answer and the "sent" e-mail.
const it = kioskTest({ ownBilling: true, env: { KIOSK_IDLE_TIMEOUT_S: '600' } });
const newcomer = DEMO.notRegistered;

const SUCCESS = 'Регистрация прошла успешно. Пароль будет выслан на почту';

async function fillDetails(page: Page, details: { account: string; email: string; phone: string; code: string }): Promise<void> {
  await page.getByRole('textbox', { name: 'Лицевой счёт' }).click();
  await typeOnKeypad(page, details.account);
  // Nine digits move on to the e-mail, which is typed on the Latin keyboard.
  await typeOnKeyboard(page, details.email);
  await page.getByRole('textbox', { name: 'Сотовый телефон' }).click();
  await typeOnKeypad(page, details.phone);
  await page.getByRole('textbox', { name: 'Код активации' }).click();
  await typeOnKeypad(page, details.code);
}

async function clearKeypadField(page: Page, label: string): Promise<void> {
  await page.getByRole('textbox', { name: label }).click();
  await keypad(page).getByRole('button', { name: 'Очистить' }).click();
}

describe('registration', () => {
  it('a newcomer registers after a wrong activation code and a wrong captcha, then logs in with the mailed password', async ({
    page,
    billingServer,
  }) => {
    const problems = pageProblems(page);
    await page.getByRole('button', { name: 'Регистрация', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Регистрация в личном кабинете' }).isVisible()).toBe(true);

    await fillDetails(page, { account: newcomer.accountNumber, email: newcomer.email, phone: '9175555555', code: '111122223333' });
    expect(await page.getByRole('textbox', { name: 'Лицевой счёт' }).inputValue()).toBe(newcomer.accountNumber);
    expect(await page.getByRole('textbox', { name: 'E-mail' }).inputValue()).toBe(newcomer.email);
    expect(await page.getByRole('textbox', { name: 'Сотовый телефон' }).inputValue()).toBe('+7 (917) 555-55-55');
    // The dashes of the activation code appear by themselves.
    expect(await page.getByRole('textbox', { name: 'Код активации' }).inputValue()).toBe('1111-2222-3333');
    await page.getByRole('button', { name: 'Далее', exact: true }).click();

    // The agreement in full, with a separate consent that is not ticked in advance.
    await expect
      .poll(() => page.getByRole('heading', { name: 'Соглашение об использовании личного кабинета абонента' }).isVisible())
      .toBe(true);
    await expect.poll(() => page.getByText(CONSENT.text).isVisible()).toBe(true);
    // The text's version, a date, written out the Russian way.
    expect(CONSENT.textVersion).toBe('2025-09-01');
    expect(await page.getByText('Редакция от 1\u00a0сентября\u00a02025\u00a0г.', { exact: true }).isVisible()).toBe(true);
    const consent = page.getByRole('checkbox', { name: /Согласен с условиями соглашения/ });
    expect(await consent.getAttribute('aria-checked')).toBe('false');
    expect(await page.getByRole('button', { name: 'Далее', exact: true }).isDisabled()).toBe(true);
    expect(await page.getByText('Без согласия зарегистрироваться нельзя.').isVisible()).toBe(true);
    await consent.click();
    expect(await consent.getAttribute('aria-checked')).toBe('true');
    await page.getByRole('button', { name: 'Далее', exact: true }).click();

    // The captcha, with its spelled-out alternative for those who cannot read the picture.
    let captcha = await newCaptchaAnswer(page, billingServer);
    await page.getByRole('button', { name: 'Прочитать код по буквам' }).click();
    expect(await page.getByText(`Код по буквам: ${captcha.answer.split('').join(' ')}`).isVisible()).toBe(true);
    expect(await page.getByText('попросите помощи у сотрудника офиса').isVisible()).toBe(true);
    await typeOnKeyboard(page, captcha.answer.toLowerCase());
    expect(await page.getByRole('textbox', { name: 'Код на картинке' }).inputValue()).toBe(captcha.answer);
    await page.getByRole('button', { name: 'Зарегистрировать' }).click();

    // Refusal 1: the activation code. Everything typed is still there, on the details step.
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/^Код активации не подходит\. Проверьте его по квитанции/);
    expect(await page.getByRole('textbox', { name: 'Лицевой счёт' }).inputValue()).toBe(newcomer.accountNumber);
    expect(await page.getByRole('textbox', { name: 'E-mail' }).inputValue()).toBe(newcomer.email);
    expect(await page.getByRole('textbox', { name: 'Сотовый телефон' }).inputValue()).toBe('+7 (917) 555-55-55');
    expect(await page.getByRole('textbox', { name: 'Код активации' }).inputValue()).toBe('1111-2222-3333');
    await clearKeypadField(page, 'Код активации');
    await typeOnKeypad(page, newcomer.activationDigits);
    expect(await page.getByRole('textbox', { name: 'Код активации' }).inputValue()).toBe(newcomer.activationCode);
    await page.getByRole('button', { name: 'Далее', exact: true }).click();
    // The consent given a moment ago still stands.
    await expect.poll(() => consent.getAttribute('aria-checked')).toBe('true');
    await page.getByRole('button', { name: 'Далее', exact: true }).click();

    // Refusal 2: a wrong captcha answer. The used picture is replaced at once.
    captcha = await newCaptchaAnswer(page, billingServer, captcha.src);
    await typeOnKeyboard(page, '11111');
    await page.getByRole('button', { name: 'Зарегистрировать' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Код с картинки введён неверно. Введите код с новой картинки.');
    captcha = await newCaptchaAnswer(page, billingServer, captcha.src);
    expect(await page.getByRole('textbox', { name: 'Код на картинке' }).inputValue()).toBe('');
    expect(await page.getByRole('button', { name: 'Зарегистрировать' }).isDisabled()).toBe(true);
    await typeOnKeyboard(page, captcha.answer.toLowerCase());
    await page.getByRole('button', { name: 'Зарегистрировать' }).click();

    await expect.poll(() => page.getByText(SUCCESS, { exact: true }).isVisible()).toBe(true);
    expect(await page.getByText('Адрес, на который выслан пароль: i*****a@example.ru').isVisible()).toBe(true);
    const record = billingServer.db
      .prepare<[string], { text_version: string }>('SELECT text_version FROM consent_record WHERE account_number = ?')
      .get(newcomer.accountNumber);
    expect(record?.text_version).toBe(CONSENT.textVersion);

    // «Войти в личный кабинет» opens the login with the new account's number filled in: only the
    // mailed password is left to type, on the keyboard that is already open.
    const holder = storedAccount(billingServer, newcomer.accountNumber).holderName;
    await page.getByRole('button', { name: 'Войти в личный кабинет' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Вход в личный кабинет' }).isVisible()).toBe(true);
    expect(await page.getByRole('textbox', { name: 'Лицевой счёт' }).inputValue()).toBe(newcomer.accountNumber);
    expect(await keyboard(page).isVisible()).toBe(true);
    expect(await keypad(page).count()).toBe(0);
    await typeOnKeyboard(page, mailedPassword(billingServer, newcomer.accountNumber));
    await page.getByRole('button', { name: 'Войти', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { name: homeGreeting(holder) }).isVisible()).toBe(true);
    expect(problems).toEqual([]);
  });

  it('an invalid e-mail, a missing consent and an account already registered are refused', async ({ page, billingServer }) => {
    const registered = DEMO.owesMoney;
    await page.getByRole('button', { name: 'Регистрация', exact: true }).click();
    await fillDetails(page, { account: registered.accountNumber, email: 'petrov@example', phone: '9171234567', code: '123412341234' });
    await page.getByRole('button', { name: 'Далее', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Проверьте адрес электронной почты, например ivanova@example.ru');
    expect(await page.getByRole('textbox', { name: 'E-mail' }).getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('textbox', { name: 'E-mail' }).click();
    await typeOnKeyboard(page, '.ru');
    expect(await page.getByRole('textbox', { name: 'E-mail' }).inputValue()).toBe('petrov@example.ru');
    await page.getByRole('button', { name: 'Далее', exact: true }).click();

    // Without the consent there is no way on; ticking and unticking it returns to that.
    const consent = page.getByRole('checkbox', { name: /Согласен с условиями соглашения/ });
    await expect.poll(() => consent.isVisible()).toBe(true);
    expect(await consent.getAttribute('aria-checked')).toBe('false');
    expect(await page.getByRole('button', { name: 'Далее', exact: true }).isDisabled()).toBe(true);
    await consent.click();
    await consent.click();
    expect(await consent.getAttribute('aria-checked')).toBe('false');
    expect(await page.getByRole('button', { name: 'Далее', exact: true }).isDisabled()).toBe(true);
    await consent.click();
    await page.getByRole('button', { name: 'Далее', exact: true }).click();

    const captcha = await newCaptchaAnswer(page, billingServer);
    await typeOnKeyboard(page, captcha.answer.toLowerCase());
    await page.getByRole('button', { name: 'Зарегистрировать' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('Этот лицевой счёт уже зарегистрирован в личном кабинете. Если вы не помните пароль, нажмите «Забыли пароль».');
    expect(await page.getByRole('textbox', { name: 'Лицевой счёт' }).inputValue()).toBe(registered.accountNumber);
    expect(await page.getByRole('textbox', { name: 'E-mail' }).inputValue()).toBe('petrov@example.ru');
    expect(await page.getByText(SUCCESS).count()).toBe(0);
  });
});
