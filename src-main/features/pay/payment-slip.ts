// From the billing centre's invoice to what the customer pays with: the amount they chose (checked
// against the kiosk's limits), the GOST R 56042-2014 QR payload for a banking app, the QR picture
// as SVG, and everything a printed payment slip (квитанция) shows.
import QRCode, { type QRCodeSegment } from 'qrcode';
import type { Invoice, Payee } from '../../core/billing/billing-wire';
import { qrPayloadBytes } from '../../core/printing/qr-fit';
import { buildPaymentQrPayload, PaymentQrError, type PayeeRequisites } from './payment-qr';
import { payeeRequisitesProblems } from './payee-requisites';

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

/**
 * The QR text for paying `amountKopecks` against this invoice. Refused when the payee's requisites
 * fail their checks: a bank app refuses such a code, so none is ever made (callers check first with
 * `payeeFitForQr` to tell the customer and staff).
 */
export function paymentQrPayloadFor(invoice: Invoice, amountKopecks: number): string {
  const problems = payeeRequisitesProblems(invoice.payee);
  if (problems.length > 0) throw new PaymentQrError(`payee requisites fail their checks: ${problems.join('; ')}`);
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

/**
 * The payload as the QR symbol stores it: one byte-mode segment of its bytes (UTF-8 for the
 * kiosk's `ST00012`), exactly what the printer stores. Left to itself `qrcode` splits the text into
 * many segments and puts Cyrillic into Kanji mode (JIS X 0208 has Cyrillic), so a scanner reads «за»
 * as «郱訄». `qrcode` cannot write an ECI header; the GOST header's `2` declares UTF-8 instead, and a
 * single byte segment of valid UTF-8 is what scanners read as UTF-8.
 */
export function paymentQrSegments(payload: string): QRCodeSegment[] {
  return [{ data: qrPayloadBytes(payload), mode: 'byte' }];
}

/** Error correction M, GOST R 56042's usual level and the printer's. */
export const PAYMENT_QR_ERROR_CORRECTION = 'M';

/**
 * The QR picture for the screen as an SVG document, with a quiet zone of two modules. Every screen
 * that shows a payment QR (pay, training bill) draws it with this function.
 */
export function paymentQrSvg(payload: string): Promise<string> {
  return QRCode.toString(paymentQrSegments(payload), { type: 'svg', errorCorrectionLevel: PAYMENT_QR_ERROR_CORRECTION, margin: 2 });
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
  /** The GOST R 56042-2014 text to print as a QR code; null when the payee's requisites failed their checks. */
  qrPayload: string | null;
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
    qrPayload: payeeRequisitesProblems(invoice.payee).length === 0 ? paymentQrPayloadFor(invoice, amountKopecks) : null,
  };
}
