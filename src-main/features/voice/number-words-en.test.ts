import { describe, expect, it } from 'vitest';
import { englishCardinal, englishOrdinal, englishYear } from './number-words-en';

describe('englishCardinal', () => {
  it('names numbers up to 999 999 999 999, without «and»', () => {
    const cases: [number, string][] = [
      [0, 'zero'],
      [1, 'one'],
      [13, 'thirteen'],
      [40, 'forty'],
      [73, 'seventy-three'],
      [100, 'one hundred'],
      [101, 'one hundred one'],
      [1000, 'one thousand'],
      [14_273, 'fourteen thousand two hundred seventy-three'],
      [1_000_000, 'one million'],
      [999_999_999, 'nine hundred ninety-nine million nine hundred ninety-nine thousand nine hundred ninety-nine'],
      [5_000_000_001, 'five billion one'],
    ];
    for (const [value, words] of cases) expect(englishCardinal(value), String(value)).toBe(words);
  });

  it('refuses what it cannot name', () => {
    expect(() => englishCardinal(-3)).toThrow(RangeError);
  });
});

describe('englishOrdinal', () => {
  it('names the days of a month', () => {
    const cases: [number, string][] = [
      [1, 'first'],
      [2, 'second'],
      [3, 'third'],
      [5, 'fifth'],
      [8, 'eighth'],
      [9, 'ninth'],
      [11, 'eleventh'],
      [12, 'twelfth'],
      [20, 'twentieth'],
      [21, 'twenty-first'],
      [23, 'twenty-third'],
      [30, 'thirtieth'],
      [31, 'thirty-first'],
    ];
    for (const [value, words] of cases) expect(englishOrdinal(value), String(value)).toBe(words);
  });
});

describe('englishYear', () => {
  it('says years in pairs, the first years of a millennium as numbers', () => {
    const cases: [number, string][] = [
      [2026, 'twenty twenty-six'],
      [2010, 'twenty ten'],
      [2000, 'two thousand'],
      [2005, 'two thousand five'],
      [1990, 'nineteen ninety'],
      [1905, 'nineteen oh five'],
      [1900, 'nineteen hundred'],
      [2100, 'twenty-one hundred'],
    ];
    for (const [value, words] of cases) expect(englishYear(value), String(value)).toBe(words);
  });
});
