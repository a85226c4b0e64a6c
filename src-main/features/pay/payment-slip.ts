// From the billing centre's invoice to what the customer pays with: the amount they chose (checked
// against the kiosk's limits), the GOST R 56042-2014 QR payload for a banking app, the QR picture
// as SVG, and everything a printed payment slip (квитанция) shows.
import QRCode from 'qrcode';
import type { Invoice, Payee } from '../../core/billing/billing-wire';
import { buildPaymentQrPayload, type PayeeRequisites } from './payment-qr';

export function payeeRequisites(payee: Payee): PayeeRequisites {
  return {
    name: payee.name,
    personalAcc: payee.settlementAccount,
    bankName: payee.bankName,
    bic: payee.bic,
    correspAcc: payee.correspondentAccount,
    payeeInn: payee.inn,
    kpp: payee.kpp,
  };
}

/** The surname of a full name «Иванова Анна Петровна» (the standard's LastName), if it has one. */
function lastNameOf(fullName: string): string | undefined {
  const first = fullName.trim().split(/\s+/)[0];
  return first && first.length <= 60 ? first : undefined;
}

/** The QR text for paying `amountKopecks` against this invoice. */
export function paymentQrPayloadFor(invoice: Invoice, amountKopecks: number): string {
  const lastName = lastNameOf(invoice.payerName);
  return buildPaymentQrPayload(payeeRequisites(invoice.payee), {
    sumKopecks: amountKopecks,
    persAcc: invoice.accountNumber,
    period: invoice.billingPeriod,
    purpose: invoice.purpose,
    ...(lastName ? { lastName } : {}),
    ...(invoice.address.length <= 210 ? { payerAddress: invoice.address } : {}),
  });
}

/** The QR picture as an SVG document: error correction M, a quiet zone of two modules. */
export function paymentQrSvg(payload: string): Promise<string> {
  return QRCode.toString(payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

export interface PaymentSlip {
  /** The day the slip was made, `YYYY-MM-DD` in Ufa. */
  date: string;
  payee: Payee;
  accountNumber: string;
  payerName: string;
  address: string;
  billingPeriod: string;
  /** What the customer chose to pay. */
  amountKopecks: number;
  /** What the bill asks for (zero when nothing is due). */
  amountDueKopecks: number;
  previousBalanceKopecks: number;
  breakdown: Array<{ label: string; amountKopecks: number }>;
  paymentDueBy: string;
  purpose: string;
  /** The GOST R 56042-2014 text to print as a QR code. */
  qrPayload: string;
}

export function buildPaymentSlip(invoice: Invoice, amountKopecks: number, date: string): PaymentSlip {
  return {
    date,
    payee: { ...invoice.payee },
    accountNumber: invoice.accountNumber,
    payerName: invoice.payerName,
    address: invoice.address,
    billingPeriod: invoice.billingPeriod,
    amountKopecks,
    amountDueKopecks: invoice.amountDueKopecks,
    previousBalanceKopecks: invoice.previousBalanceKopecks,
    breakdown: invoice.breakdown.map((line) => ({ ...line })),
    paymentDueBy: invoice.paymentDueBy,
    purpose: invoice.purpose,
    qrPayload: paymentQrPayloadFor(invoice, amountKopecks),
  };
}
