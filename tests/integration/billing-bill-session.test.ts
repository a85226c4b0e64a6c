// The paper bill as a way in, over real HTTP against the reference billing server with its own
// SQLite file: the account number and the «код квитанции» open a bill session that reads the bill
// (masked), lists the meters and submits readings, and is refused everything else; wrong codes are
// counted and locked out. The server's clock is injected, so lockouts and expiry need no sleeping.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { derivedBillCode } from '../../src-main/billing-server/demo-data';
import { startReferenceBillingServer, type ReferenceBillingServer } from '../../src-main/billing-server/reference-billing-server';
import { BillingClient } from '../../src-main/core/billing/billing-client';
import { billingRefusal } from '../support/billing-refusal';
import { addMonths } from '../../src-main/core/time/calendar';
import { paymentQrPayloadFor } from '../../src-main/features/pay/payment-slip';
import { parsePaymentQrPayload, paymentQrPayloadProblems } from '../../src-main/features/pay/payment-qr';
import { BILL_HOLDERS, DEMO, NO_SUCH_ACCOUNT, WRONG_BILL_CODE, type DemoBillHolder } from '../support/demo-accounts';

const NOW = Date.parse('2026-11-20T10:00:00+05:00');
const TODAY = '2026-11-20';
const LAST_BILL = '2026-10';
let clock = NOW;
let server: ReferenceBillingServer;
let dir: string;
let terminalCount = 0;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'billing-bill-session-'));
  server = await startReferenceBillingServer({ dbFile: path.join(dir, 'billing.sqlite'), now: () => clock });
});

afterAll(async () => {
  await server?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A client on a terminal of its own, so that one test's wrong codes do not count against another's. */
function terminal(): BillingClient {
  terminalCount += 1;
  return new BillingClient({ baseUrl: server.url, terminalId: `BILL-${terminalCount}`, terminalKey: 'training', timeoutMs: 5000 });
}

const billOf = (client: BillingClient, holder: DemoBillHolder) => client.openBillSession(holder.accountNumber, holder.billCode);

/** A raw request carrying a bearer token, for what the client never sends (a session on a write). */
async function withToken(method: string, apiPath: string, token: string, body?: unknown) {
  const response = await fetch(`${server.url}${apiPath}`, {
    method,
    headers: {
      'X-Terminal-Id': 'BILL-RAW',
      'X-Terminal-Key': 'training',
      Authorization: `Bearer ${token}`,
      'Idempotency-Key': crypto.randomUUID(),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json().catch(() => null)) as unknown };
}

describe('the code on the bill', () => {
  it('opens a bill session for the last bill of every fixed demo account', async () => {
    const client = terminal();
    for (const holder of Object.values(BILL_HOLDERS)) {
      const bill = await billOf(client, holder);
      expect(bill.billingPeriod, holder.accountNumber).toBe(LAST_BILL);
      expect((await client.getAccountSummary(bill.sessionToken)).accountNumber).toBe(holder.accountNumber);
    }
  });

  it('is on every account’s last bill, and a generated account’s code changes with the month', async () => {
    const counts = server.db
      .prepare<[string], { accounts: number; coded: number }>(
        'SELECT (SELECT count(*) FROM account) AS accounts, (SELECT count(*) FROM bill_code WHERE period = ?) AS coded',
      )
      .get(LAST_BILL);
    expect(counts?.coded).toBe(counts?.accounts);

    const december = await startReferenceBillingServer({
      dbFile: path.join(dir, 'december.sqlite'),
      now: () => Date.parse('2026-12-20T10:00:00+05:00'),
    });
    try {
      const codeIn = (db: typeof server.db, accountNumber: string) =>
        db
          .prepare<[string], { period: string; code: string }>('SELECT period, code FROM bill_code WHERE account_number = ?')
          .get(accountNumber);
      const generated = server.db
        .prepare<[], { account_number: string }>(
          "SELECT account_number FROM account WHERE account_number BETWEEN '820000005' AND '820000216'",
        )
        .all()
        .map((row) => row.account_number);
      const changed = generated.filter(
        (accountNumber) => codeIn(december.db, accountNumber)?.code !== codeIn(server.db, accountNumber)?.code,
      );
      expect(changed.length).toBeGreaterThan(generated.length * 0.95);
      const accountNumber = changed[0] ?? '';
      expect(codeIn(december.db, accountNumber)).toEqual({
        period: addMonths(LAST_BILL, 1),
        code: derivedBillCode(accountNumber, addMonths(LAST_BILL, 1)),
      });
      // Last month's bill no longer opens anything once the new one is out.
      const decemberTerminal = new BillingClient({
        baseUrl: december.url,
        terminalId: 'BILL-DEC',
        terminalKey: 'training',
        timeoutMs: 5000,
      });
      const stale = await billingRefusal(decemberTerminal.openBillSession(accountNumber, codeIn(server.db, accountNumber)?.code ?? ''));
      expect(stale.billingCode).toBe('wrong-bill-code');
      const current = await decemberTerminal.openBillSession(accountNumber, codeIn(december.db, accountNumber)?.code ?? '');
      expect(current.billingPeriod).toBe(addMonths(LAST_BILL, 1));
      // The fixed demo accounts keep README's codes every month.
      expect((await decemberTerminal.openBillSession(DEMO.owesMoney.accountNumber, BILL_HOLDERS.owesMoney.billCode)).billingPeriod).toBe(
        '2026-11',
      );
    } finally {
      await december.close();
    }
  });

  it('is refused when wrong, with the tries left, then locked for the account with Retry-After until the window passes', async () => {
    const client = terminal();
    const holder = BILL_HOLDERS.paidInAdvance;
    for (const attemptsLeft of [4, 3, 2, 1, 0]) {
      const wrong = await billingRefusal(client.openBillSession(holder.accountNumber, WRONG_BILL_CODE));
      expect([wrong.kind, wrong.status, wrong.billingCode, wrong.attemptsLeft]).toEqual(['refused', 401, 'wrong-bill-code', attemptsLeft]);
    }
    const locked = await billingRefusal(client.openBillSession(holder.accountNumber, holder.billCode));
    expect([locked.status, locked.billingCode, locked.retryAfterSeconds]).toEqual([429, 'too-many-attempts', 900]);
    // The lockout is the account's: another terminal is refused too.
    expect((await billingRefusal(terminal().openBillSession(holder.accountNumber, holder.billCode))).billingCode).toBe('too-many-attempts');
    clock += 10 * 60_000;
    expect((await billingRefusal(client.openBillSession(holder.accountNumber, holder.billCode))).retryAfterSeconds).toBe(300);
    clock += 300_000;
    expect((await billOf(client, holder)).billingPeriod).toBe(LAST_BILL);
    // A right code clears the account's count.
    expect((await billingRefusal(client.openBillSession(holder.accountNumber, WRONG_BILL_CODE))).attemptsLeft).toBe(4);
    clock = NOW;
  });

  it('is locked for a terminal after 20 wrong codes across accounts, and not for other terminals', async () => {
    const client = terminal();
    const accounts = server.db
      .prepare<[], { account_number: string }>(
        `SELECT account_number FROM account WHERE account_number > '${DEMO.notRegistered.accountNumber}' ORDER BY account_number LIMIT 5`,
      )
      .all()
      .map((row) => row.account_number);
    for (const accountNumber of accounts)
      for (let attempt = 0; attempt < 4; attempt += 1) await billingRefusal(client.openBillSession(accountNumber, WRONG_BILL_CODE));
    const locked = await billingRefusal(
      client.openBillSession(DEMO.expiredVerification.accountNumber, BILL_HOLDERS.expiredVerification.billCode),
    );
    expect([locked.status, locked.billingCode, locked.retryAfterSeconds]).toEqual([429, 'too-many-attempts', 900]);
    expect((await billOf(terminal(), BILL_HOLDERS.expiredVerification)).billingPeriod).toBe(LAST_BILL);
  });

  it('is what README’s table of paper-bill demo accounts tells a trainer', () => {
    const readme = fs.readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.split('## Demo accounts for the paper bill and SMS')[1]?.split('\n## ')[0] ?? '';
    const rows = [...section.matchAll(/^\| `(\d{9})` +\| `(\d{4})` +\| `(\+7\d{10})`/gm)].map((match) => match.slice(1, 4));
    expect(rows).toEqual(Object.values(BILL_HOLDERS).map((holder) => [holder.accountNumber, holder.billCode, holder.phone]));
  });

  it('refuses an unknown account and a malformed code', async () => {
    const client = terminal();
    const unknown = await billingRefusal(client.openBillSession(NO_SUCH_ACCOUNT, WRONG_BILL_CODE));
    expect([unknown.status, unknown.billingCode]).toEqual([404, 'unknown-account']);
    for (const malformed of ['123', '12345', 'abcd']) {
      const refused = await billingRefusal(client.openBillSession(DEMO.owesMoney.accountNumber, malformed));
      expect([refused.status, refused.billingCode], malformed).toEqual([422, 'invalid-request']);
    }
  });
});

describe('a bill session', () => {
  it('shows the bill with the holder shortened and the house and flat masked, and the same amounts as a full session', async () => {
    const client = terminal();
    const bill = await billOf(client, BILL_HOLDERS.owesMoney);
    const full = (await client.login(DEMO.owesMoney.accountNumber, DEMO.owesMoney.password)).sessionToken;
    const summary = await client.getAccountSummary(bill.sessionToken);
    const fullSummary = await client.getAccountSummary(full);
    expect(summary).toEqual({ ...fullSummary, holderName: 'Петров С. Н.', address: 'г. Уфа, ул. Ленина, д. **, кв. **' });
    const invoice = await client.getInvoice(bill.sessionToken);
    expect(invoice).toEqual({ ...(await client.getInvoice(full)), payerName: summary.holderName, address: summary.address });
    expect(invoice.amountDueKopecks).toBeGreaterThan(0);
    expect(invoice.breakdown.reduce((sum, line) => sum + line.amountKopecks, 0)).toBe(invoice.amountDueKopecks);
  });

  it('gives the payment slip a GOST R 56042-2014 QR with the payee of the reference data and the bill’s account and sum', async () => {
    const client = terminal();
    const invoice = await client.getInvoice((await billOf(client, DEMO.paperBillOnly)).sessionToken);
    const payload = paymentQrPayloadFor(invoice, invoice.amountDueKopecks);
    expect(paymentQrPayloadProblems(payload)).toEqual([]);
    const { payee } = await client.getReferenceData();
    const fields = Object.fromEntries(parsePaymentQrPayload(payload).fields);
    expect(fields).toMatchObject({
      Name: payee.name,
      PersonalAcc: payee.settlementAccount,
      BankName: payee.bankName,
      BIC: payee.bic,
      CorrespAcc: payee.correspondentAccount,
      PayeeINN: payee.inn,
      KPP: payee.kpp,
      PersAcc: DEMO.paperBillOnly.accountNumber,
      Sum: String(invoice.amountDueKopecks),
      PaymPeriod: '10.2026',
      LastName: 'Сидорова',
    });
    // Her last bill is unpaid and everything before it is paid: the bill in hand is what is due.
    expect(invoice.previousBalanceKopecks).toBe(0);
    expect(invoice.amountDueKopecks).toBeGreaterThan(0);
  });

  it('lists the meters with the last accepted reading and verification date, and submits and corrects readings', async () => {
    const client = terminal();
    const holder = DEMO.paperBillOnly;
    const bill = await billOf(client, holder);
    const meters = await client.getMeters(bill.sessionToken);
    expect(meters.meters).toHaveLength(1);
    const meter = meters.meters[0];
    if (!meter?.lastReading) throw new Error(`${holder.accountNumber} should have a meter with readings`);
    expect(meter.verificationDueOn > TODAY).toBe(true);
    // Rounded to the dial's thousandths, as the customer types them.
    const reading = (used: number) => Math.round(((meter.lastReading?.value ?? 0) + used) * 1000) / 1000;
    const submitted = await client.submitReadings(
      holder.accountNumber,
      { readings: [{ meterId: meter.meterId, value: reading(2) }], submittedAt: '2026-11-20T10:00:00+05:00' },
      crypto.randomUUID(),
    );
    // The same write, sent with the bill session's token, is accepted for the bill's own account.
    const corrected = await withToken('POST', `/api/v1/accounts/${holder.accountNumber}/readings`, bill.sessionToken, {
      readings: [{ meterId: meter.meterId, value: reading(1.5) }],
      submittedAt: '2026-11-20T10:01:00+05:00',
      correctsRegistrationNumber: submitted.registrationNumber,
    });
    expect(corrected.status).toBe(201);
    const after = await client.getMeters(bill.sessionToken);
    expect(after.submissions.map((submission) => submission.registrationNumber)).toEqual([
      (corrected.body as { registrationNumber: string }).registrationNumber,
      submitted.registrationNumber,
    ]);
    expect(after.submissions[0]?.readings).toEqual([{ meterId: meter.meterId, value: reading(1.5) }]);
  });

  it('is refused the statement, appeals, profile and password, and another account, and changes nothing there', async () => {
    const client = terminal();
    const holder = BILL_HOLDERS.owesMoney;
    const { sessionToken } = await billOf(client, holder);
    for (const [name, call] of [
      ['statement', () => client.getStatement(sessionToken, '2026-01', LAST_BILL)],
      ['appeals', () => client.getAppeals(sessionToken)],
      ['profile', () => client.getProfile(sessionToken)],
    ] as const) {
      const refused = await billingRefusal(call());
      expect([refused.kind, refused.status, refused.billingCode], name).toEqual(['refused', 403, 'outside-bill-session']);
    }
    const account = `/api/v1/accounts/${holder.accountNumber}`;
    const writes: Array<[string, string, unknown]> = [
      ['POST', `${account}/appeals`, { topicId: 'other', text: 'Вопрос по квитанции', submittedAt: '2026-11-20T10:00:00+05:00' }],
      ['PATCH', `${account}/profile`, { phone: '+79170000000', submittedAt: '2026-11-20T10:00:00+05:00' }],
      [
        'POST',
        `${account}/password`,
        { currentPassword: DEMO.owesMoney.password, newPassword: 'taken-over-1', submittedAt: '2026-11-20T10:00:00+05:00' },
      ],
      [
        'POST',
        `/api/v1/accounts/${DEMO.paidInAdvance.accountNumber}/readings`,
        { readings: [{ meterId: `${DEMO.paidInAdvance.accountNumber}-HW1`, value: 99_999 }], submittedAt: '2026-11-20T10:00:00+05:00' },
      ],
    ];
    for (const [method, apiPath, body] of writes) {
      const answer = await withToken(method, apiPath, sessionToken, body);
      expect([answer.status, answer.body], `${method} ${apiPath}`).toEqual([
        403,
        expect.objectContaining({ code: 'outside-bill-session' }),
      ]);
    }
    const full = (await client.login(holder.accountNumber, DEMO.owesMoney.password)).sessionToken;
    expect(await client.getAppeals(full)).toEqual([]);
    expect((await client.getProfile(full)).phone).toBe(holder.phone);
    // A customer's own session on the same writes is not what the check is about: it passes.
    const appeal = await withToken('POST', `${account}/appeals`, full, writes[0]?.[2]);
    expect(appeal.status).toBe(201);
  });

  it('belongs to its terminal, expires like any session, and ends at logout', async () => {
    const client = terminal();
    const bill = await billOf(client, BILL_HOLDERS.expiredVerification);
    expect((await billingRefusal(terminal().getAccountSummary(bill.sessionToken))).billingCode).toBe('session-expired');
    await client.logout(bill.sessionToken);
    expect((await billingRefusal(client.getAccountSummary(bill.sessionToken))).billingCode).toBe('session-expired');
    const later = await billOf(client, BILL_HOLDERS.expiredVerification);
    clock += 31 * 60_000;
    expect((await billingRefusal(client.getMeters(later.sessionToken))).kind).toBe('unauthorized');
    clock = NOW;
  });
});
