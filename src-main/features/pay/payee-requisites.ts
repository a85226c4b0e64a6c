// Checks of a payee's bank requisites, as a bank app checks them before it pays: a QR code whose
// account fails the Bank of Russia control key, or whose INN fails its checksum, is refused by the
// customer's bank, so the kiosk checks the billing centre's requisites itself and shows no such QR.
import type { Payee } from '../../core/billing/billing-wire';

/** The Bank of Russia's weights for the account control key, repeated over 23 digits. */
const ACCOUNT_KEY_WEIGHTS = [7, 1, 3];

/**
 * The Bank of Russia control key: 3 digits tied to the bank, then the 20-digit account; the sum of
 * each digit times 7, 1, 3, 7, 1, 3, … must end in 0.
 */
function accountKeyHolds(bankDigits: string, account: string): boolean {
  const digits = bankDigits + account;
  let sum = 0;
  for (let index = 0; index < digits.length; index++) sum += Number(digits[index]) * ACCOUNT_KEY_WEIGHTS[index % 3]!;
  return sum % 10 === 0;
}

/** A BIC of the Russian Federation: 9 digits beginning with the country code 04. */
export function bicIsValid(bic: string): boolean {
  return /^04\d{7}$/.test(bic);
}

/** A settlement account at a credit organisation: its key is taken with the BIC's last three digits. */
export function settlementAccountIsValid(account: string, bic: string): boolean {
  return bicIsValid(bic) && /^\d{20}$/.test(account) && accountKeyHolds(bic.slice(-3), account);
}

/** A bank's correspondent account at the Bank of Russia: its key is taken with "0" and the BIC's digits 5–6. */
export function correspondentAccountIsValid(account: string, bic: string): boolean {
  return bicIsValid(bic) && /^\d{20}$/.test(account) && accountKeyHolds(`0${bic.slice(4, 6)}`, account);
}

/** One INN control digit: the weighted sum modulo 11, then modulo 10. */
function innControlDigit(digits: string, weights: number[]): number {
  const sum = weights.reduce((total, weight, index) => total + weight * Number(digits[index]), 0);
  return (sum % 11) % 10;
}

/** An INN: 10 digits with one control digit (an organisation) or 12 with two (a person). */
export function innIsValid(inn: string): boolean {
  if (/^\d{10}$/.test(inn)) return innControlDigit(inn, [2, 4, 10, 3, 5, 9, 4, 6, 8]) === Number(inn[9]);
  if (/^\d{12}$/.test(inn)) {
    return (
      innControlDigit(inn, [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) === Number(inn[10]) &&
      innControlDigit(inn, [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) === Number(inn[11])
    );
  }
  return false;
}

/** A KPP: tax office (4 digits), reason (2 digits or capital Latin letters), number (3 digits). */
export function kppIsValid(kpp: string): boolean {
  return /^\d{4}[\dA-Z]{2}\d{3}$/.test(kpp);
}

/** Everything wrong with a payee's requisites, in words for the log and staff (empty when they pass). */
export function payeeRequisitesProblems(payee: Payee): string[] {
  const problems: string[] = [];
  if (!bicIsValid(payee.bic)) problems.push(`BIC ${payee.bic} is not 9 digits beginning with 04`);
  if (!innIsValid(payee.inn)) problems.push(`INN ${payee.inn} fails its checksum`);
  if (!kppIsValid(payee.kpp)) problems.push(`KPP ${payee.kpp} is not in the KPP format`);
  if (!settlementAccountIsValid(payee.settlementAccount, payee.bic)) {
    problems.push(`settlement account ${payee.settlementAccount} fails the control key against BIC ${payee.bic}`);
  }
  if (!correspondentAccountIsValid(payee.correspondentAccount, payee.bic)) {
    problems.push(`correspondent account ${payee.correspondentAccount} fails the control key against BIC ${payee.bic}`);
  }
  return problems;
}
