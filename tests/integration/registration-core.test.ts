// Registration and «Забыли пароль» through the real kiosk core against the reference billing
// server over HTTP, with its SQLite file open so the test can read what a customer would see on the
// picture and in their mailbox.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  maskEmail,
  startReferenceBillingServer,
  type ReferenceBillingServer,
} from '../../src-main/billing-server/reference-billing-server';
import { CONSENT } from '../../src-main/billing-server/reference-content';
import type { KioskError, KioskResult } from '../../src-main/core/api/contract';
import { startCoreFixture, type CoreFixture } from '../support/kiosk-core-fixture';
import { russianText } from '../../src-main/core/messages/message-test-kit';
import { DEMO } from '../support/demo-accounts';

let dir: string;
let server: ReferenceBillingServer;
let fixture: CoreFixture;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'registration-core-'));
  server = await startReferenceBillingServer({ dbFile: path.join(dir, 'billing.sqlite') });
  fixture = await startCoreFixture({ billing: { url: server.url } });
});

afterAll(async () => {
  await fixture?.close();
  await server?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function dispatch(method: string, input: unknown): Promise<KioskResult<unknown>> {
  return fixture.core.dispatch(method, input);
}

async function ok<T>(method: string, input: unknown): Promise<T> {
  const result = await dispatch(method, input);
  if (!result.ok) throw new Error(`${method} refused: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

async function refused(method: string, input: unknown): Promise<KioskError> {
  const result = await dispatch(method, input);
  if (result.ok) throw new Error(`${method} unexpectedly succeeded: ${JSON.stringify(result.value)}`);
  return result.error;
}

interface Captcha {
  captchaId: string;
  imageSvg: string;
  spokenHint: string;
}

/** A fresh picture through the core, and its answer as the customer would read it. */
async function solvedCaptcha(): Promise<{ captchaId: string; captchaAnswer: string }> {
  const captcha = await ok<Captcha>('registration.captcha', {});
  const row = server.db.prepare<[string], { answer: string }>('SELECT answer FROM captcha WHERE captcha_id = ?').get(captcha.captchaId);
  if (!row) throw new Error('the captcha is not in the billing database');
  // Typed in lower case on purpose: the code is not case-sensitive for the customer.
  return { captchaId: captcha.captchaId, captchaAnswer: row.answer.toLowerCase() };
}

function lastMailPassword(accountNumber: string): string {
  const row = server.db
    .prepare<[string], { body: string }>('SELECT body FROM outgoing_mail WHERE account_number = ? ORDER BY id DESC LIMIT 1')
    .get(accountNumber);
  const password = /: (\S+)$/.exec(row?.body ?? '')?.[1];
  if (!password) throw new Error(`no password was mailed to ${accountNumber}`);
  return password;
}

function isRegistered(accountNumber: string): boolean {
  const row = server.db
    .prepare<[string], { password_hash: string | null }>('SELECT password_hash FROM account WHERE account_number = ?')
    .get(accountNumber);
  return row?.password_hash !== null && row?.password_hash !== undefined;
}

const consentNow = () => ({ textVersion: CONSENT.textVersion, givenAt: new Date().toISOString() });

const ivanova = {
  accountNumber: DEMO.notRegistered.accountNumber,
  email: 'ivanova@example.ru',
  phone: '+79175555555',
  activationCode: '4821-7390-1156',
};

describe('captcha and agreement', () => {
  it('gives a checked SVG picture with its code spelled out for those who cannot read it', async () => {
    const captcha = await ok<Captcha>('registration.captcha', {});
    expect(captcha.imageSvg.startsWith('<svg')).toBe(true);
    expect(captcha.imageSvg).not.toMatch(/<script|href=|onload/i);
    const row = server.db.prepare<[string], { answer: string }>('SELECT answer FROM captcha WHERE captcha_id = ?').get(captcha.captchaId);
    expect(row).toBeDefined();
    expect(captcha.spokenHint.replaceAll(' ', '')).toBe(row!.answer);
  });

  it('gives the consent text in full with its version, as the billing centre has it', async () => {
    expect(await ok('registration.agreement', {})).toEqual({ textVersion: CONSENT.textVersion, text: CONSENT.text });
  });

  it('checks the first step locally and names the wrong field', async () => {
    expect(await ok('registration.checkDetails', ivanova)).toEqual({ valid: true });
    const badEmail = await refused('registration.checkDetails', { ...ivanova, email: 'ivanova@example' });
    expect(badEmail.code).toBe('invalid-input');
    expect(badEmail.fields?.email).toEqual({ key: 'register.fieldErrors.emailCheck' });
    const badCode = await refused('registration.checkDetails', { ...ivanova, activationCode: '4821-7390' });
    expect(badCode.fields?.activationCode).toEqual({ key: 'register.fieldErrors.activationCodeFormat' });
    const badPhone = await refused('registration.checkDetails', { ...ivanova, phone: '89175555555' });
    expect(badPhone.fields?.phone).toEqual({ key: 'register.fieldErrors.phoneFormat' });
  });
});

describe('registration', () => {
  it('refuses without the consent, and sends nothing to the billing centre', async () => {
    const captcha = await solvedCaptcha();
    const error = await refused('registration.register', { ...ivanova, ...captcha });
    expect(error.code).toBe('invalid-input');
    expect(error.message).toEqual({ key: 'register.fieldErrors.consent' });
    const future = await refused('registration.register', {
      ...ivanova,
      ...captcha,
      consent: { textVersion: CONSENT.textVersion, givenAt: new Date(Date.now() + 3_600_000).toISOString() },
    });
    expect(future).toMatchObject({
      code: 'invalid-input',
      message: { key: 'register.refusals.consentAgain' },
      fields: { consent: { key: 'register.fieldErrors.consentAgain' } },
    });
    expect(isRegistered(DEMO.notRegistered.accountNumber)).toBe(false);
    // The picture was not spent: the billing centre never saw these attempts.
    expect(server.db.prepare('SELECT 1 FROM captcha WHERE captcha_id = ?').get(captcha.captchaId)).toBeDefined();
  });

  it('refuses a wrong activation code with the billing centre code and its message', async () => {
    const error = await refused('registration.register', {
      ...ivanova,
      activationCode: '1111-2222-3333',
      ...(await solvedCaptcha()),
      consent: consentNow(),
    });
    expect(error).toMatchObject({ code: 'billing-refused', billingCode: 'wrong-activation-code' });
    expect(error.message).toEqual({ key: 'register.refusals.wrong-activation-code' });
    expect(isRegistered(DEMO.notRegistered.accountNumber)).toBe(false);
  });

  it('refuses a wrong captcha answer, and the same picture cannot be tried twice', async () => {
    const captcha = await solvedCaptcha();
    const wrong = await refused('registration.register', { ...ivanova, ...captcha, captchaAnswer: 'AAAAAA', consent: consentNow() });
    expect(wrong).toMatchObject({ code: 'billing-refused', billingCode: 'wrong-captcha' });
    expect(wrong.message).toEqual({ key: 'register.refusals.wrong-captcha' });
    const again = await refused('registration.register', { ...ivanova, ...captcha, consent: consentNow() });
    expect(again).toMatchObject({ code: 'billing-refused', billingCode: 'captcha-expired' });
    expect(isRegistered(DEMO.notRegistered.accountNumber)).toBe(false);
  });

  it('refuses an account that is already registered, or that does not exist', async () => {
    const already = await refused('registration.register', {
      ...ivanova,
      accountNumber: DEMO.owesMoney.accountNumber,
      ...(await solvedCaptcha()),
      consent: consentNow(),
    });
    expect(already).toMatchObject({ code: 'billing-refused', billingCode: 'already-registered' });
    expect(already.message).toEqual({ key: 'register.refusals.already-registered' });
    const unknown = await refused('registration.register', {
      ...ivanova,
      accountNumber: '829999999',
      ...(await solvedCaptcha()),
      consent: consentNow(),
    });
    expect(unknown).toMatchObject({ code: 'billing-refused', billingCode: 'unknown-account' });
  });

  it('refuses an invalid e-mail before asking the billing centre', async () => {
    const error = await refused('registration.register', {
      ...ivanova,
      email: 'ivanova.example.ru',
      ...(await solvedCaptcha()),
      consent: consentNow(),
    });
    expect(error.code).toBe('invalid-input');
    expect(error.fields?.email).toEqual({ key: 'register.fieldErrors.emailCheck' });
  });

  it('registers 820000004, records the consent, e-mails a password that then logs in', async () => {
    const consent = consentNow();
    const registered = await ok<{ accountNumber: string; passwordSentTo: string }>('registration.register', {
      ...ivanova,
      ...(await solvedCaptcha()),
      consent,
    });
    expect(registered).toMatchObject({ accountNumber: DEMO.notRegistered.accountNumber, passwordSentTo: 'i*****a@example.ru' });
    const record = server.db
      .prepare<[string], { text_version: string; given_at: string }>(
        'SELECT text_version, given_at FROM consent_record WHERE account_number = ?',
      )
      .get(DEMO.notRegistered.accountNumber);
    expect(record).toEqual({ text_version: consent.textVersion, given_at: consent.givenAt });
    const stored = server.db
      .prepare<[string], { email: string; phone: string }>('SELECT email, phone FROM account WHERE account_number = ?')
      .get(DEMO.notRegistered.accountNumber);
    expect(stored).toEqual({ email: 'ivanova@example.ru', phone: '+79175555555' });

    const password = lastMailPassword(DEMO.notRegistered.accountNumber);
    expect(await ok('session.login', { accountNumber: DEMO.notRegistered.accountNumber, password })).toEqual({
      accountNumber: DEMO.notRegistered.accountNumber,
    });
    await ok('session.logout', {});

    // A second registration of the same account is refused.
    const twice = await refused('registration.register', { ...ivanova, ...(await solvedCaptcha()), consent: consentNow() });
    expect(twice.billingCode).toBe('already-registered');
  });

  it('sends the first password by SMS to a customer with no e-mail, and the password logs in', async () => {
    const paperBill = DEMO.paperBillOnly;
    const details = {
      accountNumber: paperBill.accountNumber,
      passwordDelivery: 'sms',
      phone: paperBill.phone,
      activationCode: paperBill.activationCode,
    };
    // No e-mail is asked for when the password goes by SMS, but a landline cannot receive it.
    expect(await ok('registration.checkDetails', details)).toEqual({ valid: true });
    const landline = await refused('registration.checkDetails', { ...details, phone: '+73472000000' });
    expect(landline.fields?.phone).toEqual({ key: 'register.fieldErrors.phoneNotMobile' });
    const byMail = await refused('registration.checkDetails', { ...details, passwordDelivery: 'email' });
    expect(byMail.fields?.email).toEqual({ key: 'register.fieldErrors.emailRequired' });

    const registered = await ok<{ passwordSentBy: string; passwordSentTo: string }>('registration.register', {
      ...details,
      ...(await solvedCaptcha()),
      consent: consentNow(),
    });
    expect(registered).toMatchObject({
      passwordSentBy: 'sms',
      passwordSentTo: `+7 (${paperBill.phone.slice(2, 5)}) ***-**-${paperBill.phone.slice(-2)}`,
    });
    const sms = server.db
      .prepare<[string], { body: string }>('SELECT body FROM outgoing_sms WHERE account_number = ? ORDER BY id DESC LIMIT 1')
      .get(paperBill.accountNumber);
    const password = /: (\S+)$/.exec(sms?.body ?? '')?.[1];
    expect(password).toBeDefined();
    expect(await ok('session.login', { accountNumber: paperBill.accountNumber, password })).toEqual({
      accountNumber: paperBill.accountNumber,
    });
    await ok('session.logout', {});
  });
});

describe('password recovery', () => {
  const emailOf = (accountNumber: string) =>
    server.db.prepare<[string], { email: string }>('SELECT email FROM account WHERE account_number = ?').get(accountNumber)!.email;

  it('refuses an e-mail that differs from the one given at registration', async () => {
    const error = await refused('recovery.requestPassword', {
      accountNumber: DEMO.paidInAdvance.accountNumber,
      email: 'someone.else@example.ru',
      ...(await solvedCaptcha()),
    });
    expect(error).toMatchObject({ code: 'billing-refused', billingCode: 'email-mismatch' });
    expect(error.message).toEqual({ key: 'recover.refusals.email-mismatch' });
  });

  it('refuses a wrong captcha and an account that is not registered', async () => {
    const wrong = await refused('recovery.requestPassword', {
      accountNumber: DEMO.paidInAdvance.accountNumber,
      email: emailOf(DEMO.paidInAdvance.accountNumber),
      captchaId: (await solvedCaptcha()).captchaId,
      captchaAnswer: 'ZZZZZZ',
    });
    expect(wrong.billingCode).toBe('wrong-captcha');
    const unregistered = server.db
      .prepare<[], { account_number: string }>('SELECT account_number FROM account WHERE password_hash IS NULL LIMIT 1')
      .get();
    expect(unregistered).toBeDefined();
    const notRegistered = await refused('recovery.requestPassword', {
      accountNumber: unregistered!.account_number,
      email: 'nobody@example.ru',
      ...(await solvedCaptcha()),
    });
    expect(notRegistered).toMatchObject({ code: 'billing-refused', billingCode: 'not-registered' });
    expect(notRegistered.message).toEqual({ key: 'recover.refusals.not-registered' });
  });

  it('mails a new password for 820000002 to its e-mail; the new one logs in, the old one does not', async () => {
    const email = emailOf(DEMO.paidInAdvance.accountNumber);
    const reset = await ok<{ sentTo: string }>('recovery.requestPassword', {
      accountNumber: DEMO.paidInAdvance.accountNumber,
      email: email.toUpperCase(),
      ...(await solvedCaptcha()),
    });
    expect(reset.sentTo).toBe(maskEmail(email));
    expect(reset.sentTo).not.toBe(email);
    const password = lastMailPassword(DEMO.paidInAdvance.accountNumber);
    const oldLogin = await refused('session.login', { accountNumber: DEMO.paidInAdvance.accountNumber, password: 'demo1234' });
    expect(oldLogin.code).toBe('wrong-credentials');
    expect(await ok('session.login', { accountNumber: DEMO.paidInAdvance.accountNumber, password })).toEqual({
      accountNumber: DEMO.paidInAdvance.accountNumber,
    });
    await ok('session.logout', {});
  });
});

describe('when the billing centre misbehaves', () => {
  it('refuses a captcha picture that carries a script, an event handler or a link', async () => {
    const pictures = [
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><text>AB</text></svg>',
      '<svg xmlns="http://www.w3.org/2000/svg"><a href="https://evil.example/"><text>AB</text></a></svg>',
      '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><div>AB</div></foreignObject></svg>',
      '<html><body>AB</body></html>',
    ];
    let served = 0;
    const evil = http.createServer((request, response) => {
      request.resume();
      if (request.method !== 'POST' || request.url !== '/api/v1/captchas') {
        response.writeHead(404, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify({ code: 'not-found', message: 'Нет такого адреса.' }));
        return;
      }
      const imageSvg = pictures[served++ % pictures.length];
      response.writeHead(201, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ captchaId: 'x', imageSvg, spokenHint: 'A B', expiresAt: new Date(Date.now() + 60_000).toISOString() }));
    });
    await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
    const port = (evil.address() as { port: number }).port;
    const core = await startCoreFixture({ billing: { url: `http://127.0.0.1:${port}` } });
    try {
      for (const _picture of pictures) {
        const result = await core.core.dispatch('registration.captcha', {});
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error.code).toBe('billing-invalid-response');
      }
      expect(served).toBe(pictures.length);
    } finally {
      await core.close();
      await new Promise<void>((resolve) => evil.close(() => resolve()));
    }
  });

  it('says that registration and recovery need the link when the billing centre is down', async () => {
    const downDir = fs.mkdtempSync(path.join(os.tmpdir(), 'registration-down-'));
    const down = await startReferenceBillingServer({ dbFile: path.join(downDir, 'billing.sqlite') });
    const core = await startCoreFixture({ billing: { url: down.url, timeoutMs: 1000 } });
    try {
      const captcha = await core.core.dispatch('registration.captcha', {});
      expect(captcha.ok).toBe(true);
      const captchaId = captcha.ok ? (captcha.value as Captcha).captchaId : '';
      await down.close();
      const picture = await core.core.dispatch('registration.captcha', {});
      expect(picture.ok ? null : picture.error.code).toBe('billing-unavailable');
      expect(picture.ok ? null : picture.error.message).toEqual({ key: 'register.linkNeeded.captcha', values: { failure: 'unavailable' } });
      expect(picture.ok ? '' : russianText(picture.error.message)).toMatch(
        /^Картинку с кодом выдаёт расчётный центр\. Нет связи с расчётным центром МУП УИС/,
      );
      const register = await core.core.dispatch('registration.register', {
        ...ivanova,
        captchaId,
        captchaAnswer: 'ABCDE',
        consent: consentNow(),
      });
      expect(register.ok ? null : register.error.message).toEqual({
        key: 'register.linkNeeded.registration',
        values: { failure: 'unavailable' },
      });
      expect(register.ok ? null : register.error.code).toBe('billing-unavailable');
      const recover = await core.core.dispatch('recovery.requestPassword', {
        accountNumber: DEMO.paidInAdvance.accountNumber,
        email: 'a@example.ru',
        captchaId,
        captchaAnswer: 'ABCDE',
      });
      expect(recover.ok ? null : recover.error.message).toEqual({ key: 'recover.linkNeeded', values: { failure: 'unavailable' } });
    } finally {
      await core.close();
      fs.rmSync(downDir, { recursive: true, force: true });
    }
  });
});
