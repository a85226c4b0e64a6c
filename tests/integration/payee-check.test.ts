// A billing centre whose payee requisites fail their checks (the INN checksum, the account's
// control key against the BIC): the kiosk core makes no payment QR from them. The pay screen gets
// a plain refusal instead of a QR, the slip still prints but without a QR symbol and says why, the
// log has a warning, and the staff status flags it until requisites that pass come back.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startReferenceBillingServer, type ReferenceBillingServer } from '../../src-main/billing-server/reference-billing-server';
import { DEMO_PAYEE } from '../../src-main/billing-server/reference-content';
import type { KioskResult } from '../../src-main/core/api/contract';
import { hashSecret } from '../../src-main/core/security/secret-hash';
import type { KioskMethodName, KioskOutput } from '../../src-main/features/kiosk-methods';
import { DEMO } from '../support/demo-accounts';
import { startCoreFixture, type CoreFixture } from '../support/kiosk-core-fixture';
import { PrinterEmulator } from '../support/printer-emulator';

/** The training payee of before: an INN that fails its checksum and an account that fails the key. */
const BAD_PAYEE = { ...DEMO_PAYEE, inn: '0276000123', settlementAccount: '40702810406000012345' };

let dir: string;
let server: ReferenceBillingServer;
let emulator: PrinterEmulator;
let fixture: CoreFixture;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'payee-check-'));
  server = await startReferenceBillingServer({ dbFile: path.join(dir, 'billing.sqlite'), payee: BAD_PAYEE });
  emulator = new PrinterEmulator('epson');
  const printer = await emulator.start();
  fixture = await startCoreFixture({
    billing: { url: server.url },
    printer: { interface: printer, widthMm: 80, timeoutMs: 2000 },
    staff: [{ staffNumber: '2002', displayName: 'Иванова Е. П.', pinHash: hashSecret('246810', { N: 2 ** 10, r: 8, p: 1 }) }],
  });
});

afterAll(async () => {
  await fixture?.close();
  await emulator?.stop();
  await server?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function call<N extends KioskMethodName>(method: N, input: unknown = {}): Promise<KioskResult<KioskOutput<N>>> {
  return (await fixture.core.dispatch(method, input)) as KioskResult<KioskOutput<N>>;
}

async function value<N extends KioskMethodName>(method: N, input: unknown = {}): Promise<KioskOutput<N>> {
  const result = await call(method, input);
  if (!result.ok) throw new Error(`${method} refused: ${result.error.message.key}`);
  return result.value;
}

describe('a billing centre payee whose requisites fail their checks', () => {
  it('gives no QR on screen or paper, tells the customer why, logs a warning and flags it for staff', async () => {
    const warn = vi.spyOn(fixture.core.services.logger, 'warn');
    await value('staff.login', { staffNumber: '2002', pin: '246810' });
    expect((await value('staff.status')).payeeRequisitesRefused).toBeNull();
    await value('staff.logout');

    await value('session.login', { accountNumber: DEMO.owesMoney.accountNumber, password: DEMO.owesMoney.password });
    const invoice = await value('payment.invoice');
    expect(invoice.payee.inn).toBe(BAD_PAYEE.inn);

    // The screen: a refusal in the customer's words, and no QR.
    const qr = await call('payment.qr', { amountKopecks: invoice.amountDueKopecks });
    expect(qr).toMatchObject({ ok: false, error: { code: 'billing-invalid-response', message: { key: 'payeeCheck.refused' } } });
    expect(warn).toHaveBeenCalledWith(
      'payment QR withheld: the billing centre payee requisites fail their checks',
      expect.objectContaining({ use: 'pay-screen', problems: expect.arrayContaining(['INN 0276000123 fails its checksum']) }),
    );

    // The slip is still there to pay by its requisites, without a QR.
    const slip = await value('payment.slip', { amountKopecks: invoice.amountDueKopecks });
    expect(slip.qrPayload).toBeNull();
    const outcome = await value('print.document', { document: { type: 'payment-slip', amountKopecks: invoice.amountDueKopecks } });
    expect(outcome.status).not.toBe('failed');
    await expect.poll(() => emulator.printed().length).toBe(1);
    const printed = emulator.printed()[0];
    expect(printed?.qrPayloads).toEqual([]);
    expect(printed?.lines.join(' ').replace(/\s+/g, ' ')).toContain('QR-кода нет: реквизиты получателя платежа не прошли проверку.');
    await value('session.logout');

    // Staff see what failed and since when.
    await value('staff.login', { staffNumber: '2002', pin: '246810' });
    const status = await value('staff.status');
    expect(status.payeeRequisitesRefused).toMatchObject({
      problems: [
        'INN 0276000123 fails its checksum',
        'settlement account 40702810406000012345 fails the control key against BIC 048073601',
      ],
    });
    expect(Date.parse(status.payeeRequisitesRefused?.at ?? '')).not.toBeNaN();
    await value('staff.logout');
    warn.mockRestore();
  });
});
