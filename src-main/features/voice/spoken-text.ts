// Display text made speakable for espeak-ng, which reads raw digits poorly and knows no Russian
// money grammar: amounts, meter readings, dates, times, account numbers and the signs around them
// become words in the screen's language; every other character passes through as it is.
//
// One pass over the text: at each position the token rules are tried in order and the first that
// matches takes its characters. The order settles overlaps: money before decimals before grouped
// integers before long digit runs before plain integers, so «14 273,88 ₽» is one amount and never
// a number, a comma and another number.
import { bashkirSpeech } from './number-words-ba';
import { englishSpeech } from './number-words-en';
import { russianSpeech } from './number-words-ru';
import { LARGEST_SPOKEN_NUMBER, type CountedUnit, type ShownNumber, type SpeechRules, type TariffUnit } from './spoken-text-rules';

/** The languages the kiosk speaks: those of its interface. */
export type SpeechLanguage = 'ru' | 'ba' | 'en';

/** What a rule sees besides its match: the whole text, to look at the words around the match. */
interface TokenContext {
  text: string;
  /** The speakable text produced so far. */
  spoken: string;
}

interface TokenRule {
  /** Sticky (`y`), so it matches only at the scanning position. */
  pattern: RegExp;
  /** The words for the match, or null when the match turns out not to be this token (31.13.2026). */
  speak(match: RegExpExecArray, context: TokenContext): string | null;
}

// Pattern pieces. Intl formats Russian numbers with U+00A0 between thousands (U+202F in newer
// CLDR data); a plain space never groups digits, because the kiosk spells an entered account
// number as «8 2 0 …».
const GROUP_SEPARATOR = '[\\u00A0\\u202F]';
/** Any space that may stand between a number and its unit or currency sign. */
const UNIT_GAP = '[ \\u00A0\\u202F]';
/** A minus sign, hyphen or U+2212, that starts a number rather than joining it to a word or digit. */
const SIGN = '(?:(?<![\\p{L}\\p{N}])([-\\u2212]))?';
const GROUPED_DIGITS = `\\d{1,3}(?:${GROUP_SEPARATOR}\\d{3})+`;
/** Amounts may also be grouped with plain spaces (the catalogs write «1 000 000 ₽»): the ₽ after them says they are one number. */
const MONEY_DIGITS = `\\d{1,3}(?:${UNIT_GAP}\\d{3})+|\\d+`;
const TARIFF_UNIT = '(м³|м3|[Гг]кал)(?![\\p{L}\\p{N}])';
const COUNTED_UNIT = '(м³|м3|[Гг]кал|%)(?![\\p{L}\\p{N}])';
const HORIZONTAL_SPACE = '[ \\t\\u00A0\\u202F]';
/** «г.» or «года» after a Russian year: the words say «года» themselves. The group is the abbreviation's dot. */
const YEAR_WORD = `(?:${UNIT_GAP}?(?:г(\\.)|года(?!\\p{L})))?`;

function sticky(source: string, caseInsensitive = false): RegExp {
  return new RegExp(source, caseInsensitive ? 'iuy' : 'uy');
}

function countedUnit(sign: string): CountedUnit {
  if (sign === '%') return 'percent';
  return sign.toLowerCase() === 'гкал' ? 'gigacalorie' : 'cubic-metre';
}

function tariffUnit(sign: string): TariffUnit {
  return sign.toLowerCase() === 'гкал' ? 'gigacalorie' : 'cubic-metre';
}

/** A number from its shown digits (group separators dropped), or null when too long to say in words. */
function shownNumber(minusSign: string | undefined, wholeDigits: string, fractionDigits = ''): ShownNumber | null {
  const whole = Number(wholeDigits.replace(/\D/g, ''));
  if (!Number.isSafeInteger(whole) || whole > LARGEST_SPOKEN_NUMBER) return null;
  return { negative: minusSign !== undefined, whole, fractionDigits };
}

/**
 * The kopecks of an amount's fraction: «88» → 88, «5» → 50, and a tariff's «5612» → 56 and 12
 * hundredths of a kopeck. Null when there are none to say (none shown, or all zeros).
 */
function kopecksOf(fractionDigits: string): ShownNumber | null {
  const padded = fractionDigits.padEnd(2, '0');
  const kopecks: ShownNumber = { negative: false, whole: Number(padded.slice(0, 2)), fractionDigits: padded.slice(2).replace(/0+$/, '') };
  return kopecks.whole === 0 && !kopecks.fractionDigits ? null : kopecks;
}

/** A number in words with its unit, if the screen shows one after it. */
function numberWithUnit(rules: SpeechRules, value: ShownNumber, unitSign: string | undefined): string {
  return unitSign === undefined ? rules.number(value) : rules.quantity(value, countedUnit(unitSign));
}

/** A group of a phone number: as a number (сорок пять), digit by digit when it starts with 0 or is long. */
function phoneGroup(rules: SpeechRules, digits: string): string {
  return digits.length >= 5 || (digits.length > 1 && digits.startsWith('0')) ? rules.digits(digits) : rules.cardinal(Number(digits));
}

/** The word just before a position, lower case, or empty when a number or a sign stands there. */
function wordBefore(text: string, index: number): string {
  return /(\p{L}+)[ \u00A0]+$/u.exec(text.slice(0, index))?.[1]?.toLowerCase() ?? '';
}

function textAfter(match: RegExpExecArray, text: string): string {
  return text.slice(match.index + match[0].length);
}

/**
 * Whether the dot of an abbreviation a token took (руб., г.) also ended the sentence: the text
 * ends there or a capital follows. The dot is kept then, its pause belongs to the text.
 */
function dotEndsSentence(match: RegExpExecArray, text: string): boolean {
  return /^(?:\s*$|\s+\p{Lu})/u.test(textAfter(match, text));
}

/** Whether a token stands at the start or the end of a line, where a separator separates nothing. */
function atLineEdge(match: RegExpExecArray, { text, spoken }: TokenContext): boolean {
  const after = textAfter(match, text);
  return spoken === '' || spoken.endsWith('\n') || after === '' || after.startsWith('\n');
}

/**
 * A dash between words is a pause: a comma, or only a space when punctuation already stands
 * before it; at the edge of a line (a list item's dash) it is nothing at all.
 */
function dashPause(match: RegExpExecArray, context: TokenContext): string {
  if (atLineEdge(match, context)) return '';
  return /[,.;:!?(]$/.test(context.spoken) ? ' ' : ', ';
}

/** A bullet separates like a space, and is nothing at the edge of a line. */
function bulletGap(match: RegExpExecArray, context: TokenContext): string {
  return atLineEdge(match, context) ? '' : ' ';
}

/** The rules in the order they are tried: earlier rules win where several match at one position. */
function tokenRules(rules: SpeechRules): readonly TokenRule[] {
  return [
    {
      // A date, 01.12.2026 (ru, ba) or 01/12/2026 (en); the refusals write dates with dots in every
      // language, so both are dates everywhere.
      pattern: sticky(`(?<!\\d)(\\d{1,2})([./])(\\d{1,2})\\2(\\d{4})(?!\\d)${YEAR_WORD}`),
      speak(match, { text }) {
        const [day, month, year] = [Number(match[1]), Number(match[3]), Number(match[4])];
        if (day < 1 || day > 31 || month < 1 || month > 12 || year < 1000) return null;
        const words = rules.date({ day, month, year }, wordBefore(text, match.index));
        return match[5] !== undefined && dotEndsSentence(match, text) ? `${words}.` : words;
      },
    },
    {
      // A month name and a year, as a billing period is shown (ноябрь 2026, November 2026).
      pattern: sticky(`(?<!\\p{L})(${rules.monthNamePattern})(?!\\p{L})${UNIT_GAP}+(\\d{4})(?!\\d)${YEAR_WORD}`, true),
      speak(match, { text }) {
        const [, monthAsShown = '', yearDigits = '', abbreviationDot] = match;
        const year = Number(yearDigits);
        if (year < 1900 || year > 2100) return null;
        const words = rules.monthYear(monthAsShown, rules.monthOfName(monthAsShown), year);
        return abbreviationDot !== undefined && dotEndsSentence(match, text) ? `${words}.` : words;
      },
    },
    {
      // A time of day, 13:50 (not a part of 12:30:45).
      pattern: sticky('(?<!\\d|\\d:)([01]?\\d|2[0-3]):([0-5]\\d)(?!\\d|:\\d)'),
      speak: (match) => rules.time(Number(match[1]), Number(match[2])),
    },
    {
      // A duration, as a countdown shows it: 14 мин 45 с, 15 мин, 45 с (14 min 45 s). Minutes and
      // seconds in words, so a wait is never heard as a time of day.
      pattern: sticky(
        `(?<!\\d)(?:(\\d{1,4})${UNIT_GAP}(?:${rules.durationUnits.minute})(?![\\p{L}\\p{N}])` +
          `(?:${UNIT_GAP}(\\d{1,2})${UNIT_GAP}(?:${rules.durationUnits.second})(?![\\p{L}\\p{N}]))?` +
          `|(\\d{1,2})${UNIT_GAP}(?:${rules.durationUnits.second})(?![\\p{L}\\p{N}]))`,
      ),
      speak(match) {
        const [, minutes, secondsAfterMinutes, secondsAlone] = match;
        const seconds = secondsAfterMinutes ?? secondsAlone;
        return rules.duration(minutes === undefined ? null : Number(minutes), seconds === undefined ? null : Number(seconds));
      },
    },
    {
      // A phone number after «+»: +7 (347) 123-45-67, +7 917 555 01 01, +79. The country code is
      // said digit by digit, the other groups as numbers, a comma between groups.
      pattern: sticky(`\\+\\d{1,3}(?:${UNIT_GAP}?\\(\\d{1,5}\\)|[ \\u00A0-]?\\d{1,4})*(?!\\d)`),
      speak(match) {
        const [countryCode = '', ...groups] = match[0]
          .slice(1)
          .split(/[^\d]+/)
          .filter(Boolean);
        return `${rules.signs.plus} ${[rules.digits(countryCode), ...groups.map((group) => phoneGroup(rules, group))].join(', ')}`;
      },
    },
    {
      // Digit groups joined by hyphens, a phone number without «+»: 8-800-250-52-80.
      pattern: sticky('(?<![\\p{N}-])\\d{1,4}(?:-\\d{1,4})+(?!\\p{N})'),
      speak: (match) =>
        match[0]
          .split('-')
          .map((group) => phoneGroup(rules, group))
          .join(', '),
    },
    {
      // Money: 14 273,88 ₽, -14 273,88 ₽, 1 000 000 ₽, 150 руб., and a tariff 2 155,60 ₽/Гкал.
      pattern: sticky(`${SIGN}(${MONEY_DIGITS})(?:,(\\d{1,4}))?(?!\\d)${UNIT_GAP}?(?:₽|руб(?:(\\.)|(?!\\p{L})))(?:/${TARIFF_UNIT})?`),
      speak(match, { text }) {
        const [, minusSign, wholeDigits = '', fractionDigits = '', abbreviationDot, perUnitSign] = match;
        const rubles = shownNumber(minusSign, wholeDigits);
        if (!rubles) return null;
        const kopecks = kopecksOf(fractionDigits);
        const words = [rules.quantity(rubles, 'rouble')];
        if (kopecks) words.push(rules.quantity(kopecks, 'kopeck'));
        if (perUnitSign !== undefined) words.push(rules.perUnit(tariffUnit(perUnitSign)));
        return words.join(' ') + (abbreviationDot !== undefined && dotEndsSentence(match, text) ? '.' : '');
      },
    },
    {
      // A decimal with a comma, a meter reading or a volume: 416,264 м³, 1 234,5, 2,5 %.
      pattern: sticky(`${SIGN}(${GROUPED_DIGITS}|\\d+),(\\d{1,6})(?!\\d)(?:${UNIT_GAP}?${COUNTED_UNIT})?`),
      speak(match) {
        const value = shownNumber(match[1], match[2] ?? '', match[3] ?? '');
        return value && numberWithUnit(rules, value, match[4]);
      },
    },
    {
      // An integer grouped in thousands: 1 234, 12 500 м³.
      pattern: sticky(`${SIGN}(${GROUPED_DIGITS})(?!\\d)(?:${UNIT_GAP}?${COUNTED_UNIT})?`),
      speak(match) {
        const value = shownNumber(match[1], match[2] ?? '');
        return value && numberWithUnit(rules, value, match[3]);
      },
    },
    {
      // An ungrouped integer with a unit is a quantity however long it is: 12345 м³, 5%.
      pattern: sticky(`${SIGN}(?<!\\d)(\\d+)${UNIT_GAP}?${COUNTED_UNIT}`),
      speak(match) {
        const value = shownNumber(match[1], match[2] ?? '');
        return value && numberWithUnit(rules, value, match[3]);
      },
    },
    {
      // Five digits or more in a row are an account number, a code or a phone: digit by digit.
      pattern: sticky('(?<!\\d)\\d{5,}(?!\\d)'),
      speak: (match) => rules.digits(match[0]),
    },
    {
      // A short number with a leading zero is a code or a phone group (01, 007): digit by digit.
      pattern: sticky('(?<!\\d)0\\d{1,3}(?!\\d)'),
      speak: (match) => rules.digits(match[0]),
    },
    {
      // Any other integer: 3 счётчика, через 15 минут, -5.
      pattern: sticky(`${SIGN}(?<!\\d)(\\d{1,4})(?!\\d)`),
      speak(match) {
        const value = shownNumber(match[1], match[2] ?? '');
        return value && rules.number(value);
      },
    },
    {
      // «№ 5», «№5»: the sign is a word, one space after it.
      pattern: sticky(`№${HORIZONTAL_SPACE}*`),
      speak: () => rules.signs.numberSign,
    },
    {
      // The currency sign without a number, as in a heading «Тариф, ₽/Гкал».
      pattern: sticky(`₽(?:/${TARIFF_UNIT})?`),
      speak(match) {
        const perUnitSign = match[1];
        const rouble = rules.unitAlone('rouble');
        return perUnitSign === undefined ? rouble : `${rouble} ${rules.perUnit(tariffUnit(perUnitSign))}`;
      },
    },
    {
      // A unit without a number: «Горячая вода, м³», «Пени, %».
      pattern: sticky(`(?<![\\p{L}\\p{N}])${COUNTED_UNIT}`),
      speak: (match) => rules.unitAlone(countedUnit(match[1] ?? '')),
    },
    {
      // A dash between words, or a hyphen standing between spaces as one.
      pattern: sticky(`${HORIZONTAL_SPACE}*[–—]${HORIZONTAL_SPACE}*|${HORIZONTAL_SPACE}+-${HORIZONTAL_SPACE}+`),
      speak: dashPause,
    },
    {
      // Quotes are not heard.
      pattern: sticky('[«»]'),
      speak: () => '',
    },
    {
      // A bullet between items.
      pattern: sticky(`${HORIZONTAL_SPACE}*•${HORIZONTAL_SPACE}*`),
      speak: bulletGap,
    },
  ];
}

const TOKEN_RULES: Record<SpeechLanguage, readonly TokenRule[]> = {
  ru: tokenRules(russianSpeech),
  ba: tokenRules(bashkirSpeech),
  en: tokenRules(englishSpeech),
};

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * Appends a token's words, with a space where they would otherwise run into a letter or digit of
 * the text (№5 → «номер пять», 12а → «двенадцать а»).
 */
function appendWords(spoken: string, words: string, nextCharacter: string | undefined): string {
  if (words === '') return spoken;
  const spaceBefore = WORD_CHARACTER.test(spoken.slice(-1)) && WORD_CHARACTER.test(words[0] ?? '') ? ' ' : '';
  const spaceAfter = nextCharacter !== undefined && WORD_CHARACTER.test(nextCharacter) && WORD_CHARACTER.test(words.slice(-1)) ? ' ' : '';
  return spoken + spaceBefore + words + spaceAfter;
}

/**
 * The text of a screen as espeak-ng should read it in `language`: numbers, amounts, dates, times
 * and signs in words, everything else unchanged.
 */
export function speakableText(shown: string, language: SpeechLanguage): string {
  // A non-breaking hyphen (U+2011) keeps «8‑800‑250‑52‑80» on one line; to the ear it is a hyphen.
  const text = shown.replaceAll('\u2011', '-');
  const rules = TOKEN_RULES[language];
  let spoken = '';
  let position = 0;
  scanning: while (position < text.length) {
    for (const rule of rules) {
      rule.pattern.lastIndex = position;
      const match = rule.pattern.exec(text);
      if (!match || match[0] === '') continue;
      const words = rule.speak(match, { text, spoken });
      if (words === null) continue;
      position += match[0].length;
      spoken = appendWords(spoken, words, text[position]);
      continue scanning;
    }
    spoken += text[position] ?? '';
    position += 1;
  }
  return spoken;
}
