// Text a thermal printer's Cyrillic code page can print, so that nothing ever comes out as "?".
// iconv-lite (and node-thermal-printer, which encodes with it) turns a character the code page
// lacks into 0x3F; «м³» then prints as «м?». Every character is therefore checked against the code
// page and, if missing, replaced by the nearest plain spelling (³ → 3, ₽ → руб., « → ") or, for
// what has none (emoji), left out. Without a code page the text is made printable in both CP866
// and WPC1251, so one layout reads the same on screen and on either printer.
import iconv from 'iconv-lite';

export type CodePage = 'cp866' | 'wpc1251';

const ICONV_NAMES: Record<CodePage, string> = { cp866: 'cp866', wpc1251: 'win1251' };

/** Preferred spellings, best first, for characters a code page may lack; the first one it has wins. */
const SUBSTITUTES: Record<string, readonly string[]> = {
  '«': ['"'],
  '»': ['"'],
  '„': ['"'],
  '“': ['"'],
  '”': ['"'],
  '‟': ['"'],
  '″': ['"'],
  '‹': ["'"],
  '›': ["'"],
  '‘': ["'"],
  '’': ["'"],
  '‚': ["'"],
  '‛': ["'"],
  '′': ["'"],
  '—': ['-'],
  '–': ['-'],
  '‒': ['-'],
  '―': ['-'],
  '‐': ['-'],
  '‑': ['-'],
  '−': ['-'],
  '…': ['...'],
  '₽': ['руб.'],
  '€': ['EUR'],
  '№': ['N'],
  '×': ['x'],
  '÷': [':'],
  '•': ['·', '*'],
  '⁄': ['/'],
  // Bashkir letters: the Russian letter a Russian-speaking reader expects in their place.
  Ә: ['А'],
  ә: ['а'],
  Ө: ['О'],
  ө: ['о'],
  Ү: ['У'],
  ү: ['у'],
  Ғ: ['Г'],
  ғ: ['г'],
  Ҡ: ['К'],
  ҡ: ['к'],
  Ң: ['Н'],
  ң: ['н'],
  Ҙ: ['З'],
  ҙ: ['з'],
  Ҫ: ['С'],
  ҫ: ['с'],
  Һ: ['Х'],
  һ: ['х'],
};

/** Spaces of every width become a plain space (wrapping and column counts rely on it). */
const SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\r]/u;
/** Invisible characters (soft hyphen, zero-width, direction marks, BOM): never printed. */
const INVISIBLE = /[\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/u;

/** Control bytes other than the newline would be printer commands: never printed. */
function isControl(character: string): boolean {
  const code = character.codePointAt(0) ?? 0;
  return character !== '\n' && (code < 0x20 || (code >= 0x7f && code <= 0x9f));
}

const pageCache = new Map<string, boolean>();

/** Whether the code page has this character (printable ASCII and the newline are in every one). */
function inCodePage(character: string, codePage: CodePage): boolean {
  if (/^[\x20-\x7e\n]$/.test(character)) return true;
  const key = `${codePage}:${character}`;
  let known = pageCache.get(key);
  if (known === undefined) {
    const name = ICONV_NAMES[codePage];
    known = iconv.decode(iconv.encode(character, name), name) === character;
    pageCache.set(key, known);
  }
  return known;
}

function printableIn(character: string, codePages: readonly CodePage[]): boolean {
  return codePages.every((codePage) => inCodePage(character, codePage));
}

/**
 * `value` with every character the code page can print; others are spelled plainly (see
 * SUBSTITUTES, then the Unicode compatibility form without accents: ³ → 3, é → e) or left out.
 * Without a code page: printable in both CP866 and WPC1251.
 */
export function printableText(value: string, codePage?: CodePage): string {
  const codePages: readonly CodePage[] = codePage ? [codePage] : ['cp866', 'wpc1251'];
  let result = '';
  for (const character of value) {
    if (SPACES.test(character)) result += ' ';
    else if (isControl(character) || INVISIBLE.test(character)) continue;
    else if (printableIn(character, codePages)) result += character;
    else result += plainSpelling(character, codePages);
  }
  return result;
}

function plainSpelling(character: string, codePages: readonly CodePage[]): string {
  const fits = (text: string) => [...text].every((part) => printableIn(part, codePages));
  const substitute = SUBSTITUTES[character]?.find(fits);
  if (substitute !== undefined) return substitute;
  // Compatibility decomposition covers superscripts, ligatures and accented Latin letters.
  const decomposed = character.normalize('NFKD').replace(/\p{M}/gu, '');
  if (decomposed !== character && decomposed.length > 0) {
    const spelled = [...decomposed].map((part) => (printableIn(part, codePages) ? part : (SUBSTITUTES[part]?.find(fits) ?? ''))).join('');
    if (spelled.length > 0) return spelled;
  }
  return '';
}
