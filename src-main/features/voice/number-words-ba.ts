// Bashkir numbers in words. Bashkir has no gender and keeps a noun singular after a numeral (биш
// һум), so the grammar here is the ordinal suffix, which follows vowel harmony (беренсе, алтынсы,
// өсөнсө), the ablative of a fraction's denominator (меңдән) and the possessive month of a date
// (декабре).
import {
  LARGEST_SPOKEN_NUMBER,
  type CalendarDate,
  type CountedUnit,
  type ShownNumber,
  type SpeechRules,
  type TariffUnit,
} from './spoken-text-rules';

const UNITS = ['', 'бер', 'ике', 'өс', 'дүрт', 'биш', 'алты', 'ете', 'һигеҙ', 'туғыҙ'];
const TENS = ['', 'ун', 'егерме', 'утыҙ', 'ҡырҡ', 'илле', 'алтмыш', 'етмеш', 'һикһән', 'туҡһан'];
const HUNDRED = 'йөҙ';
const THOUSAND = 'мең';
const SCALES: readonly { size: number; word: string }[] = [
  { size: 1_000_000_000, word: 'миллиард' },
  { size: 1_000_000, word: 'миллион' },
  { size: 1_000, word: THOUSAND },
];

/** 1 to 999: a hundred is «йөҙ» alone, two hundred «ике йөҙ». */
function hundredsInWords(value: number): string[] {
  const words: string[] = [];
  const hundreds = Math.floor(value / 100);
  if (hundreds > 1) words.push(UNITS[hundreds] ?? '');
  if (hundreds > 0) words.push(HUNDRED);
  const tens = Math.floor((value % 100) / 10);
  const units = value % 10;
  if (tens > 0) words.push(TENS[tens] ?? '');
  if (units > 0) words.push(UNITS[units] ?? '');
  return words;
}

/**
 * A non-negative integer up to `LARGEST_SPOKEN_NUMBER` in words. Like a hundred, a thousand that
 * starts a number is said without «бер» (мең туғыҙ йөҙ); after millions it is «бер мең», and a
 * million is always «бер миллион».
 */
export function bashkirCardinal(value: number): string {
  if (!Number.isSafeInteger(value) || value < 0 || value > LARGEST_SPOKEN_NUMBER) {
    throw new RangeError(`No Bashkir words for ${value}`);
  }
  if (value === 0) return 'ноль';
  const words: string[] = [];
  let rest = value;
  for (const scale of SCALES) {
    const count = Math.floor(rest / scale.size);
    rest %= scale.size;
    if (count === 0) continue;
    const bareThousand = count === 1 && scale.word === THOUSAND && words.length === 0;
    if (!bareThousand) words.push(...hundredsInWords(count));
    words.push(scale.word);
  }
  if (rest > 0) words.push(...hundredsInWords(rest));
  return words.join(' ');
}

/**
 * The ordinal of every word a cardinal can end with. The suffix -(ы)нсы/-(е)нсе/-өнсө follows the
 * word's vowels, and a table is surer than rules for these two dozen words.
 */
const ORDINAL_OF_LAST_WORD: Readonly<Record<string, string>> = {
  бер: 'беренсе',
  ике: 'икенсе',
  өс: 'өсөнсө',
  дүрт: 'дүртенсе',
  биш: 'бишенсе',
  алты: 'алтынсы',
  ете: 'етенсе',
  һигеҙ: 'һигеҙенсе',
  туғыҙ: 'туғыҙынсы',
  ун: 'унынсы',
  егерме: 'егерменсе',
  утыҙ: 'утыҙынсы',
  ҡырҡ: 'ҡырҡынсы',
  илле: 'илленсе',
  алтмыш: 'алтмышынсы',
  етмеш: 'етмешенсе',
  һикһән: 'һикһәненсе',
  туҡһан: 'туҡһанынсы',
  йөҙ: 'йөҙөнсө',
  мең: 'меңенсе',
  миллион: 'миллионынсы',
  миллиард: 'миллиардынсы',
};

/** An ordinal: the cardinal with its last word made ordinal (ике мең егерме алтынсы). */
export function bashkirOrdinal(value: number): string {
  if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`No Bashkir ordinal for ${value}`);
  const words = bashkirCardinal(value).split(' ');
  const last = words.pop() ?? '';
  words.push(ORDINAL_OF_LAST_WORD[last] ?? last);
  return words.join(' ');
}

/** Denominators of decimal fractions in the ablative («меңдән ике йөҙ» = two hundred of a thousand). */
const FRACTION_DENOMINATORS = ['', 'ундан', 'йөҙҙән', 'меңдән', 'ун меңдән', 'йөҙ меңдән', 'миллиондан'];

function bashkirNumber(value: ShownNumber): string {
  let words = bashkirCardinal(value.whole);
  if (value.fractionDigits) {
    const denominator = FRACTION_DENOMINATORS[value.fractionDigits.length] ?? '';
    words += ` бөтөн ${denominator} ${bashkirCardinal(Number(value.fractionDigits))}`;
  }
  return value.negative ? `минус ${words}` : words;
}

const UNIT_WORDS: Record<CountedUnit, string> = {
  rouble: 'һум',
  kopeck: 'тин',
  'cubic-metre': 'кубометр',
  gigacalorie: 'гигакалория',
  percent: 'процент',
};

/** «бер гигакалория өсөн», for one gigacalorie. */
const PER_UNIT: Record<TariffUnit, string> = { 'cubic-metre': 'бер кубометр өсөн', gigacalorie: 'бер гигакалория өсөн' };

const DIGITS = ['ноль', 'бер', 'ике', 'өс', 'дүрт', 'биш', 'алты', 'ете', 'һигеҙ', 'туғыҙ'];

const MONTHS = ['ғинуар', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];
/** Months with the third-person possessive a date gives them: «йылдың беренсе декабре», the year's first of December. */
const MONTHS_POSSESSIVE = [
  'ғинуары',
  'феврале',
  'марты',
  'апреле',
  'майы',
  'июне',
  'июле',
  'августы',
  'сентябре',
  'октябре',
  'ноябре',
  'декабре',
];

/** «ике мең егерме алтынсы йылдың», of the year 2026. */
function yearOf(year: number): string {
  return `${bashkirOrdinal(year)} йылдың`;
}

export const bashkirSpeech: SpeechRules = {
  cardinal: bashkirCardinal,
  digits: (digits) => Array.from(digits, (digit) => DIGITS[Number(digit)] ?? digit).join(' '),
  number: bashkirNumber,
  quantity: (value, unit) => `${bashkirNumber(value)} ${UNIT_WORDS[unit]}`,
  unitAlone: (unit) => UNIT_WORDS[unit],
  perUnit: (unit) => PER_UNIT[unit],
  date: ({ day, month, year }: CalendarDate) => `${yearOf(year)} ${bashkirOrdinal(day)} ${MONTHS_POSSESSIVE[month - 1] ?? ''}`,
  // The period is said as a date is, «2026 йылдың ноябре», whatever case the month was shown in.
  monthYear: (_monthAsShown, month, year) => `${yearOf(year)} ${MONTHS_POSSESSIVE[month - 1] ?? ''}`,
  time: (hours, minutes) => `${bashkirCardinal(hours)} сәғәт ${bashkirCardinal(minutes)} минут`,
  // A noun after a number stays singular: «ун дүрт минут ҡырҡ биш секунд».
  duration: (minutes, seconds) =>
    [minutes === null ? '' : `${bashkirCardinal(minutes)} минут`, seconds === null ? '' : `${bashkirCardinal(seconds)} секунд`]
      .filter(Boolean)
      .join(' '),
  durationUnits: { minute: 'мин', second: 'с' },
  monthNamePattern: MONTHS.join('|'),
  monthOfName: (word) => MONTHS.indexOf(word.toLowerCase()) + 1,
  signs: { numberSign: 'номер', plus: 'плюс' },
};
