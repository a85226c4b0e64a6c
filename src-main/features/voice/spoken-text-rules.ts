// What the tokenizer in `./spoken-text` needs from a language: how a number, an amount of money,
// a quantity, a date or a time of the screen is said in it. The tokenizer finds these in the text
// and takes them apart; each `number-words-<language>.ts` only puts words together, so the grammar
// of a language lives in one file and the text scanning in another.

/**
 * A number as the screen shows it. The digits after the decimal comma stay text, because a meter
 * reading's trailing zeros count: `416,260` is 416 and 260 thousandths, not 416 and 26 hundredths.
 */
export interface ShownNumber {
  negative: boolean;
  /** The whole part, at most `LARGEST_SPOKEN_NUMBER`. */
  whole: number;
  /** The digits after the decimal comma; empty for an integer. */
  fractionDigits: string;
}

/** The largest whole number the languages put into words; longer numbers are read digit by digit. */
export const LARGEST_SPOKEN_NUMBER = 999_999_999_999;

/** What a number on the screen may count: the units the kiosk shows after numbers. */
export type CountedUnit = 'rouble' | 'kopeck' | 'cubic-metre' | 'gigacalorie' | 'percent';

/** The units a tariff is given per (`2 155,60 ₽/Гкал`). */
export type TariffUnit = 'cubic-metre' | 'gigacalorie';

export interface CalendarDate {
  day: number;
  /** 1 to 12. */
  month: number;
  year: number;
}

export interface SpeechRules {
  /** An integer in words: nominative, and masculine where the language has gender. */
  cardinal(value: number): string;
  /** Each digit named on its own: account numbers, codes, phone numbers. */
  digits(digits: string): string;
  /** A number with or without a decimal part, the minus sign included. */
  number(value: ShownNumber): string;
  /** A number followed by what it counts, in the form the number asks for. */
  quantity(value: ShownNumber, unit: CountedUnit): string;
  /** A unit sign standing without a number, as in a column heading («Сумма, ₽»). */
  unitAlone(unit: CountedUnit): string;
  /** «за гигакалорию»: what follows an amount of money given per unit. */
  perUnit(unit: TariffUnit): string;
  /**
   * A full date. `wordBefore` is the word just before it, lower case (or empty): Russian puts the
   * day in the case a preposition asks for («до двадцать пятого декабря»).
   */
  date(date: CalendarDate, wordBefore: string): string;
  /** A month name as shown followed by a year: a billing period (`ноябрь 2026`). */
  monthYear(monthAsShown: string, month: number, year: number): string;
  /** A time of day, 24-hour clock. */
  time(hours: number, minutes: number): string;
  /**
   * A duration, what a countdown shows (`14 мин 45 с`, `15 мин`, `45 с`): said as minutes and
   * seconds, never as a clock. Null for a part the screen leaves out.
   */
  duration(minutes: number | null, seconds: number | null): string;
  /** The signs a duration writes after its minutes and seconds (`мин`, `с`), as regular expression sources without groups. */
  durationUnits: { minute: string; second: string };
  /**
   * The month names that may stand before a year, as a regular expression source without groups;
   * matched case-insensitively as a whole word.
   */
  monthNamePattern: string;
  /** The month (1 to 12) a word matched by `monthNamePattern` names. */
  monthOfName(word: string): number;
  /** Words for the signs read out on their own. */
  signs: { numberSign: string; plus: string };
}
