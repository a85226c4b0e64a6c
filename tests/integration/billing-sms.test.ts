// Login by a one-time SMS code and registration with the first password sent by SMS, over real HTTP
// against the reference billing server with its own SQLite file. What the customer would read on
// their phone is read from the server's training SMS inbox. The server's clock is injected: expiry
// and the resend pause are crossed by moving it, never by sleeping.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startReferenceBillingServer, type ReferenceBillingServer } from '../../src-main/billing-server/reference-billing-server';
import { trainingSmsInbox } from '../../src-main/billing-server/training-sms';
import { BillingClient } from '../../src-main/core/billing/billing-client';
import { billingRefusal } from '../support/billing-refusal';
import type { RegistrationRequest } from '../../src-main/core/billing/billing-wire';
import { BILL_HOLDERS, DEMO, NO_SUCH_ACCOUNT } from '../support/demo-accounts';

const NOW = Date.parse('2026-11-20T10:00:00+05:00');
const SECOND = 1000;
let clock = NOW;
let server: ReferenceBillingServer;
let client: BillingClient;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'billing-sms-'));
  server = await startReferenceBillingServer({ dbFile: path.join(dir, 'billing.sqlite'), now: () => clock });
  client = new BillingClient({ baseUrl: server.url, terminalId: 'SMS-01', terminalKey: 'training', timeoutMs: 5000 });
});

afterAll(async () => {
  await server?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

// Each test starts a quarter of an hour after the last, so no resend pause or code outlives its test.
afterEach(() => {
  clock += 15 * 60 * SECOND;
});

function inbox(phone: string): string[] {
  return trainingSmsInbox(server.db, phone).map((sms) => sms.body);
}

/** The code in the newest SMS to a phone, as the customer reads it off their screen. */
function codeSentTo(phone: string): string {
  const code = /\b(\d{6})\b/.exec(inbox(phone)[0] ?? '')?.[1];
  if (!code) throw new Error(`no code was sent to ${phone}`);
  return code;
}

const otherThan = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('a code by SMS', () => {
  it('goes to the phone on file, masked in the answer, and opens a full customer session', async () => {
    const holder = BILL_HOLDERS.owesMoney;
    const sent = await client.requestSmsCode(holder.accountNumber);
    expect(sent).toEqual({
      sentTo: '+7 (917) ***-**-01',
      expiresAt: new Date(clock + 5 * 60 * SECOND).toISOString(),
      resendAfterSeconds: 60,
      attemptsLeft: 3,
    });
    expect(inbox(holder.phone)).toHaveLength(1);
    const { sessionToken } = await client.loginWithSmsCode(holder.accountNumber, codeSentTo(holder.phone));
    // Everything a password login opens: the statement, appeals and the profile too.
    expect((await client.getStatement(sessionToken, '2026-01', '2026-10')).months).toHaveLength(10);
    expect(await client.getAppeals(sessionToken)).toEqual([]);
    expect((await client.getProfile(sessionToken)).phone).toBe(holder.phone);
    const used = await billingRefusal(client.loginWithSmsCode(holder.accountNumber, codeSentTo(holder.phone)));
    expect([used.status, used.billingCode]).toEqual([410, 'sms-code-expired']);
  });

  it('is sent again only after 60 seconds, the answer saying how long to wait; the new code replaces the old', async () => {
    const holder = BILL_HOLDERS.expiredVerification;
    await client.requestSmsCode(holder.accountNumber);
    const first = codeSentTo(holder.phone);
    clock += 20 * SECOND;
    const early = await billingRefusal(client.requestSmsCode(holder.accountNumber));
    expect([early.status, early.billingCode, early.retryAfterSeconds]).toEqual([429, 'sms-resend-too-early', 40]);
    expect(inbox(holder.phone)).toHaveLength(1);
    clock += 40 * SECOND;
    await client.requestSmsCode(holder.accountNumber);
    const second = codeSentTo(holder.phone);
    expect(inbox(holder.phone)).toHaveLength(2);
    if (first !== second)
      expect((await billingRefusal(client.loginWithSmsCode(holder.accountNumber, first))).billingCode).toBe('wrong-sms-code');
    expect((await client.loginWithSmsCode(holder.accountNumber, second)).sessionToken.length).toBeGreaterThanOrEqual(16);
  });

  it('is refused when wrong with the tries left, burnt after the third wrong try, and sent anew after the pause', async () => {
    const holder = BILL_HOLDERS.paidInAdvance;
    await client.requestSmsCode(holder.accountNumber);
    const code = codeSentTo(holder.phone);
    for (const attemptsLeft of [2, 1]) {
      const wrong = await billingRefusal(client.loginWithSmsCode(holder.accountNumber, otherThan(code)));
      expect([wrong.kind, wrong.status, wrong.billingCode, wrong.attemptsLeft]).toEqual(['refused', 401, 'wrong-sms-code', attemptsLeft]);
    }
    clock += 10 * SECOND;
    const third = await billingRefusal(client.loginWithSmsCode(holder.accountNumber, otherThan(code)));
    expect([third.status, third.billingCode, third.retryAfterSeconds]).toEqual([429, 'too-many-attempts', 50]);
    const right = await billingRefusal(client.loginWithSmsCode(holder.accountNumber, code));
    expect([right.status, right.billingCode]).toEqual([429, 'too-many-attempts']);
    clock += 50 * SECOND;
    expect((await billingRefusal(client.loginWithSmsCode(holder.accountNumber, code))).retryAfterSeconds).toBe(0);
    await client.requestSmsCode(holder.accountNumber);
    await client.loginWithSmsCode(holder.accountNumber, codeSentTo(holder.phone));
  });

  it('expires after 5 minutes', async () => {
    const holder = BILL_HOLDERS.owesMoney;
    await client.requestSmsCode(holder.accountNumber);
    const code = codeSentTo(holder.phone);
    clock += 5 * 60 * SECOND;
    const expired = await billingRefusal(client.loginWithSmsCode(holder.accountNumber, code));
    expect([expired.kind, expired.status, expired.billingCode]).toEqual(['refused', 410, 'sms-code-expired']);
    await client.requestSmsCode(holder.accountNumber);
    clock += 5 * 60 * SECOND - SECOND;
    await client.loginWithSmsCode(holder.accountNumber, codeSentTo(holder.phone));
  });

  it('works only on the terminal that asked for it', async () => {
    const holder = BILL_HOLDERS.owesMoney;
    await client.requestSmsCode(holder.accountNumber);
    const elsewhere = new BillingClient({ baseUrl: server.url, terminalId: 'SMS-02', terminalKey: 'training', timeoutMs: 5000 });
    const refused = await billingRefusal(elsewhere.loginWithSmsCode(holder.accountNumber, codeSentTo(holder.phone)));
    expect(refused.billingCode).toBe('sms-code-expired');
    await client.loginWithSmsCode(holder.accountNumber, codeSentTo(holder.phone));
  });

  it('is refused without a phone on file, to a landline, for an unknown account, and for a malformed code', async () => {
    const noPhone = BILL_HOLDERS.paidInAdvance;
    await client.updateProfile(noPhone.accountNumber, { phone: null, submittedAt: '2026-11-20T10:00:00+05:00' }, crypto.randomUUID());
    const missing = await billingRefusal(client.requestSmsCode(noPhone.accountNumber));
    expect([missing.kind, missing.status, missing.billingCode]).toEqual(['refused', 409, 'no-phone']);
    await client.updateProfile(
      noPhone.accountNumber,
      { phone: noPhone.phone, submittedAt: '2026-11-20T10:01:00+05:00' },
      crypto.randomUUID(),
    );

    const landline = await billingRefusal(client.requestSmsCode(DEMO.notRegistered.accountNumber));
    expect([landline.status, landline.billingCode]).toEqual([422, 'sms-undeliverable']);
    expect(inbox(BILL_HOLDERS.notRegistered.phone)).toEqual([]);
    const unknown = await billingRefusal(client.requestSmsCode(NO_SUCH_ACCOUNT));
    expect([unknown.status, unknown.billingCode]).toEqual([404, 'unknown-account']);
    const malformed = await billingRefusal(client.loginWithSmsCode(DEMO.owesMoney.accountNumber, '12-456'));
    expect([malformed.status, malformed.billingCode]).toEqual([422, 'invalid-request']);
  });
});

describe('registration without e-mail', () => {
  async function registration(overrides: Partial<RegistrationRequest>): Promise<RegistrationRequest> {
    const captcha = await client.getCaptcha();
    const answer = server.db
      .prepare<[string], { answer: string }>('SELECT answer FROM captcha WHERE captcha_id = ?')
      .get(captcha.captchaId)?.answer;
    const consent = (await client.getReferenceData()).consent;
    return {
      accountNumber: DEMO.paperBillOnly.accountNumber,
      phone: DEMO.paperBillOnly.phone,
      activationCode: DEMO.paperBillOnly.activationCode,
      passwordDelivery: 'sms',
      captchaId: captcha.captchaId,
      captchaAnswer: answer ?? '',
      consent: { textVersion: consent.textVersion, givenAt: '2026-11-20T10:00:00+05:00' },
      ...overrides,
    };
  }

  it('is refused for a landline, and for e-mail delivery without an e-mail', async () => {
    const landline = await billingRefusal(
      client.register(await registration({ phone: BILL_HOLDERS.notRegistered.phone }), crypto.randomUUID()),
    );
    expect([landline.status, landline.billingCode]).toEqual([422, 'sms-undeliverable']);
    const noEmail = await billingRefusal(client.register(await registration({ passwordDelivery: 'email' }), crypto.randomUUID()));
    expect([noEmail.status, noEmail.billingCode]).toEqual([422, 'invalid-email']);
    expect(inbox(BILL_HOLDERS.notRegistered.phone)).toEqual([]);
  });

  it('sends the first password by SMS to the mobile number, records the consent, and the password logs in', async () => {
    const holder = DEMO.paperBillOnly;
    // Before: only the paper bill, no password to log in with.
    expect((await billingRefusal(client.login(holder.accountNumber, 'demo1234'))).billingCode).toBe('not-registered');
    const registered = await client.register(await registration({}), crypto.randomUUID());
    expect(registered).toMatchObject({ accountNumber: holder.accountNumber, passwordSentBy: 'sms', passwordSentTo: '+7 (917) ***-**-05' });
    const password = /: (\S+)$/.exec(inbox(holder.phone)[0] ?? '')?.[1];
    if (!password) throw new Error(`no password was sent to ${holder.phone}`);
    const { sessionToken } = await client.login(holder.accountNumber, password);
    expect(await client.getProfile(sessionToken)).toMatchObject({ email: null, phone: holder.phone });
    const mailed = server.db.prepare('SELECT count(*) FROM outgoing_mail WHERE account_number = ?').pluck().get(holder.accountNumber);
    expect(mailed).toBe(0);
    const consent = server.db
      .prepare('SELECT text_version, terminal_id FROM consent_record WHERE account_number = ?')
      .all(holder.accountNumber);
    expect(consent).toEqual([{ text_version: (await client.getReferenceData()).consent.textVersion, terminal_id: 'SMS-01' }]);
  });

  it('keeps an e-mail given with SMS delivery', async () => {
    const registered = await client.register(
      await registration({
        accountNumber: DEMO.notRegistered.accountNumber,
        activationCode: DEMO.notRegistered.activationCode,
        phone: DEMO.paperBillOnly.phone.replace(/05$/, '44'),
        email: DEMO.notRegistered.email,
      }),
      crypto.randomUUID(),
    );
    expect([registered.passwordSentBy, registered.passwordSentTo]).toEqual(['sms', '+7 (917) ***-**-44']);
    const { sessionToken } = await client.openAssistedSession(DEMO.notRegistered.accountNumber, 'staff-1', 'Проверка регистрации');
    expect((await client.getProfile(sessionToken)).email).toBe(DEMO.notRegistered.email);
  });
});

describe('the paper-bill-only account', () => {
  it('has no e-mail and no password, only the bill and a mobile phone, and both open it', async () => {
    const fresh = await startReferenceBillingServer({ dbFile: path.join(dir, 'fresh.sqlite'), now: () => NOW });
    try {
      const holder = DEMO.paperBillOnly;
      const stored = fresh.db
        .prepare('SELECT email, password_hash, registered_at, phone FROM account WHERE account_number = ?')
        .get(holder.accountNumber);
      expect(stored).toEqual({ email: null, password_hash: null, registered_at: null, phone: holder.phone });
      const kiosk = new BillingClient({ baseUrl: fresh.url, terminalId: 'SMS-03', terminalKey: 'training', timeoutMs: 5000 });
      expect((await billingRefusal(kiosk.login(holder.accountNumber, 'demo1234'))).billingCode).toBe('not-registered');
      const bill = await kiosk.openBillSession(holder.accountNumber, holder.billCode);
      expect((await kiosk.getAccountSummary(bill.sessionToken)).holderName).toBe('Сидорова В. И.');
      await kiosk.requestSmsCode(holder.accountNumber);
      const code = /\b(\d{6})\b/.exec(trainingSmsInbox(fresh.db, holder.phone)[0]?.body ?? '')?.[1] ?? '';
      const { sessionToken } = await kiosk.loginWithSmsCode(holder.accountNumber, code);
      expect(await kiosk.getProfile(sessionToken)).toMatchObject({
        holderName: 'Сидорова Валентина Ивановна',
        email: null,
        phone: holder.phone,
        paperBill: true,
      });
    } finally {
      await fresh.close();
    }
  });
});
