// What a bill scanner typed, read as a bill of this utility. A 2D scanner in keyboard (HID) mode
// types the bill's GOST R 56042 payment QR ("ST00012|Name=…|PersonalAcc=…|PayeeINN=…|PersAcc=…");
// a 1D scanner types the account number alone. The payee's INN and settlement account must be this
// utility's: a neighbour's gas bill must not open anyone's account here.
import type { Payee } from '../../core/billing/billing-wire';

export type BillScan =
  | { ok: true; accountNumber: string }
  /** `foreign`: a payment QR of another payee; `unreadable`: neither a payment QR nor an account number. */
  | { ok: false; reason: 'foreign' | 'unreadable' };

// A scanner types key by key in the layout the kiosk's keyboard is set to; with a Russian layout
// the Latin field names arrive as the Cyrillic letters on the same keys («PersAcc» → «ЗукыФсс»).
// Digits, «=» and the separator's key are typed alike, so only the names need mapping back.
const RUSSIAN_KEYS = 'йцукенгшщзфывапролдячсмитьЙЦУКЕНГШЩЗФЫВАПРОЛДЯЧСМИТЬ';
const LATIN_KEYS = 'qwertyuiopasdfghjklzxcvbnmQWERTYUIOPASDFGHJKLZXCVBNM';

function onLatinKeys(text: string): string {
  return text.replace(/[а-яА-Я]/g, (letter) => {
    const at = RUSSIAN_KEYS.indexOf(letter);
    return at >= 0 ? (LATIN_KEYS[at] ?? letter) : letter;
  });
}

/** The fields of a GOST R 56042 payload; null when the text is not one. */
export function paymentQrFields(text: string): Map<string, string> | null {
  // "ST0001" + the encoding digit (1 CP1251, 2 UTF-8, 3 KOI8-R) + the separator the payer chose.
  const header = /^(ST|ЫЕ)0001[123](.)/i.exec(text);
  if (!header) return null;
  const separator = header[2] as string;
  const fields = new Map<string, string>();
  for (const part of text.slice(header[0].length).split(separator)) {
    const equals = part.indexOf('=');
    if (equals <= 0) continue;
    fields.set(onLatinKeys(part.slice(0, equals)).toLowerCase(), part.slice(equals + 1).trim());
  }
  return fields;
}

export function readBillScan(scanned: string, payee: Pick<Payee, 'inn' | 'settlementAccount'>): BillScan {
  const text = scanned.replace(/[\r\n]+$/, '').trim();
  if (/^\d{9}$/.test(text)) return { ok: true, accountNumber: text };
  const fields = paymentQrFields(text);
  if (!fields) return { ok: false, reason: 'unreadable' };
  if (fields.get('payeeinn') !== payee.inn || fields.get('personalacc') !== payee.settlementAccount) {
    return { ok: false, reason: 'foreign' };
  }
  const accountNumber = fields.get('persacc') ?? '';
  return /^\d{9}$/.test(accountNumber) ? { ok: true, accountNumber } : { ok: false, reason: 'unreadable' };
}
