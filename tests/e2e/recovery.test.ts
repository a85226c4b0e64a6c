// «Забыли пароль» in a real browser: account number, the e-mail given at registration and the code
// on the picture; a wrong e-mail is refused and keeps what was typed; the right one gets a new
// password by e-mail, which then logs in. The test runs its own reference billing server so it can
// read the captcha answer, the registered e-mail and the "sent" password.
import { describe, expect } from 'vitest';
import { maskEmail } from '../../src-main/billing-server/reference-billing-server';
import { mailedPassword, newCaptchaAnswer, storedAccount } from '../support/billing-database-reads';
import { DEMO } from '../support/demo-accounts';
import { keyboard, logIn, typeOnKeyboard, typeOnKeypad } from '../support/kiosk-page';
import { kioskTest, pageProblems } from '../support/kiosk-test';
import { homeGreeting } from '../support/home-greeting';

// Its own billing centre, so the test can read the captcha answer, the registered e-mail and the "sent" password.
const it = kioskTest({ ownBilling: true, env: { KIOSK_IDLE_TIMEOUT_S: '600' } });

const CONTACT_NOTICE =
  'Если вы не помните e-mail, позвоните в контакт-центр по телефону 8-800-250-52-80 (звонок бесплатный): ' +
  'технические специалисты сбросят регистрацию, и вы сможете зарегистрироваться заново.';

describe('password recovery', () => {
  it('a wrong e-mail is refused, the right one gets a new password that logs in', async ({ page, billingServer }) => {
    const { accountNumber } = DEMO.paidInAdvance;
    const { email, holderName: holder } = storedAccount(billingServer, accountNumber);
    if (!email) throw new Error(`${accountNumber} should have an e-mail in the demo data`);

    const problems = pageProblems(page);
    await page.getByRole('button', { name: 'Забыли пароль?' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Восстановление пароля' }).isVisible()).toBe(true);
    expect(await page.getByText(CONTACT_NOTICE).isVisible()).toBe(true);

    await typeOnKeypad(page, accountNumber);
    // A wrong address: the right one with a stray letter at the end.
    await typeOnKeyboard(page, `${email}x`);
    let captcha = await newCaptchaAnswer(page, billingServer);
    await page.getByRole('textbox', { name: 'Код на картинке' }).click();
    await typeOnKeyboard(page, captcha.answer.toLowerCase());
    await page.getByRole('button', { name: 'Отправить' }).click();

    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('Указанный e-mail не совпадает с e-mail, указанным при регистрации.');
    expect(await page.getByRole('textbox', { name: 'Лицевой счёт' }).inputValue()).toBe(accountNumber);
    expect(await page.getByRole('textbox', { name: 'E-mail' }).inputValue()).toBe(`${email}x`);
    expect(await page.getByText(CONTACT_NOTICE).isVisible()).toBe(true);
    // The picture was used up: a new one is shown and its answer field is empty.
    captcha = await newCaptchaAnswer(page, billingServer, captcha.src);
    expect(await page.getByRole('textbox', { name: 'Код на картинке' }).inputValue()).toBe('');

    // The e-mail field is the keyboard's target after this refusal: remove the stray letter.
    await keyboard(page).getByRole('button', { name: 'Стереть' }).click();
    expect(await page.getByRole('textbox', { name: 'E-mail' }).inputValue()).toBe(email);
    await page.getByRole('textbox', { name: 'Код на картинке' }).click();
    await typeOnKeyboard(page, captcha.answer.toLowerCase());
    await page.getByRole('button', { name: 'Отправить' }).click();

    await expect.poll(() => page.getByText(`Новый пароль выслан на указанный e-mail: ${maskEmail(email)}`).isVisible()).toBe(true);
    expect(await page.getByText(email).count()).toBe(0);

    await logIn(page, accountNumber, mailedPassword(billingServer, accountNumber));
    await expect.poll(() => page.getByRole('heading', { name: homeGreeting(holder) }).isVisible()).toBe(true);
    expect(problems).toEqual([]);
  });

  it('a wrong captcha answer is refused with a new picture, and the login screen leads here too', async ({ page, billingServer }) => {
    await page.getByRole('button', { name: 'Войти в личный кабинет' }).click();
    await page.getByRole('button', { name: 'Забыли пароль', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Восстановление пароля' }).isVisible()).toBe(true);
    await typeOnKeypad(page, DEMO.expiredVerification.accountNumber);
    await typeOnKeyboard(page, 'someone@example.ru');
    const captcha = await newCaptchaAnswer(page, billingServer);
    await page.getByRole('textbox', { name: 'Код на картинке' }).click();
    await typeOnKeyboard(page, '11111');
    await page.getByRole('button', { name: 'Отправить' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Код с картинки введён неверно. Введите код с новой картинки.');
    await newCaptchaAnswer(page, billingServer, captcha.src);
    expect(await page.getByRole('textbox', { name: 'E-mail' }).inputValue()).toBe('someone@example.ru');
  });
});
