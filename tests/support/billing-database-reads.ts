// What an end-to-end test reads straight from its own reference billing server's database, the way
// a customer would from the picture or their mailbox: the captcha answer, the mailed password, and
// an account's stored details.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ReferenceBillingServer } from '../../src-main/billing-server/reference-billing-server';

function captchaImage(page: Page) {
  return page.getByRole('img', { name: 'Картинка с кодом из латинских букв и цифр' });
}

/** Waits for a captcha picture other than `previous` and reads its answer from the billing database. */
export async function newCaptchaAnswer(
  page: Page,
  billing: ReferenceBillingServer,
  previous: string | null = null,
): Promise<{ src: string; answer: string }> {
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

/** The password in the last mail the billing centre "sent" to this account. */
export function mailedPassword(billing: ReferenceBillingServer, accountNumber: string): string {
  const row = billing.db
    .prepare<[string], { body: string }>('SELECT body FROM outgoing_mail WHERE account_number = ? ORDER BY id DESC LIMIT 1')
    .get(accountNumber);
  const password = /: (\S+)$/.exec(row?.body ?? '')?.[1];
  if (!password) throw new Error(`no password was mailed to ${accountNumber}`);
  return password;
}

export function storedAccount(billing: ReferenceBillingServer, accountNumber: string): { holderName: string; email: string | null } {
  const row = billing.db
    .prepare<[string], { holder_name: string; email: string | null }>('SELECT holder_name, email FROM account WHERE account_number = ?')
    .get(accountNumber);
  if (!row) throw new Error(`no account ${accountNumber} in the billing database`);
  return { holderName: row.holder_name, email: row.email };
}
