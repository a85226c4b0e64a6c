// «Забыли пароль» in a real browser: account number, the e-mail given at registration and the code
// on the picture; a wrong e-mail is refused and keeps what was typed; the right one gets a new
// password by e-mail, which then logs in. The test runs its own reference billing server so it can
// read the captcha answer, the registered e-mail and the "sent" password.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  maskEmail,
  startReferenceBillingServer,
  type ReferenceBillingServer,
} from '../../src-main/billing-server/reference-billing-server';
import { startKioskProcess, type KioskProcess } from '../support/browser-mode-process';
import { launchChromium, openKioskPage } from '../support/chromium';
import { keyboard, logIn, typeOnKeyboard, typeOnKeypad, watchForPageProblems } from '../support/kiosk-page';

let dir: string;
let billing: ReferenceBillingServer;
let kiosk: KioskProcess;
let browser: Browser;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-recovery-'));
  billing = await startReferenceBillingServer({ dbFile: path.join(dir, 'billing.sqlite') });
  kiosk = await startKioskProcess({ env: { KIOSK_BILLING_URL: billing.url, KIOSK_IDLE_TIMEOUT_S: '600' } });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await kiosk?.stop();
  await billing?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const CONTACT_NOTICE =
  'Если вы не помните e-mail, позвоните в контакт-центр по телефону 8-800-250-52-80 (звонок бесплатный): ' +
  'технические специалисты сбросят регистрацию, и вы сможете зарегистрироваться заново.';

function captchaImage(page: Page) {
  return page.getByRole('img', { name: 'Картинка с кодом из латинских букв и цифр' });
}

async function newCaptchaAnswer(page: Page, previous: string | null = null): Promise<{ src: string; answer: string }> {
  let src: string | null = null;
  await expect
    .poll(async () => {
      src = (await captchaImage(page).count()) > 0 ? await captchaImage(page).getAttribute('src') : null;
      return src !== null && src !== previous;
    })
    .toBe(true);
  const row = billing.db.prepare<[], { answer: string }>('SELECT answer FROM captcha ORDER BY rowid DESC LIMIT 1').get();
  if (!row || !src) throw new Error('no captcha picture');
  return { src, answer: row.answer };
}

function mailedPassword(accountNumber: string): string {
  const row = billing.db
    .prepare<[string], { body: string }>('SELECT body FROM outgoing_mail WHERE account_number = ? ORDER BY id DESC LIMIT 1')
    .get(accountNumber);
  const password = /: (\S+)$/.exec(row?.body ?? '')?.[1];
  if (!password) throw new Error(`no password was mailed to ${accountNumber}`);
  return password;
}

describe('password recovery', () => {
  it('820000002: a wrong e-mail is refused, the right one gets a new password that logs in', async () => {
    const email = billing.db
      .prepare<[string], { email: string }>('SELECT email FROM account WHERE account_number = ?')
      .get('820000002')!.email;
    const holder = billing.db
      .prepare<[string], { holder_name: string }>('SELECT holder_name FROM account WHERE account_number = ?')
      .get('820000002')!.holder_name;

    const page = await openKioskPage(browser, kiosk.url);
    const problems = watchForPageProblems(page);
    await page.getByRole('button', { name: 'Забыли пароль?' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Восстановление пароля' }).isVisible()).toBe(true);
    expect(await page.getByText(CONTACT_NOTICE).isVisible()).toBe(true);

    await typeOnKeypad(page, '820000002');
    // A wrong address: the right one with a stray letter at the end.
    await typeOnKeyboard(page, `${email}x`);
    let captcha = await newCaptchaAnswer(page);
    await page.getByRole('textbox', { name: 'Код на картинке' }).click();
    await typeOnKeyboard(page, captcha.answer.toLowerCase());
    await page.getByRole('button', { name: 'Отправить' }).click();

    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('Указанный e-mail не совпадает с e-mail, указанным при регистрации.');
    expect(await page.getByRole('textbox', { name: 'Лицевой счёт' }).inputValue()).toBe('820000002');
    expect(await page.getByRole('textbox', { name: 'E-mail' }).inputValue()).toBe(`${email}x`);
    expect(await page.getByText(CONTACT_NOTICE).isVisible()).toBe(true);
    // The picture was used up: a new one is shown and its answer field is empty.
    captcha = await newCaptchaAnswer(page, captcha.src);
    expect(await page.getByRole('textbox', { name: 'Код на картинке' }).inputValue()).toBe('');

    // The e-mail field is the keyboard's target after this refusal: remove the stray letter.
    await keyboard(page).getByRole('button', { name: 'Стереть' }).click();
    expect(await page.getByRole('textbox', { name: 'E-mail' }).inputValue()).toBe(email);
    await page.getByRole('textbox', { name: 'Код на картинке' }).click();
    await typeOnKeyboard(page, captcha.answer.toLowerCase());
    await page.getByRole('button', { name: 'Отправить' }).click();

    await expect.poll(() => page.getByText(`Новый пароль выслан на указанный e-mail: ${maskEmail(email)}`).isVisible()).toBe(true);
    expect(await page.getByText(email).count()).toBe(0);

    await logIn(page, '820000002', mailedPassword('820000002'));
    await expect.poll(() => page.getByRole('heading', { name: `Здравствуйте, ${holder}!` }).isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('a wrong captcha answer is refused with a new picture, and the login screen leads here too', async () => {
    const page = await openKioskPage(browser, kiosk.url);
    await page.getByRole('button', { name: 'Войти в личный кабинет' }).click();
    await page.getByRole('button', { name: 'Забыли пароль', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Восстановление пароля' }).isVisible()).toBe(true);
    await typeOnKeypad(page, '820000003');
    await typeOnKeyboard(page, 'someone@example.ru');
    const captcha = await newCaptchaAnswer(page);
    await page.getByRole('textbox', { name: 'Код на картинке' }).click();
    await typeOnKeyboard(page, '11111');
    await page.getByRole('button', { name: 'Отправить' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Код с картинки введён неверно. Введите код с новой картинки.');
    await newCaptchaAnswer(page, captcha.src);
    expect(await page.getByRole('textbox', { name: 'E-mail' }).inputValue()).toBe('someone@example.ru');
    await page.context().close();
  });
});
