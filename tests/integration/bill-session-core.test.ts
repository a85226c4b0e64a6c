// The customer with only the paper bill, through the real kiosk core in training mode (its own
// reference billing server over HTTP, real SQLite files): a bill session opened with the bill's
// code may pay and submit readings and is refused every customer-only method; the code is limited
// per account like a password; an SMS code opens the full personal account.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KioskError, KioskResult } from '../../src-main/core/api/contract';
import { russianText } from '../../src-main/core/messages/message-test-kit';
import { kioskMethods, type KioskOutput } from '../../src-main/features/kiosk-methods';
import { formatReading } from '../../src-main/features/readings/reading-checks';
import { billQrPayload, UTILITY_REQUISITES } from '../support/bill-scanner';
import { BILL_HOLDERS, DEMO, WRONG_BILL_CODE } from '../support/demo-accounts';
import { startCoreFixture, type CoreFixture } from '../support/kiosk-core-fixture';

let fixture: CoreFixture;

beforeAll(async () => {
  fixture = await startCoreFixture({ limits: { loginFailuresPerAccount: 3, loginFailuresPerTerminal: 50 } });
});

afterAll(async () => {
  await fixture?.close();
});

const dispatch = (method: string, input: unknown): Promise<KioskResult<unknown>> => fixture.core.dispatch(method, input);

async function ok<T>(method: string, input: unknown = {}): Promise<T> {
  const result = await dispatch(method, input);
  if (!result.ok) throw new Error(`${method} refused: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

async function refused(method: string, input: unknown = {}): Promise<KioskError> {
  const result = await dispatch(method, input);
  if (result.ok) throw new Error(`${method} unexpectedly succeeded: ${JSON.stringify(result.value)}`);
  return result.error;
}

const paperBill = BILL_HOLDERS.paperBillOnly;

const customerOnlyMethods = Object.values(kioskMethods)
  .filter((method) => method.audience === 'customer')
  .map((method) => method.name);

describe('a bill session', () => {
  it('is refused every customer-only method, whatever the input, before anything reaches the billing centre', async () => {
    await ok('billSession.open', { accountNumber: paperBill.accountNumber, billCode: paperBill.billCode });
    // The list is long and must stay so: statement, appeals, profile, password, readings history…
    expect(customerOnlyMethods).toEqual(
      expect.arrayContaining(['charges.statement', 'appeals.list', 'profile.get', 'profile.changePassword', 'readings.history']),
    );
    for (const method of customerOnlyMethods) {
      for (const input of [{}, { accountNumber: DEMO.owesMoney.accountNumber, from: '2026-01', to: '2026-02' }]) {
        const error = await refused(method, input);
        expect([method, error.code, error.message.key]).toEqual([method, 'full-login-required', 'errors.full-login-required']);
      }
    }
    // The same session still pays: it was refused, not ended.
    expect((await ok<KioskOutput<'account.summary'>>('account.summary')).accountNumber).toBe(paperBill.accountNumber);
    await ok('session.logout');
  });

  it('shows the bill with the holder as on a bill, pays the amount due, prints the slip, and refuses the statement on paper', async () => {
    const opened = await ok<KioskOutput<'billSession.open'>>('billSession.open', {
      accountNumber: paperBill.accountNumber,
      billCode: paperBill.billCode,
    });
    const summary = await ok<KioskOutput<'account.summary'>>('account.summary');
    expect(summary.billingPeriod).toBe(opened.billingPeriod);
    // «Сидорова Валентина Ивановна» → «Сидорова В. И.»; the house and flat numbers are starred.
    expect(summary.holderName).toMatch(/^\p{Lu}\p{Ll}+ \p{Lu}\. \p{Lu}\.$/u);
    expect(summary.address).toMatch(/д\. \*+/);
    expect(summary.amountDueKopecks).toBeGreaterThan(0);

    const slip = await ok<KioskOutput<'payment.slip'>>('payment.slip', { amountKopecks: summary.amountDueKopecks });
    expect(slip.qrPayload).toContain(`|Sum=${summary.amountDueKopecks}|`);
    expect(slip.qrPayload).toContain(`|PersAcc=${paperBill.accountNumber}|`);
    const printed = await ok<KioskOutput<'print.document'>>('print.document', {
      document: { type: 'payment-slip', amountKopecks: summary.amountDueKopecks },
    });
    expect(printed.status).toBe('printed');

    const statement = await refused('print.document', { document: { type: 'statement', from: '2026-01', to: '2026-02' } });
    expect(statement.code).toBe('full-login-required');
    await ok('session.logout');
  });

  it('submits a reading through the outbox and confirms it with a registration number', async () => {
    await ok('billSession.open', { accountNumber: paperBill.accountNumber, billCode: paperBill.billCode });
    const { meters } = await ok<KioskOutput<'readings.meters'>>('readings.meters');
    const meter = meters.find((candidate) => candidate.lastReading !== null && candidate.verificationState !== 'expired') ?? meters[0];
    if (!meter?.lastReading) throw new Error('the paper-bill account has no meter with a last reading');
    const value = Number(formatReading(meter.lastReading.value + 2, meter.fractionDigits).replace(',', '.'));
    const submitted = await ok<KioskOutput<'readings.submit'>>('readings.submit', { readings: [{ meterId: meter.meterId, value }] });
    expect(submitted.delivery).toBe('delivered');
    expect(submitted.registrationNumber).toMatch(/\S/);
    await ok('session.logout');
  });

  it('counts wrong bill codes per account and then locks, with the time left', async () => {
    const holder = BILL_HOLDERS.expiredVerification;
    const first = await refused('billSession.open', { accountNumber: holder.accountNumber, billCode: WRONG_BILL_CODE });
    expect([first.code, russianText(first.message)]).toEqual(['wrong-credentials', expect.stringContaining('Осталось 2 попытки.')]);
    await refused('billSession.open', { accountNumber: holder.accountNumber, billCode: WRONG_BILL_CODE });
    const third = await refused('billSession.open', { accountNumber: holder.accountNumber, billCode: WRONG_BILL_CODE });
    expect(third.code).toBe('locked-out');
    // Locked: the right code is not even sent.
    const locked = await refused('billSession.open', { accountNumber: holder.accountNumber, billCode: holder.billCode });
    expect(locked.code).toBe('locked-out');
    expect(locked.retryAfterSeconds).toBeGreaterThan(0);
    // The words name no time: the screen counts retryAfterSeconds down beside them, one timer.
    expect(russianText(locked.message)).toBe(
      'Вход по квитанции временно заблокирован из-за неверных кодов. Дождитесь конца отсчёта или обратитесь к сотруднику офиса.',
    );
  });

  it('reads the account from the scanner’s text and refuses another payee’s bill', async () => {
    expect(await ok('billSession.readScan', { scanned: billQrPayload(paperBill.accountNumber) })).toEqual({
      accountNumber: paperBill.accountNumber,
    });
    expect(await ok('billSession.readScan', { scanned: '820000001' })).toEqual({ accountNumber: '820000001' });
    const foreign = await refused('billSession.readScan', {
      scanned: billQrPayload(paperBill.accountNumber, { ...UTILITY_REQUISITES, payeeInn: '7707083893' }),
    });
    expect(russianText(foreign.message)).toContain('Это квитанция другой организации');
  });
});

describe('the SMS code login', () => {
  const codeIn = (text: string) => /(\d{6})/.exec(text)?.[1] ?? '';

  it('sends a code to the masked phone, refuses a wrong one, and opens the full personal account with the right one', async () => {
    const sent = await ok<KioskOutput<'smsLogin.requestCode'>>('smsLogin.requestCode', { accountNumber: paperBill.accountNumber });
    expect(sent).toEqual({
      sentTo: `+7 (${paperBill.phone.slice(2, 5)}) ***-**-${paperBill.phone.slice(-2)}`,
      validForSeconds: 300,
      resendAfterSeconds: 60,
      attemptsLeft: 3,
    });
    const again = await refused('smsLogin.requestCode', { accountNumber: paperBill.accountNumber });
    // The wait is the button's countdown (retryAfterSeconds), not a second timer in the words.
    expect([again.code, russianText(again.message)]).toEqual([
      'rate-limited',
      'Новый код пока запросить нельзя. Сколько ждать, показано на кнопке.',
    ]);
    expect(again.retryAfterSeconds).toBeGreaterThan(0);

    const { messages } = await ok<KioskOutput<'smsLogin.trainingInbox'>>('smsLogin.trainingInbox', {
      accountNumber: paperBill.accountNumber,
    });
    const code = codeIn(messages[0]?.text ?? '');
    expect(code).toMatch(/^\d{6}$/);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    expect((await refused('smsLogin.verify', { accountNumber: paperBill.accountNumber, code: wrong })).code).toBe('wrong-credentials');

    await ok('smsLogin.verify', { accountNumber: paperBill.accountNumber, code });
    // A full session: the profile, closed to a bill session, opens.
    expect(await ok<{ accountNumber: string }>('profile.get')).toMatchObject({ accountNumber: paperBill.accountNumber });
    // The code was used: it does not open a second session.
    await ok('session.logout');
    expect((await refused('smsLogin.verify', { accountNumber: paperBill.accountNumber, code })).billingCode).toBe('sms-code-expired');
  });

  it('says why no SMS can go to a landline', async () => {
    const error = await refused('smsLogin.requestCode', { accountNumber: BILL_HOLDERS.notRegistered.accountNumber });
    expect(russianText(error.message)).toContain('SMS не доставляются');
    // Nothing was sent, so nothing was counted: the refusal repeats, it does not turn into a lockout.
    expect((await refused('smsLogin.requestCode', { accountNumber: BILL_HOLDERS.notRegistered.accountNumber })).code).toBe(
      'billing-refused',
    );
  });
});
