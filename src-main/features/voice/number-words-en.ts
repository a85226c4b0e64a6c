// English numbers in words, the way the brief for the voice mode asks them: no «and» after the
// hundreds (two hundred seventy-three), decimals read digit by digit after «point», years in pairs
// (twenty twenty-six) and times on the 24-hour clock (thirteen fifty).
import {
  LARGEST_SPOKEN_NUMBER,
  type CalendarDate,
  type CountedUnit,
  type ShownNumber,
  type SpeechRules,
  type TariffUnit,
} from './spoken-text-rules';

const BELOW_TWENTY = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const SCALES: readonly { size: number; word: string }[] = [
  { size: 1_000_000_000, word: 'billion' },
  { size: 1_000_000, word: 'million' },
  { size: 1_000, word: 'thousand' },
];

/** 0 to 99: «seventy-three». */
function belowHundred(value: number): string {
  if (value < 20) return BELOW_TWENTY[value] ?? '';
  const tens = TENS[Math.floor(value / 10)] ?? '';
  return value % 10 === 0 ? tens : `${tens}-${BELOW_TWENTY[value % 10] ?? ''}`;
}

/** 1 to 999. */
function hundredsInWords(value: number): string[] {
  const words: string[] = [];
  const hundreds = Math.floor(value / 100);
  if (hundreds > 0) words.push(BELOW_TWENTY[hundreds] ?? '', 'hundred');
  if (value % 100 > 0) words.push(belowHundred(value % 100));
  return words;
}

/** A non-negative integer up to `LARGEST_SPOKEN_NUMBER` in words. */
export function englishCardinal(value: number): string {
  if (!Number.isSafeInteger(value) || value < 0 || value > LARGEST_SPOKEN_NUMBER) {
    throw new RangeError(`No English words for ${value}`);
  }
  if (value === 0) return 'zero';
  const words: string[] = [];
  let rest = value;
  for (const scale of SCALES) {
    const count = Math.floor(rest / scale.size);
    rest %= scale.size;
    if (count > 0) words.push(...hundredsInWords(count), scale.word);
  }
  if (rest > 0) words.push(...hundredsInWords(rest));
  return words.join(' ');
}

/** Last words whose ordinal is not the word plus «th». */
const IRREGULAR_ORDINALS: Readonly<Record<string, string>> = {
  one: 'first',
  two: 'second',
  three: 'third',
  five: 'fifth',
  eight: 'eighth',
  nine: 'ninth',
  twelve: 'twelfth',
};

/** An ordinal: the cardinal with its last word made ordinal (twenty-first, thirtieth). */
export function englishOrdinal(value: number): string {
  if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`No English ordinal for ${value}`);
  const cardinal = englishCardinal(value);
  const lastWord = /[a-z]+$/.exec(cardinal)?.[0] ?? '';
  const head = cardinal.slice(0, cardinal.length - lastWord.length);
  const ordinal = IRREGULAR_ORDINALS[lastWord] ?? (lastWord.endsWith('y') ? `${lastWord.slice(0, -1)}ieth` : `${lastWord}th`);
  return head + ordinal;
}

/**
 * A year as it is said: in pairs (twenty twenty-six, nineteen oh five, nineteen hundred), except
 * the first years of a millennium (two thousand, two thousand five).
 */
export function englishYear(year: number): string {
  const century = Math.floor(year / 100);
  const rest = year % 100;
  if (year < 1000 || year % 1000 < 10) return englishCardinal(year);
  if (rest === 0) return `${belowHundred(century)} hundred`;
  return `${belowHundred(century)} ${rest < 10 ? `oh ${belowHundred(rest)}` : belowHundred(rest)}`;
}

const DIGITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

function englishNumber(value: ShownNumber): string {
  let words = englishCardinal(value.whole);
  if (value.fractionDigits) words += ` point ${englishDigits(value.fractionDigits)}`;
  return value.negative ? `minus ${words}` : words;
}

function englishDigits(digits: string): string {
  return Array.from(digits, (digit) => DIGITS[Number(digit)] ?? digit).join(' ');
}

/** Singular after exactly one, plural otherwise, fractions included (one point zero cubic metres). */
const UNIT_WORDS: Record<CountedUnit, readonly [singular: string, plural: string]> = {
  rouble: ['rouble', 'roubles'],
  kopeck: ['kopeck', 'kopecks'],
  'cubic-metre': ['cubic metre', 'cubic metres'],
  gigacalorie: ['gigacalorie', 'gigacalories'],
  percent: ['percent', 'percent'],
};

const PER_UNIT: Record<TariffUnit, string> = { 'cubic-metre': 'per cubic metre', gigacalorie: 'per gigacalorie' };

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export const englishSpeech: SpeechRules = {
  cardinal: englishCardinal,
  digits: englishDigits,
  number: englishNumber,
  quantity(value, unit) {
    const [singular, plural] = UNIT_WORDS[unit];
    const isOne = value.whole === 1 && !value.fractionDigits;
    return `${englishNumber(value)} ${isOne ? singular : plural}`;
  },
  unitAlone: (unit) => UNIT_WORDS[unit][1],
  perUnit: (unit) => PER_UNIT[unit],
  date: ({ day, month, year }: CalendarDate) => `the ${englishOrdinal(day)} of ${MONTHS[month - 1] ?? ''} ${englishYear(year)}`,
  monthYear: (monthAsShown, _month, year) => `${monthAsShown} ${englishYear(year)}`,
  // The 24-hour clock as it is said: thirteen fifty, nine oh five, thirteen hundred.
  time(hours, minutes) {
    const minuteWords = minutes === 0 ? 'hundred' : minutes < 10 ? `oh ${englishCardinal(minutes)}` : englishCardinal(minutes);
    return `${englishCardinal(hours)} ${minuteWords}`;
  },
  duration: (minutes, seconds) =>
    [
      minutes === null ? '' : `${englishCardinal(minutes)} ${minutes === 1 ? 'minute' : 'minutes'}`,
      seconds === null ? '' : `${englishCardinal(seconds)} ${seconds === 1 ? 'second' : 'seconds'}`,
    ]
      .filter(Boolean)
      .join(' '),
  durationUnits: { minute: 'min', second: 's' },
  monthNamePattern: MONTHS.join('|'),
  monthOfName: (word) => MONTHS.findIndex((month) => month.toLowerCase() === word.toLowerCase()) + 1,
  signs: { numberSign: 'number', plus: 'plus' },
};
