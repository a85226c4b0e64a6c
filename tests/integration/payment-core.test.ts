// «Оплатить» and «Начисления и платежи» through the real kiosk core over HTTP against the reference
// billing server: the invoice matches the account summary, the QR payload reads back with the
// chosen sum, statements add up, bad amounts and periods are refused, and a statement whose money
// does not add up is refused rather than shown.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReferenceBillingServer, type ReferenceBillingServer } from '../../src-main/billing-server/reference-billing-server';
import type { KioskError, KioskResult } from '../../src-main/core/api/contract';
import type { KioskMethodName, KioskOutput } from '../../src-main/features/kiosk-methods';
import { BillingClient } from '../../src-main/core/billing/billing-client';
import { parsePaymentQrPayload } from '../../src-main/features/pay/payment-qr';
import { addMonths, monthsBetween } from '../../src-main/core/time/calendar';
import { startCoreFixture, type CoreFixture } from '../support/kiosk-core-fixture';
import { DEMO } from '../support/demo-accounts';

let fixture: CoreFixture;
let billing: BillingClient;

beforeAll(async () => {
  fixture = await startCoreFixture();
  billing = new BillingClient({ baseUrl: fixture.core.billingUrl, terminalId: 'TEST-01', terminalKey: 'training', timeoutMs: 5000 });
});

afterAll(async () => {
  await fixture?.close();
});

async function call<N extends KioskMethodName>(method: N, input: unknown): Promise<KioskResult<KioskOutput<N>>> {
  return (await fixture.core.dispatch(method, input)) as KioskResult<KioskOutput<N>>;
}

async function value<N extends KioskMethodName>(method: N, input: unknown = {}): Promise<KioskOutput<N>> {
  const result = await call(method, input);
  if (!result.ok) throw new Error(`${method} refused: ${result.error.message.key}`);
  return result.value;
}

async function refusal(method: KioskMethodName, input: unknown): Promise<KioskError> {
  const result = await call(method, input);
  if (result.ok) throw new Error(`${method} should be refused`);
  return result.error;
}

async function logIn(accountNumber: string): Promise<string> {
  await value('session.logout');
  await value('session.login', { accountNumber, password: 'demo1234' });
  return (await billing.login(accountNumber, 'demo1234')).sessionToken;
}

const sum = (values: number[]) => values.reduce((total, item) => total + item, 0);

describe('pay (Оплатить)', () => {
  it('refuses every method before login', async () => {
    await value('session.logout');
    for (const [method, input] of [
      ['payment.invoice', {}],
      ['payment.qr', { amountKopecks: 100 }],
      ['payment.slip', { amountKopecks: 100 }],
      ['charges.current', {}],
      ['charges.statement', { from: '2026-01', to: '2026-03' }],
    ] as const) {
      expect((await refusal(method, input)).code, method).toBe('not-logged-in');
    }
  });

  it('shows the amount due of the account summary, its breakdown, and where to pay', async () => {
    const token = await logIn(DEMO.owesMoney.accountNumber);
    const summary = await billing.getAccountSummary(token);
    const invoice = await value('payment.invoice');
    expect(summary.amountDueKopecks).toBeGreaterThan(0);
    expect(invoice.amountDueKopecks).toBe(summary.amountDueKopecks);
    expect(invoice.balanceKopecks).toBe(summary.balanceKopecks);
    expect(invoice.billingPeriod).toBe(summary.billingPeriod);
    expect(invoice.accountNumber).toBe(DEMO.owesMoney.accountNumber);
    expect(invoice.payerName).toBe(summary.holderName);
    // The breakdown explains the whole amount: this month's lines plus what came before.
    expect(sum(invoice.breakdown.map((line) => line.amountKopecks))).toBe(invoice.amountDueKopecks);
    expect(invoice.breakdown.length).toBeGreaterThan(0);
    expect(invoice.maxAmountKopecks).toBe(100_000_000);
    expect(invoice.offices.length).toBeGreaterThan(0);
    expect(invoice.offices.some((office) => office.acceptsPayments)).toBe(true);
    expect(invoice.paymentPlaces.map((place) => place.name)).toContain('Сбербанк');
    expect(invoice.payee.inn).toMatch(/^\d{10}$/);
  });

  it('makes a GOST R 56042-2014 QR code for the chosen amount that parses back with the same sum', async () => {
    await logIn(DEMO.owesMoney.accountNumber);
    const invoice = await value('payment.invoice');
    const qr = await value('payment.qr', { amountKopecks: 123_456 });
    expect(qr.amountKopecks).toBe(123_456);
    const { header, separator, fields } = parsePaymentQrPayload(qr.payload);
    expect(header).toBe('ST00012');
    expect(separator).toBe('|');
    const byKey = Object.fromEntries(fields);
    const [year, month] = invoice.billingPeriod.split('-');
    expect(byKey).toMatchObject({
      Name: invoice.payee.name,
      PersonalAcc: invoice.payee.settlementAccount,
      BankName: invoice.payee.bankName,
      BIC: invoice.payee.bic,
      CorrespAcc: invoice.payee.correspondentAccount,
      KPP: invoice.payee.kpp,
      PayeeINN: invoice.payee.inn,
      Purpose: invoice.purpose,
      Sum: '123456',
      PersAcc: DEMO.owesMoney.accountNumber,
      PaymPeriod: `${month}.${year}`,
      TechCode: '02',
      PayerAddress: invoice.address,
    });
    expect(fields.map(([key]) => key).slice(0, 5)).toEqual(['Name', 'PersonalAcc', 'BankName', 'BIC', 'CorrespAcc']);
    expect(qr.svg.startsWith('<svg')).toBe(true);
    expect(qr.svg).toContain('<path');
    expect(qr.svg).not.toMatch(/<script|href=/i);

    const other = await value('payment.qr', { amountKopecks: invoice.amountDueKopecks });
    expect(Object.fromEntries(parsePaymentQrPayload(other.payload).fields).Sum).toBe(String(invoice.amountDueKopecks));
    expect(other.svg).not.toBe(qr.svg);
  });

  it('refuses zero, negative, fractional and absurdly large amounts, each with its message', async () => {
    await logIn(DEMO.owesMoney.accountNumber);
    for (const method of ['payment.qr', 'payment.slip'] as const) {
      const zero = await refusal(method, { amountKopecks: 0 });
      expect(zero).toMatchObject({ code: 'invalid-input', message: { key: 'pay.errors.notPositive' } });
      expect((await refusal(method, { amountKopecks: -500 })).message).toEqual(zero.message);
      expect((await refusal(method, { amountKopecks: 12.5 })).message).toEqual({ key: 'pay.errors.notKopecks' });
      expect((await refusal(method, { amountKopecks: 100_000_001 })).message).toEqual({ key: 'pay.errors.tooLarge' });
    }
    // Exactly one million roubles is still allowed.
    const million = await value('payment.qr', { amountKopecks: 100_000_000 });
    expect(Object.fromEntries(parsePaymentQrPayload(million.payload).fields).Sum).toBe('100000000');
  });

  it('gives the payment slip everything it prints', async () => {
    await logIn(DEMO.owesMoney.accountNumber);
    const invoice = await value('payment.invoice');
    const slip = await value('payment.slip', { amountKopecks: 250_000 });
    expect(slip).toMatchObject({
      accountNumber: DEMO.owesMoney.accountNumber,
      payerName: invoice.payerName,
      address: invoice.address,
      billingPeriod: invoice.billingPeriod,
      amountKopecks: 250_000,
      amountDueKopecks: invoice.amountDueKopecks,
      breakdown: invoice.breakdown,
      paymentDueBy: invoice.paymentDueBy,
      purpose: invoice.purpose,
      payee: invoice.payee,
    });
    expect(slip.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Object.fromEntries(parsePaymentQrPayload(slip.qrPayload ?? '').fields).Sum).toBe('250000');
  });

  it('for an account paid in advance says nothing is due and still makes a QR code for an advance', async () => {
    const token = await logIn(DEMO.paidInAdvance.accountNumber);
    const summary = await billing.getAccountSummary(token);
    const invoice = await value('payment.invoice');
    expect(invoice.amountDueKopecks).toBe(0);
    expect(invoice.balanceKopecks).toBe(summary.balanceKopecks);
    expect(invoice.balanceKopecks).toBeLessThan(0);
    const qr = await value('payment.qr', { amountKopecks: 50_000 });
    expect(Object.fromEntries(parsePaymentQrPayload(qr.payload).fields)).toMatchObject({
      Sum: '50000',
      PersAcc: DEMO.paidInAdvance.accountNumber,
    });
  });
});

describe('charges and payments (Начисления и платежи)', () => {
  it('shows the last billed period line by line, as the billing centre has it', async () => {
    const token = await logIn(DEMO.owesMoney.accountNumber);
    const summary = await billing.getAccountSummary(token);
    const direct = await billing.getStatement(token, summary.billingPeriod, summary.billingPeriod);
    const current = await value('charges.current');
    expect(current.billingPeriod).toBe(summary.billingPeriod);
    expect(current.month).toEqual(direct.months[0]);
    expect(current.month.charges.length).toBeGreaterThan(0);
    for (const line of current.month.charges) {
      expect(line.unit === 'Гкал' || line.unit === 'м³').toBe(true);
      expect(line.tariffKopecks).toBeGreaterThan(0);
    }
    expect(current.month.chargedKopecks).toBe(
      sum(current.month.charges.map((line) => line.amountKopecks)) +
        sum(current.month.recalculations.map((line) => line.amountKopecks)) +
        current.month.penaltiesKopecks,
    );
    expect(current.balanceKopecks).toBe(summary.balanceKopecks);
    expect(current.lastPayment).toEqual(summary.lastPayment);
    expect(current.defaultTo).toBe(summary.billingPeriod);
    expect(monthsBetween(current.defaultFrom, current.defaultTo)).toBe(11);
  });

  it('gives a statement for the default 12 months whose totals add up and match the billing centre', async () => {
    const token = await logIn(DEMO.owesMoney.accountNumber);
    const current = await value('charges.current');
    const statement = await value('charges.statement', { from: current.defaultFrom, to: current.defaultTo });
    const direct = await billing.getStatement(token, current.defaultFrom, current.defaultTo);
    expect(statement.months).toHaveLength(12);
    expect(statement.months.map((month) => month.period)).toEqual(
      Array.from({ length: 12 }, (_, index) => addMonths(current.defaultFrom, index)),
    );
    expect(statement.chargedKopecks).toBe(direct.chargedKopecks);
    expect(statement.paidKopecks).toBe(direct.paidKopecks);
    expect(statement.chargedKopecks).toBe(sum(statement.months.map((month) => month.chargedKopecks)));
    expect(statement.paidKopecks).toBe(sum(statement.months.map((month) => month.paidKopecks)));
    expect(statement.openingBalanceKopecks + statement.chargedKopecks - statement.paidKopecks).toBe(statement.closingBalanceKopecks);
    expect(statement.months.some((month) => month.payments.length > 0)).toBe(true);
    expect(statement.series).toHaveLength(12);
    expect(statement.series.map((point) => point.chargedKopecks)).toEqual(statement.months.map((month) => month.chargedKopecks));
    expect(statement.series.some((point) => point.heatingGcal > 0)).toBe(true);
    expect(statement.series.some((point) => point.hotWaterM3 > 0)).toBe(true);
  });

  it('gives three months for a three-month period, and up to 36', async () => {
    await logIn(DEMO.owesMoney.accountNumber);
    const current = await value('charges.current');
    const three = await value('charges.statement', { from: addMonths(current.defaultTo, -2), to: current.defaultTo });
    expect(three.months).toHaveLength(3);
    const longest = await value('charges.statement', { from: addMonths(current.defaultTo, -35), to: current.defaultTo });
    expect(longest.months).toHaveLength(36);
  });

  it('moves a start before the kept history forward and says so', async () => {
    await logIn(DEMO.owesMoney.accountNumber);
    const current = await value('charges.current');
    const first = addMonths(current.defaultTo, -35);
    const statement = await value('charges.statement', { from: addMonths(first, -2), to: addMonths(first, 2) });
    expect(statement.requestedFrom).toBe(addMonths(first, -2));
    expect(statement.from).toBe(first);
    expect(statement.months).toHaveLength(3);
  });

  it('refuses a reversed period and one longer than 36 months', async () => {
    await logIn(DEMO.owesMoney.accountNumber);
    expect(await refusal('charges.statement', { from: '2026-05', to: '2026-02' })).toMatchObject({
      code: 'invalid-input',
      message: { key: 'charges.errors.reversed' },
    });
    expect(await refusal('charges.statement', { from: '2023-01', to: '2026-01' })).toMatchObject({
      code: 'invalid-input',
      message: { key: 'charges.errors.tooLong' },
    });
    expect((await refusal('charges.statement', { from: '2026-13', to: '2026-01' })).code).toBe('invalid-input');
  });
});

describe('a billing centre whose statement does not add up', () => {
  let dir: string;
  let server: ReferenceBillingServer;
  let proxy: http.Server;
  let broken: CoreFixture;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'payment-core-'));
    server = await startReferenceBillingServer({ dbFile: path.join(dir, 'billing.sqlite') });
    const target = new URL(server.url);
    // A stand-in for a faulty billing centre: the reference server's answers, with one kopeck added
    // to the first month's closing balance of every statement.
    proxy = http.createServer((request, response) => {
      const upstream = http.request(
        { host: target.hostname, port: target.port, path: request.url, method: request.method, headers: request.headers },
        (answer) => {
          const chunks: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => chunks.push(chunk));
          answer.on('end', () => {
            let body = Buffer.concat(chunks);
            if (request.url?.startsWith('/api/v1/account/statement') && answer.statusCode === 200) {
              const statement = JSON.parse(body.toString('utf8')) as { months: Array<{ closingBalanceKopecks: number }> };
              statement.months[0]!.closingBalanceKopecks += 1;
              body = Buffer.from(JSON.stringify(statement));
            }
            const { 'transfer-encoding': _chunked, ...headers } = answer.headers;
            void _chunked;
            headers['content-length'] = String(body.length);
            response.writeHead(answer.statusCode ?? 502, headers);
            response.end(body);
          });
        },
      );
      request.pipe(upstream);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    broken = await startCoreFixture({ billing: { url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}` } });
  });

  afterAll(async () => {
    await broken?.close();
    await new Promise<void>((resolve) => proxy?.close(() => resolve()));
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses the statement and the current period with a clear message instead of wrong money', async () => {
    const login = await broken.core.dispatch('session.login', { accountNumber: DEMO.owesMoney.accountNumber, password: 'demo1234' });
    expect(login).toMatchObject({ ok: true });
    const message = { key: 'charges.errors.inconsistent' };
    for (const [method, input] of [
      ['charges.statement', { from: '2026-01', to: '2026-03' }],
      ['charges.current', {}],
    ] as const) {
      const result = await broken.core.dispatch(method, input);
      expect(result, method).toEqual({ ok: false, error: { code: 'billing-invalid-response', message } });
    }
    // The invoice does not depend on the statement: paying still works.
    expect((await broken.core.dispatch('payment.invoice', {})).ok).toBe(true);
  });
});
