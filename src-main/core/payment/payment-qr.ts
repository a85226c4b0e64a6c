// The payment QR code of GOST R 56042-2014 ("ST00012|Name=…|PersonalAcc=…"), which every Russian
// banking app reads: required fields first in the standard's order, then the optional ones, with a
// separator that does not occur in any value.
export interface PayeeRequisites {
  /** Payee name, ≤160 characters. */
  name: string;
  /** Payee's settlement account, 20 digits. */
  personalAcc: string;
  /** Bank name, ≤45 characters. */
  bankName: string;
  /** Bank identification code, 9 digits. */
  bic: string;
  /** Correspondent account, ≤20 digits. */
  correspAcc: string;
  /** Taxpayer number, ≤12 digits. */
  payeeInn: string;
  /** Tax registration reason code, ≤9 digits. */
  kpp: string;
}

export interface PaymentDetails {
  /** Amount in kopecks; written as digits only. */
  sumKopecks: number;
  /** The customer's personal account (лицевой счёт). */
  persAcc: string;
  /** Billing period `YYYY-MM`, written as `MM.YYYY`. */
  period: string;
  purpose: string;
  lastName?: string;
  payerAddress?: string;
}

/** Separators the standard allows, in order of preference. */
const SEPARATORS = ['|', ';', ':', '#', '$', '%', '^', '~', '`', '!', '@', '&', '*', '+', '=', '<', '>', '?', '/'];

const LIMITS: Record<string, number> = {
  Name: 160,
  PersonalAcc: 20,
  BankName: 45,
  BIC: 9,
  CorrespAcc: 20,
  KPP: 9,
  PayeeINN: 12,
  Purpose: 210,
  Sum: 18,
  PersAcc: 60,
  PaymPeriod: 7,
  LastName: 60,
  PayerAddress: 210,
  TechCode: 2,
};

export class PaymentQrError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PaymentQrError';
  }
}

export function buildPaymentQrPayload(payee: PayeeRequisites, payment: PaymentDetails): string {
  if (!Number.isInteger(payment.sumKopecks) || payment.sumKopecks <= 0)
    throw new PaymentQrError('Sum must be a positive whole number of kopecks');
  const [year, month] = payment.period.split('-');
  if (!year || !month) throw new PaymentQrError(`period must be YYYY-MM, got ${payment.period}`);
  // Sberbank's app expects exactly this order; it also satisfies the standard.
  const fields: Array<[string, string]> = [
    ['Name', payee.name],
    ['PersonalAcc', payee.personalAcc],
    ['BankName', payee.bankName],
    ['BIC', payee.bic],
    ['CorrespAcc', payee.correspAcc],
    ['KPP', payee.kpp],
    ['PayeeINN', payee.payeeInn],
    ['Purpose', payment.purpose],
    ['Sum', String(payment.sumKopecks)],
    ['PersAcc', payment.persAcc],
    ['PaymPeriod', `${month}.${year}`],
    ['TechCode', '02'],
  ];
  if (payment.lastName) fields.push(['LastName', payment.lastName]);
  if (payment.payerAddress) fields.push(['PayerAddress', payment.payerAddress]);

  for (const [key, value] of fields) {
    const clean = value.replace(/[\r\n\t]+/g, ' ').trim();
    if (clean.length === 0) throw new PaymentQrError(`${key} is empty`);
    if (clean.length > (LIMITS[key] ?? 210)) throw new PaymentQrError(`${key} is longer than ${LIMITS[key]} characters`);
  }
  checkDigits('PersonalAcc', payee.personalAcc, 20, 20);
  checkDigits('BIC', payee.bic, 9, 9);
  checkDigits('CorrespAcc', payee.correspAcc, 1, 20);
  checkDigits('PayeeINN', payee.payeeInn, 10, 12);
  checkDigits('KPP', payee.kpp, 9, 9);

  const text = fields.map(([, value]) => value).join('');
  const separator = SEPARATORS.find((candidate) => !text.includes(candidate));
  if (!separator) throw new PaymentQrError('no allowed separator is free of the values');
  // `2` = UTF-8, so Cyrillic names and addresses travel as they are.
  return ['ST00012', ...fields.map(([key, value]) => `${key}=${value.replace(/[\r\n\t]+/g, ' ').trim()}`)].join(separator);
}

function checkDigits(key: string, value: string, min: number, max: number): void {
  if (!/^\d+$/.test(value) || value.length < min || value.length > max) {
    throw new PaymentQrError(`${key} must be ${min === max ? min : `${min}–${max}`} digits`);
  }
}

/** Reads a payload back into its fields (for tests and the staff test page). */
export function parsePaymentQrPayload(payload: string): { header: string; separator: string; fields: Array<[string, string]> } {
  const header = payload.slice(0, 7);
  const separator = payload.charAt(7);
  const fields = payload
    .slice(8)
    .split(separator)
    .map((pair): [string, string] => {
      const at = pair.indexOf('=');
      return [pair.slice(0, at), pair.slice(at + 1)];
    });
  return { header, separator, fields };
}
