// The reference server's SMS gateway: nothing leaves the machine. Every SMS the billing centre would
// send lands in the training SMS inbox (the `outgoing_sms` table), where trainers and tests read the
// code or password the customer would have read on their phone, as `outgoing_mail` is for e-mail.
import type { BillingDatabase } from './billing-database';

/** Russian mobile numbers are +79…; a landline (+7347… in Ufa) cannot receive an SMS. */
export function canReceiveSms(phone: string): boolean {
  return /^\+79\d{9}$/.test(phone);
}

export function sendTrainingSms(
  db: BillingDatabase,
  message: { accountNumber: string; recipient: string; body: string; sentAt: string },
): void {
  db.prepare('INSERT INTO outgoing_sms (account_number, recipient, body, sent_at) VALUES (?, ?, ?, ?)').run(
    message.accountNumber,
    message.recipient,
    message.body,
    message.sentAt,
  );
}

/** The SMS "sent" for an account (codes, first passwords), newest first. */
export function smsSentForAccount(db: BillingDatabase, accountNumber: string): Array<{ body: string; sentAt: string }> {
  return db
    .prepare<[string], { body: string; sent_at: string }>(
      'SELECT body, sent_at FROM outgoing_sms WHERE account_number = ? ORDER BY id DESC',
    )
    .all(accountNumber)
    .map((row) => ({ body: row.body, sentAt: row.sent_at }));
}

/** The SMS "sent" to a phone, newest first. */
export function trainingSmsInbox(db: BillingDatabase, phone: string): Array<{ accountNumber: string; body: string; sentAt: string }> {
  return db
    .prepare<[string], { account_number: string; body: string; sent_at: string }>(
      'SELECT account_number, body, sent_at FROM outgoing_sms WHERE recipient = ? ORDER BY id DESC',
    )
    .all(phone)
    .map((row) => ({ accountNumber: row.account_number, body: row.body, sentAt: row.sent_at }));
}
