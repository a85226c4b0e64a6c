// The invoice of the customer's visit (core/session/visit-copy.ts). «Оплатить» fetches it when the
// screen opens; the QR code, the slip's preview and its printing a moment later use that copy
// instead of asking the billing centre again each (five GETs of the same invoice per slip before),
// and still print when the billing centre has gone away in between.
import type { Invoice } from '../../core/billing/billing-wire';
import type { KioskServices } from '../../core/kiosk-services';
import type { CustomerSessionData } from '../../core/session/customer-session';
import { VisitCopy } from '../../core/session/visit-copy';

/**
 * The invoice is the month's bill: it changes when the billing centre issues the next one, not
 * within a visit. A visit kept going this long by taps fetches it afresh.
 */
export const INVOICE_REUSE_MS = 10 * 60 * 1000;

export interface VisitInvoice {
  /** A new answer of the billing centre: the screen opening. */
  fetch(session: CustomerSessionData): Promise<Invoice>;
  /** The visit's copy while recent: the steps after the screen opened. */
  reuseOrFetch(session: CustomerSessionData): Promise<Invoice>;
}

/** One copy per kiosk core, shared by the pay screen's methods and the payment slip's printing. */
const perCore = new WeakMap<KioskServices, VisitInvoice>();

export function visitInvoice(services: KioskServices): VisitInvoice {
  const existing = perCore.get(services);
  if (existing) return existing;
  const { billing, billingLink } = services;
  const copy = new VisitCopy<Invoice>(services.customerSession, services.clock, INVOICE_REUSE_MS);
  const request = (session: CustomerSessionData) => () => billingLink.call(() => billing.getInvoice(session.billingToken));
  const created: VisitInvoice = {
    fetch: (session) => copy.fetch(session, request(session)),
    reuseOrFetch: (session) => copy.reuseOrFetch(session, request(session)),
  };
  perCore.set(services, created);
  return created;
}
