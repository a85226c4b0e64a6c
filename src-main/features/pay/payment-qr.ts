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

const REQUIRED_FIELDS = ['Name', 'PersonalAcc', 'BankName', 'BIC', 'CorrespAcc'] as const;

const DIGIT_FIELDS: Record<string, [number, number]> = {
  PersonalAcc: [20, 20],
  BIC: [9, 9],
  CorrespAcc: [1, 20],
  PayeeINN: [10, 12],
  KPP: [9, 9],
  Sum: [1, 18],
};

/**
 * Every way a payload breaks GOST R 56042-2014 as the kiosk uses it (empty when it is good): the
 * header and encoding digit, a separator from the standard's list, the five required fields first
 * and in order, no field twice or empty, the length limits, digits-only fields, `PaymPeriod` as
 * MM.YYYY and `TechCode` as one of the standard's two-digit codes.
 */
export function paymentQrPayloadProblems(payload: string): string[] {
  const problems: string[] = [];
  if (!/^ST0001[123]/.test(payload)) problems.push('header is not ST0001 followed by 1, 2 or 3');
  const separator = payload.charAt(7);
  if (!SEPARATORS.includes(separator)) return [...problems, `"${separator}" is not one of the standard's separators`];
  const segments = payload.slice(8).split(separator);
  segments.forEach((segment, index) => {
    if (!segment.includes('=')) problems.push(`part ${index + 1} has no "=" (a value contains the separator?)`);
  });
  const { fields } = parsePaymentQrPayload(payload);
  const keys = fields.map(([key]) => key);
  REQUIRED_FIELDS.forEach((key, index) => {
    if (keys[index] !== key) problems.push(`field ${index + 1} is ${keys[index] ?? 'missing'}, the standard requires ${key}`);
  });
  const seen = new Set<string>();
  for (const [key, value] of fields) {
    if (!/^[A-Za-z]+$/.test(key)) problems.push(`"${key}" is not a field name`);
    if (seen.has(key)) problems.push(`${key} appears twice`);
    seen.add(key);
    if (value.length === 0) problems.push(`${key} is empty`);
    if (/[\r\n]/.test(value)) problems.push(`${key} contains a line break`);
    const limit = LIMITS[key];
    if (limit !== undefined && value.length > limit) problems.push(`${key} is longer than ${limit} characters`);
    const digits = DIGIT_FIELDS[key];
    if (digits && (!/^\d+$/.test(value) || value.length < digits[0] || value.length > digits[1])) {
      problems.push(`${key} must be ${digits[0] === digits[1] ? digits[0] : `${digits[0]}–${digits[1]}`} digits`);
    }
    if (key === 'PaymPeriod' && !/^(0[1-9]|1[0-2])\.\d{4}$/.test(value)) problems.push('PaymPeriod is not MM.YYYY');
    if (key === 'TechCode' && !/^(0[1-9]|1[0-5])$/.test(value)) problems.push('TechCode is not a code from 01 to 15');
  }
  return problems;
}
