// The one way an account number is shown where a passer-by may read it: on every customer and staff
// screen and in the log, five dots and the last four digits («•••••0001»). The customer still gets
// the whole number on paper (slips, confirmations): a printed receipt and its QR code are for the bank.
// Node-free: the renderer masks with it too.

const HIDDEN_DIGITS = '•••••';
const SHOWN_DIGITS = 4;

/** `820000001` → `•••••0001`; a value of four characters or less is hidden whole. */
export function maskAccountNumber(accountNumber: string): string {
  return accountNumber.length <= SHOWN_DIGITS ? HIDDEN_DIGITS : HIDDEN_DIGITS + accountNumber.slice(-SHOWN_DIGITS);
}

/** The same mask from the last four digits alone (the staff audit log never receives the whole number). */
export function maskFromLastDigits(lastDigits: string): string {
  return HIDDEN_DIGITS + lastDigits.slice(-SHOWN_DIGITS);
}

/**
 * Masks one account number wherever it stands in a text meant for the screen: a payment purpose
 * («Оплата …, л/с 820000001, за 11.2026»), a receipt's preview. Other numbers (a KPP has nine
 * digits too) stay as they are. The mask is as long as the number, so columns stay aligned.
 */
export function maskAccountNumberIn(text: string, accountNumber: string): string {
  return accountNumber === '' ? text : text.replaceAll(accountNumber, maskAccountNumber(accountNumber));
}

/**
 * Masks every account number in free text for the log, whose account it is being unknown: a run of
 * exactly nine digits, the length of an account number, not part of a longer number.
 */
export function maskAccountNumbersIn(text: string): string {
  return text.replace(/(?<!\d)\d{9}(?!\d)/g, maskAccountNumber);
}
