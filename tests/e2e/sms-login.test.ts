// «Войти по коду из SMS» and registration with the password by SMS in a real browser. In training
// mode the trainee reads the code in the training SMS box on the screen; against the file's own
// reference billing server the test reads the SMS from its database, and moves a code's clock on
// there to see an expired code refused and a new one sent.
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { newCaptchaAnswer, storedAccount } from '../support/billing-database-reads';
import { backdateSmsCode, expireSmsCode, smsCount, smsLoginCode, smsPassword } from '../support/billing-sms-reads';
import { BILL_HOLDERS, DEMO } from '../support/demo-accounts';
import { keypad, typeOnKeyboard, typeOnKeypad } from '../support/kiosk-page';
import { kioskTest, pageProblems } from '../support/kiosk-test';
import { homeGreeting } from '../support/home-greeting';

const inTraining = kioskTest();
// Its own billing centre, so the test can read the SMS and move the codes' clocks.
const it = kioskTest({ ownBilling: true, env: { KIOSK_IDLE_TIMEOUT_S: '600' } });

const masked = (phone: string) => `+7 (${phone.slice(2, 5)}) ***-**-${phone.slice(-2)}`;

async function waitForVisible(page: Page, locator: ReturnType<Page['getByText']>, what: string): Promise<void> {
  await expect.poll(() => locator.isVisible(), { message: what }).toBe(true);
}

/** From the start screen to the SMS screen by the login screen's button, the account number typed there first. */
async function openSmsLogin(page: Page, accountNumber: string): Promise<void> {
  await page.getByRole('button', { name: 'Войти в личный кабинет' }).click();
  await typeOnKeypad(page, accountNumber);
  await page.getByRole('button', { name: 'Войти по коду из SMS' }).click();
  await waitForVisible(page, page.getByRole('heading', { name: 'Вход по коду из SMS', level: 1 }), 'the SMS login screen');
  expect(await page.getByRole('textbox', { name: 'Лицевой счёт' }).inputValue()).toBe(accountNumber);
}

async function enterCode(page: Page, code: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Код из SMS' }).click();
  await typeOnKeypad(page, code);
  await page.getByRole('button', { name: 'Войти', exact: true }).click();
}

async function expectFullHome(page: Page, holder: RegExp | string): Promise<void> {
  await waitForVisible(page, page.getByRole('heading', { name: holder, level: 1 }), 'the home screen');
  // A full session: the personal account's own services, not only the bill's.
  expect(await page.getByRole('button', { name: 'Личная информация' }).isVisible()).toBe(true);
}

const resendButton = (page: Page) => page.getByRole('button', { name: /^Отправить код ещё раз/ });

describe('«Войти по коду из SMS»', () => {
  inTraining('a trainee reads the code in the training SMS box: a wrong code is refused, the right one logs in fully', async ({ page }) => {
    const customer = BILL_HOLDERS.paperBillOnly;
    const problems = pageProblems(page);
    await openSmsLogin(page, customer.accountNumber);
    await page.getByRole('button', { name: 'Получить код' }).click();

    await waitForVisible(page, page.getByText(`Код отправлен на номер ${masked(customer.phone)}`), 'where the code went');
    expect(await page.getByText('Код действует 5 минут').isVisible()).toBe(true);
    // No new code for a minute: the button says how long is left.
    expect(await resendButton(page).isDisabled()).toBe(true);
    // A duration, never a clock: «через 1 мин», «через 59 с».
    expect(await resendButton(page).textContent()).toMatch(/через (1\sмин|\d{1,2}\sс)$/);

    const box = page.getByRole('region', { name: 'Учебный режим: SMS, отправленное на телефон' });
    await expect.poll(() => box.textContent()).toMatch(/Код для входа в личный кабинет абонента МУП УИС: \d{6}\./);
    const code = /: (\d{6})\./.exec((await box.textContent()) ?? '')?.[1] ?? '';
    const wrong = code.replace(/^\d/, (digit) => String((Number(digit) + 1) % 10));

    await enterCode(page, wrong);
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Код из SMS введён неверно. Проверьте цифры и попробуйте ещё раз.');
    expect(await page.getByRole('textbox', { name: 'Код из SMS' }).inputValue()).toBe('');

    await enterCode(page, code);
    await expectFullHome(page, /^Здравствуйте, /);
    expect(problems).toEqual([]);
  });

  it('an expired code is refused; after the pause «Отправить код ещё раз» sends a new code that logs in', async ({
    openPage,
    billingServer,
  }) => {
    const customer = BILL_HOLDERS.owesMoney;
    const page = await openPage({ fakeClock: true });
    await openSmsLogin(page, customer.accountNumber);
    await page.getByRole('button', { name: 'Получить код' }).click();
    await waitForVisible(page, page.getByText(`Код отправлен на номер ${masked(customer.phone)}`), 'where the code went');
    // Not in training mode: the SMS went to the phone, and the screen does not show it.
    expect(await page.getByText('Учебный режим: SMS, отправленное на телефон').count()).toBe(0);

    expireSmsCode(billingServer, customer.accountNumber);
    await enterCode(page, smsLoginCode(billingServer, customer.accountNumber));
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('Срок действия кода истёк или код уже использован. Нажмите «Отправить код ещё раз».');
    expect(await resendButton(page).isDisabled()).toBe(true);
    // A full minute to wait; the page's clock also flows with real time, so a busy machine may show a second less.
    expect(await resendButton(page).textContent()).toMatch(/^Отправить код ещё раз через (1\sмин|59\sс|58\sс)$/);

    // A minute on, on the billing centre's clock and the screen's.
    const sent = smsCount(billingServer, customer.accountNumber);
    backdateSmsCode(billingServer, customer.accountNumber, 61);
    await page.clock.runFor(61_000);
    await expect.poll(() => resendButton(page).isEnabled()).toBe(true);
    expect((await resendButton(page).textContent())?.trim()).toBe('Отправить код ещё раз');
    await resendButton(page).click();
    await expect.poll(() => smsCount(billingServer, customer.accountNumber)).toBe(sent + 1);
    await expect.poll(() => resendButton(page).isDisabled()).toBe(true);

    await enterCode(page, smsLoginCode(billingServer, customer.accountNumber));
    await expectFullHome(page, homeGreeting(storedAccount(billingServer, customer.accountNumber).holderName));
  });

  it('a landline cannot get an SMS, and an unknown account is named as such', async ({ page }) => {
    await openSmsLogin(page, BILL_HOLDERS.notRegistered.accountNumber);
    await page.getByRole('button', { name: 'Получить код' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe(
        'На номер телефона этого лицевого счёта SMS не доставляются (это не мобильный номер). Войдите по квитанции или сообщите мобильный номер сотруднику офиса.',
      );
    expect(await page.getByRole('textbox', { name: 'Код из SMS' }).count()).toBe(0);

    await keypad(page).getByRole('button', { name: 'Очистить' }).click();
    await typeOnKeypad(page, '829999999');
    await page.getByRole('button', { name: 'Получить код' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('Лицевой счёт с таким номером не найден. Проверьте номер по квитанции.');
  });

  it('the paper-bill-only customer registers with the password by SMS and logs in with it', async ({ page, billingServer }) => {
    const customer = DEMO.paperBillOnly;
    const problems = pageProblems(page);
    await page.getByRole('button', { name: 'Регистрация', exact: true }).click();
    await waitForVisible(page, page.getByRole('heading', { name: 'Регистрация в личном кабинете' }), 'the registration screen');

    await page.getByRole('radio', { name: 'По SMS на мобильный телефон' }).check();
    // No e-mail is asked for when the password comes by SMS.
    expect(await page.getByRole('textbox', { name: 'E-mail' }).count()).toBe(0);
    await page.getByRole('textbox', { name: 'Лицевой счёт' }).click();
    await typeOnKeypad(page, customer.accountNumber);
    // Nine digits move on to the phone.
    await typeOnKeypad(page, customer.phone.slice(2));
    await typeOnKeypad(page, customer.activationCode.replaceAll('-', ''));
    expect(await page.getByRole('textbox', { name: 'Сотовый телефон' }).inputValue()).toBe('+7 (917) 555-05-05');
    await page.getByRole('button', { name: 'Далее', exact: true }).click();

    // The consent step as ever: read, then ticked by the customer.
    const consent = page.getByRole('checkbox', { name: /Согласен с условиями соглашения/ });
    await expect.poll(() => consent.isVisible()).toBe(true);
    expect(await consent.getAttribute('aria-checked')).toBe('false');
    await consent.click();
    await page.getByRole('button', { name: 'Далее', exact: true }).click();

    const captcha = await newCaptchaAnswer(page, billingServer);
    expect(await page.getByText('в SMS на телефон').isVisible()).toBe(true);
    await typeOnKeyboard(page, captcha.answer.toLowerCase());
    await page.getByRole('button', { name: 'Зарегистрировать' }).click();

    await waitForVisible(page, page.getByText('Регистрация прошла успешно. Пароль отправлен в SMS', { exact: true }), 'the success');
    expect(await page.getByText(`Номер, на который отправлено SMS с паролем: ${masked(customer.phone)}`).isVisible()).toBe(true);

    // «Войти в личный кабинет» under the success leads to the login screen, the account number filled in.
    await page.getByRole('button', { name: 'Войти в личный кабинет' }).click();
    await waitForVisible(page, page.getByRole('heading', { name: 'Вход в личный кабинет' }), 'the login screen');
    expect(await page.getByRole('textbox', { name: 'Лицевой счёт' }).inputValue()).toBe(customer.accountNumber);
    await typeOnKeyboard(page, smsPassword(billingServer, customer.accountNumber));
    await page.getByRole('button', { name: 'Войти', exact: true }).click();
    await expectFullHome(page, homeGreeting(storedAccount(billingServer, customer.accountNumber).holderName));
    expect(problems).toEqual([]);
  });
});
