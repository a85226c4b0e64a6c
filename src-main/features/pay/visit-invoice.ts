// The invoice of the customer's visit (core/session/visit-copy.ts). «Оплатить» fetches it when the
// screen opens; the QR code, the slip's preview and its printing a moment later use that copy
// instead of asking the billing centre again each (five GETs of the same invoice per slip before),
// and still print when the billing centre has gone away in between.
import type { Invoice } from '../../core/billing/billing-wire';
import type { KioskServices } from '../../core/kiosk-services';
import { VisitCopy } from '../../core/session/visit-copy';

/**
 * The invoice is the month's bill: it changes when the billing centre issues the next one, not
 * within a visit. A visit kept going this long by taps fetches it afresh.
 */
export const INVOICE_REUSE_MS = 10 * 60 * 1000;

/** One copy per kiosk core, shared by the pay screen's methods and the payment slip's printing. */
const perCore = new WeakMap<KioskServices, VisitCopy<Invoice>>();

export function visitInvoice(services: KioskServices): VisitCopy<Invoice> {
  let copy = perCore.get(services);
  if (!copy) {
    const { billing, billingLink } = services;
    copy = new VisitCopy<Invoice>(services.customerSession, services.clock, INVOICE_REUSE_MS, (visit) =>
      billingLink.call(() => billing.getInvoice(visit.billingToken)),
    );
    perCore.set(services, copy);
  }
  return copy;
}
