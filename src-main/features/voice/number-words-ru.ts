// Russian numbers in words, with the grammar they impose: gender of the counted noun (одна
// копейка, две тысячи), the 1 / 2–4 / 5–20 number forms (рубль, рубля, рублей), ordinals in the
// case a date needs, decimal fractions (двести шестьдесят четыре тысячных).
import {
  LARGEST_SPOKEN_NUMBER,
  type CalendarDate,
  type CountedUnit,
  type ShownNumber,
  type SpeechRules,
  type TariffUnit,
} from './spoken-text-rules';

export type RussianGender = 'masculine' | 'feminine' | 'neuter';

/** The three number forms of a Russian noun: after 1, after 2–4, after 5–20 and 0. */
export type RussianNumberForms = readonly [one: string, few: string, many: string];

/** The form a noun takes after an integer: 1, 21, 101 → one; 2–4, 22–24 → few; 5–20, 11–14, 0 → many. */
export function russianNumberForm(value: number, forms: RussianNumberForms): string {
  const lastTwo = value % 100;
  const last = value % 10;
  if (lastTwo >= 11 && lastTwo <= 14) return forms[2];
  if (last === 1) return forms[0];
  if (last >= 2 && last <= 4) return forms[1];
  return forms[2];
}

const ONE_AND_TWO: Record<RussianGender, readonly [string, string]> = {
  masculine: ['один', 'два'],
  feminine: ['одна', 'две'],
  neuter: ['одно', 'два'],
};
const UNITS = ['', '', '', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'];
const TEENS = [
  'десять',
  'одиннадцать',
  'двенадцать',
  'тринадцать',
  'четырнадцать',
  'пятнадцать',
  'шестнадцать',
  'семнадцать',
  'восемнадцать',
  'девятнадцать',
];
const TENS = ['', '', 'двадцать', 'тридцать', 'сорок', 'пятьдесят', 'шестьдесят', 'семьдесят', 'восемьдесят', 'девяносто'];
const HUNDREDS = ['', 'сто', 'двести', 'триста', 'четыреста', 'пятьсот', 'шестьсот', 'семьсот', 'восемьсот', 'девятьсот'];

/** Thousands are feminine (две тысячи), millions and milliards masculine (два миллиона). */
const SCALES: readonly { size: number; gender: RussianGender; forms: RussianNumberForms }[] = [
  { size: 1_000_000_000, gender: 'masculine', forms: ['миллиард', 'миллиарда', 'миллиардов'] },
  { size: 1_000_000, gender: 'masculine', forms: ['миллион', 'миллиона', 'миллионов'] },
  { size: 1_000, gender: 'feminine', forms: ['тысяча', 'тысячи', 'тысяч'] },
];

/** 1 to 999 in words; the gender decides один/одна/одно and два/две. */
function hundredsInWords(value: number, gender: RussianGender): string[] {
  const words: string[] = [];
  const hundreds = Math.floor(value / 100);
  const rest = value % 100;
  if (hundreds > 0) words.push(HUNDREDS[hundreds] ?? '');
  if (rest >= 10 && rest < 20) {
    words.push(TEENS[rest - 10] ?? '');
    return words;
  }
  const tens = Math.floor(rest / 10);
  const units = rest % 10;
  if (tens > 0) words.push(TENS[tens] ?? '');
  if (units === 1 || units === 2) words.push(ONE_AND_TWO[gender][units - 1] ?? '');
  else if (units > 0) words.push(UNITS[units] ?? '');
  return words;
}

/**
 * A non-negative integer up to `LARGEST_SPOKEN_NUMBER` in words, nominative. A number that starts
 * with one thousand says «тысяча», as it is said (тысяча рублей, тысяча девятьсот девяностый);
 * after millions it is «одна тысяча», and a million is always «один миллион».
 */
export function russianCardinal(value: number, gender: RussianGender = 'masculine'): string {
  if (!Number.isSafeInteger(value) || value < 0 || value > LARGEST_SPOKEN_NUMBER) {
    throw new RangeError(`No Russian words for ${value}`);
  }
  if (value === 0) return 'ноль';
  const words: string[] = [];
  let rest = value;
  for (const scale of SCALES) {
    const count = Math.floor(rest / scale.size);
    rest %= scale.size;
    if (count === 0) continue;
    const bareThousand = count === 1 && scale.size === 1_000 && words.length === 0;
    if (!bareThousand) words.push(...hundredsInWords(count, scale.gender));
    words.push(russianNumberForm(count, scale.forms));
  }
  if (rest > 0) words.push(...hundredsInWords(rest, gender));
  return words.join(' ');
}

/** The cases an ordinal of a date takes: the day is neuter (число), the year masculine (год). */
export type RussianOrdinalCase = 'neuter-nominative' | 'genitive' | 'dative';

/** An ordinal's stem and whether it takes the soft endings of «третий». */
interface OrdinalStem {
  stem: string;
  soft?: true;
}

const ORDINAL_ENDINGS: Record<'hard' | 'soft', Record<RussianOrdinalCase, string>> = {
  hard: { 'neuter-nominative': 'ое', genitive: 'ого', dative: 'ому' },
  soft: { 'neuter-nominative': 'е', genitive: 'его', dative: 'ему' },
};

/** Ordinal stems of 1 to 19 (index = number). */
const ORDINAL_UNITS_AND_TEENS: readonly OrdinalStem[] = [
  { stem: '' },
  { stem: 'перв' },
  { stem: 'втор' },
  { stem: 'треть', soft: true },
  { stem: 'четвёрт' },
  { stem: 'пят' },
  { stem: 'шест' },
  { stem: 'седьм' },
  { stem: 'восьм' },
  { stem: 'девят' },
  { stem: 'десят' },
  { stem: 'одиннадцат' },
  { stem: 'двенадцат' },
  { stem: 'тринадцат' },
  { stem: 'четырнадцат' },
  { stem: 'пятнадцат' },
  { stem: 'шестнадцат' },
  { stem: 'семнадцат' },
  { stem: 'восемнадцат' },
  { stem: 'девятнадцат' },
];
const ORDINAL_TENS = ['', '', 'двадцат', 'тридцат', 'сороков', 'пятидесят', 'шестидесят', 'семидесят', 'восьмидесят', 'девяност'];
const ORDINAL_HUNDREDS = ['', 'сот', 'двухсот', 'трёхсот', 'четырёхсот', 'пятисот', 'шестисот', 'семисот', 'восьмисот', 'девятисот'];
/** Round thousands make one word: двухтысячный. */
const ORDINAL_THOUSANDS = [
  '',
  'тысячн',
  'двухтысячн',
  'трёхтысячн',
  'четырёхтысячн',
  'пятитысячн',
  'шеститысячн',
  'семитысячн',
  'восьмитысячн',
  'девятитысячн',
];

/**
 * An ordinal from 1 to 9999 (days and years): only its last word is an ordinal, the words before
 * it stay cardinal (две тысячи двадцать шестого).
 */
export function russianOrdinal(value: number, grammaticalCase: RussianOrdinalCase): string {
  if (!Number.isSafeInteger(value) || value < 1 || value > 9999) throw new RangeError(`No Russian ordinal for ${value}`);
  let last: OrdinalStem;
  let lastValue: number;
  const lastTwo = value % 100;
  if (value % 1000 === 0) {
    lastValue = value;
    last = { stem: ORDINAL_THOUSANDS[value / 1000] ?? '' };
  } else if (lastTwo === 0) {
    lastValue = value % 1000;
    last = { stem: ORDINAL_HUNDREDS[lastValue / 100] ?? '' };
  } else if (lastTwo < 20) {
    lastValue = lastTwo;
    last = ORDINAL_UNITS_AND_TEENS[lastTwo] ?? { stem: '' };
  } else if (lastTwo % 10 === 0) {
    lastValue = lastTwo;
    last = { stem: ORDINAL_TENS[lastTwo / 10] ?? '' };
  } else {
    lastValue = lastTwo % 10;
    last = ORDINAL_UNITS_AND_TEENS[lastValue] ?? { stem: '' };
  }
  const ordinal = last.stem + ORDINAL_ENDINGS[last.soft ? 'soft' : 'hard'][grammaticalCase];
  const before = value - lastValue;
  return before > 0 ? `${russianCardinal(before)} ${ordinal}` : ordinal;
}

/** Denominators of decimal fractions by the number of digits after the comma. */
const FRACTION_STEMS = ['', 'десят', 'сот', 'тысячн', 'десятитысячн', 'стотысячн', 'миллионн'];

/** «четыреста шестнадцать целых двести шестьдесят четыре тысячных»; fractions count feminine parts. */
function russianDecimal(whole: number, fractionDigits: string): string {
  const numerator = Number(fractionDigits);
  const stem = FRACTION_STEMS[fractionDigits.length] ?? '';
  return [
    russianCardinal(whole, 'feminine'),
    russianNumberForm(whole, ['целая', 'целых', 'целых']),
    russianCardinal(numerator, 'feminine'),
    russianNumberForm(numerator, [`${stem}ая`, `${stem}ых`, `${stem}ых`]),
  ].join(' ');
}

function withSign(value: ShownNumber, words: string): string {
  return value.negative ? `минус ${words}` : words;
}

interface RussianUnit {
  gender: RussianGender;
  /** After an integer. */
  counted: RussianNumberForms;
  /** After a decimal fraction: always the genitive singular (две целых пять десятых процента). */
  afterFraction: string;
  /** The sign without a number. */
  alone: string;
}

const RUSSIAN_UNITS: Record<CountedUnit, RussianUnit> = {
  rouble: { gender: 'masculine', counted: ['рубль', 'рубля', 'рублей'], afterFraction: 'рубля', alone: 'рублей' },
  kopeck: { gender: 'feminine', counted: ['копейка', 'копейки', 'копеек'], afterFraction: 'копейки', alone: 'копеек' },
  'cubic-metre': {
    gender: 'masculine',
    counted: ['кубический метр', 'кубических метра', 'кубических метров'],
    afterFraction: 'кубического метра',
    alone: 'кубических метров',
  },
  gigacalorie: {
    gender: 'feminine',
    counted: ['гигакалория', 'гигакалории', 'гигакалорий'],
    afterFraction: 'гигакалории',
    alone: 'гигакалорий',
  },
  percent: { gender: 'masculine', counted: ['процент', 'процента', 'процентов'], afterFraction: 'процента', alone: 'процентов' },
};

const PER_UNIT: Record<TariffUnit, string> = { 'cubic-metre': 'за кубический метр', gigacalorie: 'за гигакалорию' };

const DIGITS = ['ноль', 'один', 'два', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'];

/** Months in the genitive, as a date names them (первое декабря). */
const MONTHS_GENITIVE = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];

/**
 * Words after which the day of a date is genitive (до двадцать пятого декабря) or dative (к
 * двадцать пятому декабря). Everything else, «по» and «на» included, takes the nominative form.
 */
const GENITIVE_BEFORE_DATE = new Set([
  'до',
  'с',
  'со',
  'от',
  'после',
  'около',
  'из',
  'для',
  'без',
  'кроме',
  'у',
  'позднее',
  'позже',
  'ранее',
  'раньше',
]);
const DATIVE_BEFORE_DATE = new Set(['к', 'ко']);

/** Month names in any case (ноябрь, ноября, в ноябре, ноябрём): the year after them is genitive anyway. */
const MONTH_NAME_PATTERN =
  '(?:январ|феврал|апрел|июн|июл|сентябр|октябр|ноябр|декабр)(?:ь|я|ю|е|ём|ем)|(?:март|август)(?:а|у|е|ом)?|ма(?:й|я|ю|е|ем)';
const MAY_STEM = 'ма';
const MONTH_STEMS = ['январ', 'феврал', 'март', 'апрел', MAY_STEM, 'июн', 'июл', 'август', 'сентябр', 'октябр', 'ноябр', 'декабр'];

/** A count of feminine things in the accusative: only «одна» changes (двадцать одну минуту). */
function feminineAccusative(value: number): string {
  return russianCardinal(value, 'feminine').replace(/одна$/, 'одну');
}

/** «две тысячи двадцать шестого года». */
function yearInWords(year: number): string {
  return `${russianOrdinal(year, 'genitive')} года`;
}

export const russianSpeech: SpeechRules = {
  cardinal: (value) => russianCardinal(value),
  digits: (digits) => Array.from(digits, (digit) => DIGITS[Number(digit)] ?? digit).join(' '),
  number: (value) =>
    withSign(value, value.fractionDigits ? russianDecimal(value.whole, value.fractionDigits) : russianCardinal(value.whole)),
  quantity(value, unit) {
    const grammar = RUSSIAN_UNITS[unit];
    if (value.fractionDigits) {
      return withSign(value, `${russianDecimal(value.whole, value.fractionDigits)} ${grammar.afterFraction}`);
    }
    return withSign(value, `${russianCardinal(value.whole, grammar.gender)} ${russianNumberForm(value.whole, grammar.counted)}`);
  },
  unitAlone: (unit) => RUSSIAN_UNITS[unit].alone,
  perUnit: (unit) => PER_UNIT[unit],
  date({ day, month, year }: CalendarDate, wordBefore) {
    const dayCase: RussianOrdinalCase = GENITIVE_BEFORE_DATE.has(wordBefore)
      ? 'genitive'
      : DATIVE_BEFORE_DATE.has(wordBefore)
        ? 'dative'
        : 'neuter-nominative';
    return `${russianOrdinal(day, dayCase)} ${MONTHS_GENITIVE[month - 1] ?? ''} ${yearInWords(year)}`;
  },
  monthYear: (monthAsShown, _month, year) => `${monthAsShown} ${yearInWords(year)}`,
  time: (hours, minutes) =>
    `${russianCardinal(hours)} ${russianNumberForm(hours, ['час', 'часа', 'часов'])} ` +
    `${russianCardinal(minutes, 'feminine')} ${russianNumberForm(minutes, ['минута', 'минуты', 'минут'])}`,
  // «через одну минуту двадцать одну секунду»: a wait is said in the accusative, as after «через».
  duration(minutes, seconds) {
    const parts: string[] = [];
    if (minutes !== null) parts.push(`${feminineAccusative(minutes)} ${russianNumberForm(minutes, ['минуту', 'минуты', 'минут'])}`);
    if (seconds !== null) parts.push(`${feminineAccusative(seconds)} ${russianNumberForm(seconds, ['секунду', 'секунды', 'секунд'])}`);
    return parts.join(' ');
  },
  durationUnits: { minute: 'мин', second: 'с' },
  monthNamePattern: MONTH_NAME_PATTERN,
  monthOfName(word) {
    const lower = word.toLowerCase();
    // May's stem «ма» also begins «март», so May is what is left when no other stem fits.
    const index = MONTH_STEMS.findIndex((stem) => stem !== MAY_STEM && lower.startsWith(stem));
    return index >= 0 ? index + 1 : MONTH_STEMS.indexOf(MAY_STEM) + 1;
  },
  signs: { numberSign: 'номер', plus: 'плюс' },
};
