import { describe, expect, it } from 'vitest';
import { russianCardinal, russianNumberForm, russianOrdinal } from './number-words-ru';

describe('russianCardinal', () => {
  it('names numbers up to 999 999 999 999, masculine by default', () => {
    const cases: [number, string][] = [
      [0, 'ноль'],
      [1, 'один'],
      [2, 'два'],
      [11, 'одиннадцать'],
      [19, 'девятнадцать'],
      [20, 'двадцать'],
      [21, 'двадцать один'],
      [40, 'сорок'],
      [99, 'девяносто девять'],
      [100, 'сто'],
      [101, 'сто один'],
      [212, 'двести двенадцать'],
      [1000, 'тысяча'],
      [1001, 'тысяча один'],
      [2000, 'две тысячи'],
      [5000, 'пять тысяч'],
      [11_000, 'одиннадцать тысяч'],
      [21_000, 'двадцать одна тысяча'],
      [14_273, 'четырнадцать тысяч двести семьдесят три'],
      [1_000_000, 'один миллион'],
      [2_001_000, 'два миллиона одна тысяча'],
      [5_000_000, 'пять миллионов'],
      [999_999_999, 'девятьсот девяносто девять миллионов девятьсот девяносто девять тысяч девятьсот девяносто девять'],
      [21_000_000_000, 'двадцать один миллиард'],
    ];
    for (const [value, words] of cases) expect(russianCardinal(value), String(value)).toBe(words);
  });

  it('makes 1 and 2 agree with a feminine or neuter noun', () => {
    expect(russianCardinal(21, 'feminine')).toBe('двадцать одна');
    expect(russianCardinal(2, 'feminine')).toBe('две');
    expect(russianCardinal(1, 'neuter')).toBe('одно');
    expect(russianCardinal(2_002, 'feminine')).toBe('две тысячи две');
  });

  it('refuses what it cannot name', () => {
    expect(() => russianCardinal(-1)).toThrow(RangeError);
    expect(() => russianCardinal(1.5)).toThrow(RangeError);
    expect(() => russianCardinal(1_000_000_000_000)).toThrow(RangeError);
  });
});

describe('russianNumberForm', () => {
  it('follows the 1 / 2–4 / 5–20 rule, 11–14 included', () => {
    const forms = ['рубль', 'рубля', 'рублей'] as const;
    const cases: [number, string][] = [
      [0, 'рублей'],
      [1, 'рубль'],
      [2, 'рубля'],
      [4, 'рубля'],
      [5, 'рублей'],
      [11, 'рублей'],
      [12, 'рублей'],
      [14, 'рублей'],
      [21, 'рубль'],
      [22, 'рубля'],
      [101, 'рубль'],
      [111, 'рублей'],
      [1_000_000, 'рублей'],
    ];
    for (const [value, form] of cases) expect(russianNumberForm(value, forms), String(value)).toBe(form);
  });
});

describe('russianOrdinal', () => {
  it('makes days neuter and years genitive or dative, only the last word ordinal', () => {
    expect(russianOrdinal(1, 'neuter-nominative')).toBe('первое');
    expect(russianOrdinal(3, 'neuter-nominative')).toBe('третье');
    expect(russianOrdinal(3, 'genitive')).toBe('третьего');
    expect(russianOrdinal(23, 'dative')).toBe('двадцать третьему');
    expect(russianOrdinal(30, 'neuter-nominative')).toBe('тридцатое');
    expect(russianOrdinal(40, 'genitive')).toBe('сорокового');
    expect(russianOrdinal(2026, 'genitive')).toBe('две тысячи двадцать шестого');
    expect(russianOrdinal(2000, 'genitive')).toBe('двухтысячного');
    expect(russianOrdinal(1900, 'genitive')).toBe('тысяча девятисотого');
    expect(russianOrdinal(1990, 'genitive')).toBe('тысяча девятьсот девяностого');
    expect(russianOrdinal(2100, 'genitive')).toBe('две тысячи сотого');
    expect(russianOrdinal(2011, 'genitive')).toBe('две тысячи одиннадцатого');
  });
});
