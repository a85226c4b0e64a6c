// «Напечатать квитанцию»: the payment slip for the amount chosen, from the billing centre's invoice.
import { KioskFailure } from '../../core/api/contract';
import type { KioskServices } from '../../core/kiosk-services';
import { receiptContext } from '../../core/printing/document-parts';
import { ufaDate } from '../../core/time/calendar';
import type { DocumentReceiptBuilder } from '../feature';
import type { paymentSlipDocument } from './pay-contract';
import { message } from '../../core/messages/messages';
import { paymentAmountProblem } from './payment-amount';
import { buildPaymentSlip } from './payment-slip';
import { payeeFitForQr } from './payee-check';
import { paymentSlipReceipt } from './payment-slip-receipt';
import { visitInvoice } from './visit-invoice';
import type { z } from 'zod';

export function paymentSlipDocuments(services: KioskServices): Record<string, DocumentReceiptBuilder> {
  const { config, clock } = services;
  const invoices = visitInvoice(services);
  return {
    'payment-slip': async (input, session) => {
      const document = input as z.output<typeof paymentSlipDocument>;
      const problem = paymentAmountProblem(document.amountKopecks);
      if (problem) {
        throw new KioskFailure({
          code: 'invalid-input',
          message: message(problem),
          fields: { 'document.amountKopecks': message(problem) },
        });
      }
      const invoice = await invoices.reuseOrFetch(session);
      // Logs and flags a payee that fails its checks; the slip then prints without a QR code.
      payeeFitForQr(services, invoice.payee, 'payment-slip', invoice.accountNumber);
      return paymentSlipReceipt(buildPaymentSlip(invoice, document.amountKopecks, ufaDate(clock())), receiptContext(config, clock));
    },
  };
}
