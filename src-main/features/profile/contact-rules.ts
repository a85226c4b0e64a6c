// Contacts a customer gives at the kiosk: e-mail checked with zod's e-mail rule, phone numbers
// typed on the keypad normalised to +7XXXXXXXXXX, and both masked for a screen that passers-by
// can read (`i***a@example.ru`, `+7 917 ***-**-01`).
import { z } from 'zod';

export const EMAIL_MAX_LENGTH = 100;

const emailSchema = z.email().max(EMAIL_MAX_LENGTH);

/** The e-mail as it will be stored (trimmed, domain in lower case), or null when it is not a valid address. */
export function normalizeEmail(input: string): string | null {
  const trimmed = input.trim();
  const at = trimmed.lastIndexOf('@');
  const candidate = at > 0 ? `${trimmed.slice(0, at)}@${trimmed.slice(at + 1).toLowerCase()}` : trimmed;
  return emailSchema.safeParse(candidate).success ? candidate : null;
}

/** Ten national digits of a Russian number from what was typed: 10 digits, or 11 starting with 7 or 8. */
function nationalDigits(input: string): string | null {
  const digits = input.replace(/[\s()+-]/g, '');
  if (!/^\d+$/.test(digits)) return null;
  if (digits.length === 10) return digits;
  if (digits.length === 11 && (digits.startsWith('7') || digits.startsWith('8'))) return digits.slice(1);
  return null;
}

/**
 * A Russian mobile number (+7 9XX XXX-XX-XX) as `+79XXXXXXXXX`, or null. Used for the profile's
 * «Сотовый телефон», where the utility may send SMS.
 */
export function normalizeMobilePhone(input: string): string | null {
  const national = nationalDigits(input);
  return national && national.startsWith('9') ? `+7${national}` : null;
}

/**
 * A Russian number to call back as `+7XXXXXXXXXX`: mobile (9XX) or a geographic code (3XX, 4XX,
 * 8XX such as Ufa's 347), since an answer to an appeal may come by a call to a home phone.
 */
export function normalizeCallbackPhone(input: string): string | null {
  const national = nationalDigits(input);
  return national && /^[3489]/.test(national) ? `+7${national}` : null;
}

/** `+79175550101` → `+7 917 555-01-01`. */
export function formatPhone(phone: string): string {
  const match = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(phone);
  return match ? `+7 ${match[1]} ${match[2]}-${match[3]}-${match[4]}` : phone;
}

/** `+79175550101` → `+7 917 ***-**-01`: enough for the owner to recognise, too little for a passer-by. */
export function maskPhone(phone: string): string {
  const match = /^\+7(\d{3})\d{5}(\d{2})$/.exec(phone);
  if (match) return `+7 ${match[1]} ***-**-${match[2]}`;
  const digits = phone.replace(/\D/g, '');
  return digits.length >= 2 ? `***${digits.slice(-2)}` : '***';
}

/** `ivanova@example.ru` → `i***a@example.ru`. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  const local = email.slice(0, at);
  const first = local[0] ?? '';
  const last = local.length > 1 ? local[local.length - 1] : '';
  return `${first}***${last}${email.slice(at)}`;
}
