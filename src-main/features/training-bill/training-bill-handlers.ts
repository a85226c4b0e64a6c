// The demo bills of training mode, for staff: the list of fixed demo accounts, one account's last
// bill with its payment QR (the payload the pay feature builds for a bank app), and printing it.
// Outside training mode there are no demo bills and every method is refused.
import { KioskFailure } from '../../core/api/contract';
import type { KioskServices } from '../../core/kiosk-services';
import { message } from '../../core/messages/messages';
import { receiptContext } from '../../core/printing/document-parts';
import type { KioskHandlers } from '../kiosk-methods';
import { payeeFitForQr } from '../pay/payee-check';
import { paymentQrPayloadFor, paymentQrSvg } from '../pay/payment-slip';
import { trainingBillReceipt, type TrainingBill } from './training-bill-receipt';
import type { TrainingDemoBill } from './training-demo-bill';

type TrainingBillHandlers = Pick<KioskHandlers, 'trainingBill.accounts' | 'trainingBill.show' | 'trainingBill.print'>;

async function billView(services: KioskServices, { invoice, demoName, billCode, activationCode }: TrainingDemoBill): Promise<TrainingBill> {
  // The QR asks for the amount due; with nothing due there is nothing to pay and no QR. Nor is there
  // one when the payee's requisites fail their checks: a bank app would refuse it.
  const payeeRefused = invoice.amountDueKopecks > 0 && !payeeFitForQr(services, invoice.payee, 'training-bill', invoice.accountNumber);
  const payload = invoice.amountDueKopecks > 0 && !payeeRefused ? paymentQrPayloadFor(invoice, invoice.amountDueKopecks) : null;
  return {
    accountNumber: invoice.accountNumber,
    demoName,
    billingPeriod: invoice.billingPeriod,
    payee: invoice.payee,
    holderName: invoice.payerName,
    address: invoice.address,
    amountDueKopecks: invoice.amountDueKopecks,
    previousBalanceKopecks: invoice.previousBalanceKopecks,
    breakdown: invoice.breakdown,
    paymentDueBy: invoice.paymentDueBy,
    billCode,
    activationCode,
    qr: payload === null ? null : { payload, svg: await paymentQrSvg(payload) },
    payeeRefused,
  };
}

export function createTrainingBillHandlers(services: KioskServices): TrainingBillHandlers {
  const { staffDesk, printing, config, clock } = services;

  const demoBills = (): TrainingDemoBill[] => {
    staffDesk.require();
    if (!services.trainingDemoBills) throw new KioskFailure({ code: 'not-found', message: message('trainingBill.errors.trainingOnly') });
    return services.trainingDemoBills();
  };
  const demoBill = (accountNumber: string): TrainingDemoBill => {
    const bill = demoBills().find((candidate) => candidate.invoice.accountNumber === accountNumber);
    if (!bill) throw new KioskFailure({ code: 'not-found', message: message('trainingBill.errors.notDemoAccount') });
    return bill;
  };

  return {
    async 'trainingBill.accounts'() {
      return {
        accounts: demoBills().map(({ invoice, demoName, billCode, activationCode }) => ({
          accountNumber: invoice.accountNumber,
          demoName,
          holderName: invoice.payerName,
          amountDueKopecks: invoice.amountDueKopecks,
          billCode,
          registered: activationCode === null,
        })),
      };
    },

    async 'trainingBill.show'({ accountNumber }) {
      return billView(services, demoBill(accountNumber));
    },

    async 'trainingBill.print'({ accountNumber }) {
      const bill = await billView(services, demoBill(accountNumber));
      const printed = await printing.print(trainingBillReceipt(bill, receiptContext(config, clock)), { accountNumber, sessionId: null });
      staffDesk.audit({ action: 'training-bill.print', jobId: printed.jobId, status: printed.status }, accountNumber);
      return { jobId: printed.jobId, status: printed.status, printerState: printed.printerState, message: printed.message };
    },
  };
}
