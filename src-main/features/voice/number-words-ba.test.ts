import { describe, expect, it } from 'vitest';
import { bashkirCardinal, bashkirOrdinal } from './number-words-ba';

describe('bashkirCardinal', () => {
  it('names numbers up to 999 999 999 999', () => {
    const cases: [number, string][] = [
      [0, 'ноль'],
      [1, 'бер'],
      [10, 'ун'],
      [13, 'ун өс'],
      [20, 'егерме'],
      [47, 'ҡырҡ ете'],
      [90, 'туҡһан'],
      [100, 'йөҙ'],
      [273, 'ике йөҙ етмеш өс'],
      [1000, 'мең'],
      [1990, 'мең туғыҙ йөҙ туҡһан'],
      [2026, 'ике мең егерме алты'],
      [14_273, 'ун дүрт мең ике йөҙ етмеш өс'],
      [1_000_000, 'бер миллион'],
      [2_001_000, 'ике миллион бер мең'],
      [999_999_999, 'туғыҙ йөҙ туҡһан туғыҙ миллион туғыҙ йөҙ туҡһан туғыҙ мең туғыҙ йөҙ туҡһан туғыҙ'],
      [3_000_000_000, 'өс миллиард'],
    ];
    for (const [value, words] of cases) expect(bashkirCardinal(value), String(value)).toBe(words);
  });

  it('refuses what it cannot name', () => {
    expect(() => bashkirCardinal(-1)).toThrow(RangeError);
    expect(() => bashkirCardinal(1_000_000_000_000)).toThrow(RangeError);
  });
});

describe('bashkirOrdinal', () => {
  it('makes the last word ordinal with the suffix its vowels ask for', () => {
    const cases: [number, string][] = [
      [1, 'беренсе'],
      [2, 'икенсе'],
      [3, 'өсөнсө'],
      [4, 'дүртенсе'],
      [5, 'бишенсе'],
      [6, 'алтынсы'],
      [7, 'етенсе'],
      [8, 'һигеҙенсе'],
      [9, 'туғыҙынсы'],
      [10, 'унынсы'],
      [20, 'егерменсе'],
      [23, 'егерме өсөнсө'],
      [30, 'утыҙынсы'],
      [31, 'утыҙ беренсе'],
      [2000, 'ике меңенсе'],
      [2026, 'ике мең егерме алтынсы'],
      [1900, 'мең туғыҙ йөҙөнсө'],
    ];
    for (const [value, words] of cases) expect(bashkirOrdinal(value), String(value)).toBe(words);
  });
});
