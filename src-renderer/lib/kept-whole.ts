// Numbers and terms a line must never break inside, found in a text as it is shown (the billing
// centre's announcements and payment places, a message with a number in it): a phone number
// (8-800-250-52-80, +7 (347) 123-45-67), a registration or appeal number (П-20261201-000001),
// «№» with what it numbers, and «QR-код» in any case. A browser may break a line after any hyphen
// and at any space, so «8-800-250-52-» / «80» happened; the screen draws each of these unbroken.

export interface TextPart {
  text: string;
  /** Drawn on one line. */
  whole: boolean;
}

const HYPHEN = '[-\\u2011]';
const GAP = '[ \\u00a0]';
/** «№ 5», «No. 5»: the sign stays with what follows it. */
const NUMBER_SIGN = `(?:(?:№|No\\.)${GAP}?)`;
/** Digit groups joined by hyphens, maybe after a letter and a hyphen: 8-800-250-52-80, П-20261201-000001. */
const HYPHENATED = `(?:\\p{Lu}${HYPHEN})?\\d+(?:${HYPHEN}\\d+)+`;
/** A phone number with its country code: +7 (347) 123-45-67, +7 917 555 01 01. */
const INTERNATIONAL = `\\+\\d+(?:(?:${GAP}|${HYPHEN})(?:\\(\\d+\\)|\\d+))*`;
/** What «№» numbers when it is no hyphenated number: a meter's serial, a job number. */
const NUMBERED = `${NUMBER_SIGN}[\\p{L}\\p{N}]+`;
/** «QR-код», «по QR-коду». */
const QR_TERM = `QR${HYPHEN}\\p{L}+`;

const KEPT_WHOLE = new RegExp(`${NUMBER_SIGN}?(?:${INTERNATIONAL}|${HYPHENATED})(?![\\p{L}\\p{N}])|${NUMBERED}|${QR_TERM}`, 'gu');

/** The text cut into the parts to keep whole and the text between them, in order; joined they are the text. */
export function keptWholeParts(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let from = 0;
  for (const match of text.matchAll(KEPT_WHOLE)) {
    if (match.index > from) parts.push({ text: text.slice(from, match.index), whole: false });
    parts.push({ text: match[0], whole: true });
    from = match.index + match[0].length;
  }
  if (from < text.length) parts.push({ text: text.slice(from), whole: false });
  return parts;
}
