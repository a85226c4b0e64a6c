// What one payment slip costs the billing centre, counted where it arrives: the real kiosk core
// against the real reference billing server, with the counting forwarder between them. Opening
// «Оплатить» fetches the invoice once (with the balance); the QR code, the slip, its preview and
// its printing use that copy (for INVOICE_REUSE_MS, in the same visit only), so the slip still
// prints when the billing centre has gone away in between.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { KioskResult } from '../../src-main/core/api/contract';
import type { KioskOutput } from '../../src-main/features/kiosk-methods';
import { parseKioskConfig } from '../../src-main/core/config/kiosk-config';
import { startKioskCore, type KioskCore } from '../../src-main/core/kiosk-core';
import { INVOICE_REUSE_MS } from '../../src-main/features/pay/visit-invoice';
import { startReferenceBillingServer } from '../../src-main/billing-server/reference-billing-server';
import { BillingForwarder } from '../support/billing-forwarder';
import { DEMO } from '../support/demo-accounts';

const NOW = Date.parse('2026-11-20T10:00:00+05:00');
const INVOICE_GET = /^\/api\/v1\/account\/invoice$/;
const AMOUNT = 123_456;

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startVisit() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pay-trips-'));
  cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
  const server = await startReferenceBillingServer({ dbFile: path.join(dir, 'billing.sqlite'), now: () => NOW });
  let serverOpen = true;
  cleanups.push(async () => {
    if (serverOpen) await server.close();
  });
  const proxy = new BillingForwarder({ dropReadings: false });
  const url = await proxy.start(server.url);
  cleanups.push(() => proxy.close());
  let terminalNow = NOW;
  const core = await startKioskCore({
    config: parseKioskConfig({ billing: { url, timeoutMs: 1000 }, ui: { idleTimeoutSeconds: 600 } }),
    dataDir: dir,
    clock: () => terminalNow,
  });
  cleanups.push(() => core.close());
  return {
    core,
    advance: (ms: number) => (terminalNow += ms),
    invoicesFetched: () => proxy.count('GET', INVOICE_GET),
    requests: () => proxy.requests,
    stopBilling: async () => {
      serverOpen = false;
      await server.close();
    },
  };
}

function value<T>(result: KioskResult<unknown>): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value as T;
}

async function slipSteps(core: KioskCore): Promise<{ qr: KioskOutput<'payment.qr'>; printed: KioskOutput<'print.document'> }> {
  const document = { type: 'payment-slip', amountKopecks: AMOUNT };
  const qr = value<KioskOutput<'payment.qr'>>(await core.dispatch('payment.qr', { amountKopecks: AMOUNT }));
  value(await core.dispatch('payment.slip', { amountKopecks: AMOUNT }));
  value(await core.dispatch('print.preview', { document }));
  const printed = value<KioskOutput<'print.document'>>(await core.dispatch('print.document', { document }));
  return { qr, printed };
}

describe('one payment slip, counted at the billing centre', () => {
  it('the invoice is fetched when «Оплатить» opens, and the QR code, slip, preview and print reuse it', async () => {
    const visit = await startVisit();
    value(await visit.core.dispatch('session.login', { accountNumber: DEMO.owesMoney.accountNumber, password: DEMO.owesMoney.password }));
    const before = visit.requests().length;
    const invoice = value<KioskOutput<'payment.invoice'>>(await visit.core.dispatch('payment.invoice', {}));
    expect(invoice.accountNumber).toBe(DEMO.owesMoney.accountNumber);
    const { qr, printed } = await slipSteps(visit.core);
    expect(qr.payload).toContain(`PersAcc=${DEMO.owesMoney.accountNumber}`);
    expect(printed).toMatchObject({ status: 'printed' });
    // The invoice and the balance when the screen opened (and the offices and places to pay, which
    // the terminal fetches once and keeps): nothing after.
    expect(
      visit
        .requests()
        .slice(before)
        .map((request) => `${request.method} ${request.path}`),
    ).toEqual(['GET /api/v1/account/invoice', 'GET /api/v1/account/summary', 'GET /api/v1/reference']);

    // Opening the screen again asks again; so does a visit kept going past INVOICE_REUSE_MS.
    value(await visit.core.dispatch('payment.invoice', {}));
    expect(visit.invoicesFetched()).toBe(2);
    visit.advance(INVOICE_REUSE_MS);
    value(await visit.core.dispatch('payment.qr', { amountKopecks: AMOUNT }));
    expect(visit.invoicesFetched()).toBe(3);
  });

  it('prints the slip from the visit’s copy when the billing centre goes away after the screen opened', async () => {
    const visit = await startVisit();
    value(await visit.core.dispatch('session.login', { accountNumber: DEMO.owesMoney.accountNumber, password: DEMO.owesMoney.password }));
    value(await visit.core.dispatch('payment.invoice', {}));
    await visit.stopBilling();
    visit.advance(INVOICE_REUSE_MS);
    const { printed } = await slipSteps(visit.core);
    expect(printed).toMatchObject({ status: 'printed' });
  });

  it('the next visit fetches its own invoice', async () => {
    const visit = await startVisit();
    value(await visit.core.dispatch('session.login', { accountNumber: DEMO.owesMoney.accountNumber, password: DEMO.owesMoney.password }));
    value(await visit.core.dispatch('payment.invoice', {}));
    value(await visit.core.dispatch('session.logout', {}));
    value(await visit.core.dispatch('session.login', { accountNumber: DEMO.owesMoney.accountNumber, password: DEMO.owesMoney.password }));
    value(await visit.core.dispatch('payment.qr', { amountKopecks: AMOUNT }));
    expect(visit.invoicesFetched()).toBe(2);
  });
});
