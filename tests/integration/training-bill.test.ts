// Training mode's demo paper bill (ЕПД), over the real core, the real reference billing server in
// process and the TCP printer emulator: staff show a demo account's bill and print it; the code and
// amount due are the billing centre's; the printed QR, decoded from the printer's bytes and fed to
// the bill scanner's method, gives the account back; the printed code opens a bill session.
// Outside training mode, and to anyone but staff, the methods are refused.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReferenceBillingServer, type ReferenceBillingServer } from '../../src-main/billing-server/reference-billing-server';
import { hashSecret } from '../../src-main/core/security/secret-hash';
import type { KioskOutput } from '../../src-main/features/kiosk-methods';
import { parsePaymentQrPayload, paymentQrPayloadProblems } from '../../src-main/features/pay/payment-qr';
import { DEMO, TRAINING_STAFF } from '../support/demo-accounts';
import { startCoreFixture, type CoreFixture } from '../support/kiosk-core-fixture';
import { PrinterEmulator } from '../support/printer-emulator';

async function call<T>(fixture: CoreFixture, method: string, input: unknown): Promise<T> {
  const result = await fixture.core.dispatch(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message.key}`);
  return result.value as T;
}

describe('a demo bill in training mode', () => {
  let fixture: CoreFixture;
  let emulator: PrinterEmulator;
  const account = DEMO.paperBillOnly.accountNumber;

  beforeAll(async () => {
    emulator = new PrinterEmulator('epson');
    fixture = await startCoreFixture({ printer: { interface: await emulator.start(), commandSet: 'epson', timeoutMs: 1000 } });
  });

  afterAll(async () => {
    await fixture?.close();
    await emulator?.stop();
  });

  /** What the billing centre itself holds: the code of the account's last bill, read from its own file. */
  function billCodeInBillingCentre(): string | undefined {
    const db = new Database(path.join(fixture.dataDir, 'training-billing.sqlite'), { readonly: true });
    try {
      return db
        .prepare<[string, string], { code: string }>(
          'SELECT code FROM bill_code WHERE account_number = ? AND period = (SELECT max(period) FROM charge WHERE account_number = ?)',
        )
        .get(account, account)?.code;
    } finally {
      db.close();
    }
  }

  it('shows and prints the bill; its QR reads back as the account and its code opens a bill session', async () => {
    await call(fixture, 'staff.login', { staffNumber: TRAINING_STAFF.number, pin: TRAINING_STAFF.pin });

    const { accounts } = await call<KioskOutput<'trainingBill.accounts'>>(fixture, 'trainingBill.accounts', {});
    expect(accounts.map((entry) => entry.demoName)).toEqual([
      'owesMoney',
      'paidInAdvance',
      'expiredVerification',
      'notRegistered',
      'paperBillOnly',
    ]);
    expect(accounts.find((entry) => entry.accountNumber === account)).toMatchObject({
      registered: false,
      billCode: DEMO.paperBillOnly.billCode,
    });

    const bill = await call<KioskOutput<'trainingBill.show'>>(fixture, 'trainingBill.show', { accountNumber: account });
    expect(bill.billCode).toBe(DEMO.paperBillOnly.billCode);
    expect(bill.billCode).toBe(billCodeInBillingCentre());
    expect(bill.activationCode).toBe(DEMO.paperBillOnly.activationCode);
    expect(bill.holderName).toBe('Сидорова Валентина Ивановна');
    expect(bill.amountDueKopecks).toBeGreaterThan(0);
    if (!bill.qr) throw new Error('an unpaid bill has a payment QR');
    expect(bill.qr.svg).toMatch(/^<svg/);
    expect(paymentQrPayloadProblems(bill.qr.payload)).toEqual([]);
    const fields = new Map(parsePaymentQrPayload(bill.qr.payload).fields);
    expect(fields.get('PersAcc')).toBe(account);
    expect(fields.get('Sum')).toBe(String(bill.amountDueKopecks));
    expect(fields.get('PayeeINN')).toBe(bill.payee.inn);
    expect(fields.get('PersonalAcc')).toBe(bill.payee.settlementAccount);

    const before = emulator.printed().length;
    const printed = await call<KioskOutput<'trainingBill.print'>>(fixture, 'trainingBill.print', { accountNumber: account });
    expect(printed).toMatchObject({ status: 'printed', message: null });
    await expect.poll(() => emulator.printed().length).toBe(before + 1);
    const paper = emulator.printed()[before];
    if (!paper) throw new Error('nothing printed');
    const text = paper.lines.map((line) => line.trim());
    expect(text.slice(0, 2)).toEqual(['УЧЕБНАЯ КВИТАНЦИЯ -', 'НЕ ДЛЯ ОПЛАТЫ']);
    expect(paper.styledLines.slice(0, 2).every((line) => line.bold && line.large)).toBe(true);
    expect(text).toContain('УЧЕБНАЯ КВИТАНЦИЯ - НЕ ДЛЯ ОПЛАТЫ');
    expect(text.some((line) => /^Единый платёжный документ за [а-я]+ \d{4}$/.test(line))).toBe(true);
    expect(text.find((line) => line.startsWith(`Лицевой счёт ${account}`))).toMatch(/Код квитанции: (\d{4})$/);
    expect(text).toContain(`ИНН ${bill.payee.inn} КПП ${bill.payee.kpp}`);
    expect(text.find((line) => line.startsWith('Код активации'))).toMatch(new RegExp(`${DEMO.paperBillOnly.activationCode}$`));
    expect(text.filter((line) => line.includes('?'))).toEqual([]);
    expect(paper.qrPayloads).toEqual([bill.qr.payload]);
    expect(fixture.core.services.staffDesk.auditTrail(1)[0]).toMatchObject({
      event: { action: 'training-bill.print', status: 'printed' },
      accountNumber: account,
    });

    // The bill scanner types the printed QR; the kiosk reads the account number from it.
    const scanned = await call<KioskOutput<'billSession.readScan'>>(fixture, 'billSession.readScan', {
      scanned: `${paper.qrPayloads[0]}\r\n`,
    });
    expect(scanned.accountNumber).toBe(account);
    const printedCode = /Код квитанции: (\d{4})$/.exec(text.find((line) => line.startsWith('Лицевой счёт')) ?? '')?.[1];
    const opened = await call<KioskOutput<'billSession.open'>>(fixture, 'billSession.open', {
      accountNumber: scanned.accountNumber,
      billCode: printedCode,
    });
    expect(opened).toEqual({ accountNumber: account, billingPeriod: bill.billingPeriod });
    // What the billing centre asks for in that session is what the bill says is due.
    const invoice = await call<KioskOutput<'payment.invoice'>>(fixture, 'payment.invoice', {});
    expect(invoice.amountDueKopecks).toBe(bill.amountDueKopecks);
  });

  it('prints a bill with nothing due without a QR code, saying so', async () => {
    await call(fixture, 'staff.login', { staffNumber: TRAINING_STAFF.number, pin: TRAINING_STAFF.pin });
    const bill = await call<KioskOutput<'trainingBill.show'>>(fixture, 'trainingBill.show', {
      accountNumber: DEMO.paidInAdvance.accountNumber,
    });
    expect(bill).toMatchObject({ amountDueKopecks: 0, qr: null, activationCode: null });
    const before = emulator.printed().length;
    await call(fixture, 'trainingBill.print', { accountNumber: DEMO.paidInAdvance.accountNumber });
    await expect.poll(() => emulator.printed().length).toBe(before + 1);
    const paper = emulator.printed()[before];
    expect(paper?.qrPayloads).toEqual([]);
    expect(paper?.lines.join(' ')).toContain('Оплачивать нечего');
  });

  it('refuses an account that is not a fixed demo account', async () => {
    await call(fixture, 'staff.login', { staffNumber: TRAINING_STAFF.number, pin: TRAINING_STAFF.pin });
    const result = await fixture.core.dispatch('trainingBill.show', { accountNumber: '820000100' });
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found', message: { key: 'trainingBill.errors.notDemoAccount' } } });
  });

  it('refuses a caller who is not staff', async () => {
    await call(fixture, 'staff.logout', {});
    for (const [method, input] of [
      ['trainingBill.accounts', {}],
      ['trainingBill.show', { accountNumber: account }],
      ['trainingBill.print', { accountNumber: account }],
    ] as const) {
      expect(await fixture.core.dispatch(method, input)).toMatchObject({ ok: false, error: { code: 'staff-only' } });
    }
  });
});

describe('outside training mode', () => {
  let dir: string;
  let server: ReferenceBillingServer;
  let fixture: CoreFixture;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'training-bill-'));
    server = await startReferenceBillingServer({ dbFile: path.join(dir, 'billing.sqlite') });
    fixture = await startCoreFixture({
      billing: { url: server.url },
      staff: [{ staffNumber: '2002', displayName: 'Иванова Е. П.', pinHash: hashSecret('246810', { N: 2 ** 10, r: 8, p: 1 }) }],
    });
  });

  afterAll(async () => {
    await fixture?.close();
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses staff every demo bill method, and the training staff member does not exist', async () => {
    expect(await fixture.core.dispatch('staff.login', { staffNumber: TRAINING_STAFF.number, pin: TRAINING_STAFF.pin })).toMatchObject({
      ok: false,
    });
    await call(fixture, 'staff.login', { staffNumber: '2002', pin: '246810' });
    for (const [method, input] of [
      ['trainingBill.accounts', {}],
      ['trainingBill.show', { accountNumber: DEMO.paperBillOnly.accountNumber }],
      ['trainingBill.print', { accountNumber: DEMO.paperBillOnly.accountNumber }],
    ] as const) {
      expect(await fixture.core.dispatch(method, input)).toMatchObject({
        ok: false,
        error: { code: 'not-found', message: { key: 'trainingBill.errors.trainingOnly' } },
      });
    }
    expect(fixture.core.services.printing.journal()).toEqual([]);
  });
});
