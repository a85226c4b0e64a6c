// The SMS side of an end-to-end test's own reference billing server: what the customer would read
// on their phone (the login code, the first password) from its `outgoing_sms` table, and the clock
// of a sent code moved on in its `sms_code` table, so a test need not wait five minutes or a minute.
import { smsSentForAccount } from '../../src-main/billing-server/training-sms';
import type { ReferenceBillingServer } from '../../src-main/billing-server/reference-billing-server';

/** How many SMS the billing centre has "sent" for the account. */
export function smsCount(billing: ReferenceBillingServer, accountNumber: string): number {
  return smsSentForAccount(billing.db, accountNumber).length;
}

function lastSmsMatch(billing: ReferenceBillingServer, accountNumber: string, pattern: RegExp, what: string): string {
  const [newest] = smsSentForAccount(billing.db, accountNumber);
  const found = pattern.exec(newest?.body ?? '')?.[1];
  if (!found) throw new Error(`no ${what} in the last SMS for ${accountNumber}: ${newest?.body ?? 'none sent'}`);
  return found;
}

/** The 6-digit code of the last SMS sent for the account. */
export function smsLoginCode(billing: ReferenceBillingServer, accountNumber: string): string {
  return lastSmsMatch(billing, accountNumber, /: (\d{6})\./, 'login code');
}

/** The password of the last SMS sent for the account (registration with the password by SMS). */
export function smsPassword(billing: ReferenceBillingServer, accountNumber: string): string {
  return lastSmsMatch(billing, accountNumber, /: (\S+)$/, 'password');
}

/** The account's code as if its five minutes had passed. */
export function expireSmsCode(billing: ReferenceBillingServer, accountNumber: string): void {
  billing.db.prepare('UPDATE sms_code SET expires_at = ? WHERE account_number = ?').run(Date.now() - 1000, accountNumber);
}

/** The account's code as if it had been sent `seconds` earlier: the pause before another one is over sooner. */
export function backdateSmsCode(billing: ReferenceBillingServer, accountNumber: string, seconds: number): void {
  billing.db.prepare('UPDATE sms_code SET sent_at = sent_at - ? WHERE account_number = ?').run(seconds * 1000, accountNumber);
}
