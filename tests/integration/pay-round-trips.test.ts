// What one payment slip costs the billing centre, counted where it arrives: the real kiosk core
// against the real reference billing server, with the counting forwarder between them. Opening
// «Оплатить» fetches the invoice once (with the balance); the QR code, the slip, its preview and
// its printing use that copy (for INVOICE_REUSE_MS, in the same visit only), so the slip still
// prints when the billing centre has gone away in between.
import { afterEach, describe, expect, it } from 'vitest';
import type { KioskOutput } from '../../src-main/features/kiosk-methods';
import type { KioskCore } from '../../src-main/core/kiosk-core';
import { INVOICE_REUSE_MS } from '../../src-main/features/pay/visit-invoice';
import { startForwardedVisit, value, type ForwardedVisit } from '../support/forwarded-visit';
import { DEMO } from '../support/demo-accounts';

const NOW = Date.parse('2026-11-20T10:00:00+05:00');
const INVOICE_GET = /^\/api\/v1\/account\/invoice$/;
const AMOUNT = 123_456;

const visits: ForwardedVisit[] = [];
afterEach(async () => {
  for (const visit of visits.splice(0).reverse()) await visit.close();
});

async function startVisit() {
  const visit = await startForwardedVisit(NOW, 'pay-trips-');
  visits.push(visit);
  return {
    ...visit,
    invoicesFetched: () => visit.forwarder.count('GET', INVOICE_GET),
  };
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
    const before = visit.forwarder.requests.length;
    const invoice = value<KioskOutput<'payment.invoice'>>(await visit.core.dispatch('payment.invoice', {}));
    expect(invoice.accountNumber).toBe(DEMO.owesMoney.accountNumber);
    const { qr, printed } = await slipSteps(visit.core);
    expect(qr.payload).toContain(`PersAcc=${DEMO.owesMoney.accountNumber}`);
    expect(printed).toMatchObject({ status: 'printed' });
    // The invoice and the balance when the screen opened (and the offices and places to pay, which
    // the terminal fetches once and keeps): nothing after.
    expect(visit.forwarder.requests.slice(before).map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /api/v1/account/invoice',
      'GET /api/v1/account/summary',
      'GET /api/v1/reference',
    ]);

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
