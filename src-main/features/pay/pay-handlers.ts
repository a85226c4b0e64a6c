// «Оплатить»: reads only. The invoice with the offices and places to pay; a QR code and a slip for
// the amount the customer chose.
import { readReferenceData } from '../../core/reference/reference-data';
import { KioskFailure } from '../../core/api/contract';
import { message } from '../../core/messages/messages';
import type { KioskHandlers } from '../kiosk-methods';
import type { KioskServices } from '../../core/kiosk-services';
import type { Invoice, ReferenceData } from '../../core/billing/billing-wire';
import { PaymentQrError, paymentQrPayloadProblems } from '../pay/payment-qr';
import { MAX_PAYMENT_KOPECKS, paymentAmountProblem } from '../pay/payment-amount';
import { buildPaymentSlip, paymentQrPayloadFor, paymentQrSvg } from '../pay/payment-slip';
import { payeeFitForQr } from '../pay/payee-check';
import { ufaDate } from '../../core/time/calendar';
import { visitInvoice } from './visit-invoice';

type PayHandlers = Pick<KioskHandlers, 'payment.invoice' | 'payment.qr' | 'payment.slip'>;

export function createPayHandlers(services: KioskServices): PayHandlers {
  const { billing, billingLink, logger } = services;

  const invoices = visitInvoice(services);

  /** Offices and payment places; the page still works without them if the billing centre never answered. */
  const readPlaces = async (): Promise<{ reference: ReferenceData | null; fromCache: boolean }> => {
    try {
      const cached = await readReferenceData(services);
      return { reference: cached.value, fromCache: cached.fromCache };
    } catch (error) {
      logger.warn('reference data unavailable for the pay screen', { error });
      return { reference: null, fromCache: true };
    }
  };

  const checkAmount = (amountKopecks: number): void => {
    const problem = paymentAmountProblem(amountKopecks);
    if (problem) throw new KioskFailure({ code: 'invalid-input', message: message(problem), fields: { amountKopecks: message(problem) } });
  };

  const qrPayload = (invoice: Invoice, amountKopecks: number, accountNumber: string): string => {
    try {
      const payload = paymentQrPayloadFor(invoice, amountKopecks);
      const problems = paymentQrPayloadProblems(payload);
      if (problems.length > 0) throw new PaymentQrError(problems.join('; '));
      return payload;
    } catch (error) {
      if (!(error instanceof PaymentQrError)) throw error;
      // The billing centre's requisites break the standard: staff must know, the customer gets a way out.
      logger.error('payment QR refused the billing centre requisites', { accountNumber, problem: error.message });
      throw new KioskFailure({ code: 'billing-invalid-response', message: message('pay.errors.qrFailed') });
    }
  };

  return {
    async 'payment.invoice'() {
      const session = services.requireBillHolder();
      const [invoice, summary] = await Promise.all([
        invoices.fetch(session),
        billingLink.call(() => billing.getAccountSummary(session.billingToken)),
      ]);
      const { reference, fromCache } = await readPlaces();
      return {
        accountNumber: invoice.accountNumber,
        billingPeriod: invoice.billingPeriod,
        payerName: invoice.payerName,
        address: invoice.address,
        amountDueKopecks: invoice.amountDueKopecks,
        balanceKopecks: summary.balanceKopecks,
        previousBalanceKopecks: invoice.previousBalanceKopecks,
        breakdown: invoice.breakdown,
        paymentDueBy: invoice.paymentDueBy,
        payee: invoice.payee,
        purpose: invoice.purpose,
        maxAmountKopecks: MAX_PAYMENT_KOPECKS,
        offices: reference?.offices ?? [],
        paymentPlaces: reference?.paymentPlaces ?? [],
        placesFromCache: fromCache || !billingLink.online,
      };
    },

    async 'payment.qr'({ amountKopecks }) {
      const session = services.requireBillHolder();
      checkAmount(amountKopecks);
      const invoice = await invoices.reuseOrFetch(session);
      // Requisites a bank app would refuse: no QR at all, and the customer is told how else to pay.
      if (!payeeFitForQr(services, invoice.payee, 'pay-screen', session.accountNumber)) {
        throw new KioskFailure({ code: 'billing-invalid-response', message: message('payeeCheck.refused') });
      }
      const payload = qrPayload(invoice, amountKopecks, session.accountNumber);
      return { amountKopecks, payload, svg: await paymentQrSvg(payload) };
    },

    async 'payment.slip'({ amountKopecks }) {
      const session = services.requireBillHolder();
      checkAmount(amountKopecks);
      const invoice = await invoices.reuseOrFetch(session);
      // Built once to surface a QR refusal the same way as payment.qr does. With a payee that fails
      // its checks the slip is still made, without a QR, so the customer can pay by its requisites.
      if (payeeFitForQr(services, invoice.payee, 'payment-slip', session.accountNumber))
        qrPayload(invoice, amountKopecks, session.accountNumber);
      return buildPaymentSlip(invoice, amountKopecks, ufaDate(services.clock()));
    },
  };
}
