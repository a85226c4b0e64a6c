import { describe, expect, it } from 'vitest';
import { caretIn, clearedText, eraseBeforeCaret, moveCaret, settledCaret, typeAtCaret } from './caret-text';

describe('editing a field at its caret', () => {
  it('types at the caret and moves it past what was typed', () => {
    expect(typeAtCaret({ text: 'ivanov@mail.ru', caret: 6 }, 'a', 100)).toEqual({ text: 'ivanova@mail.ru', caret: 7 });
    expect(typeAtCaret({ text: '', caret: 0 }, 'ё', 100)).toEqual({ text: 'ё', caret: 1 });
    expect(typeAtCaret({ text: 'ab', caret: 2 }, ' ', 100)).toEqual({ text: 'ab ', caret: 3 });
  });

  it('types nothing into a full field', () => {
    expect(typeAtCaret({ text: 'abc', caret: 1 }, 'x', 3)).toEqual({ text: 'abc', caret: 1 });
  });

  it('erases the character before the caret, and nothing at the start', () => {
    expect(eraseBeforeCaret({ text: 'ivanova@mail.ru', caret: 7 })).toEqual({ text: 'ivanov@mail.ru', caret: 6 });
    expect(eraseBeforeCaret({ text: 'abc', caret: 3 })).toEqual({ text: 'ab', caret: 2 });
    expect(eraseBeforeCaret({ text: 'abc', caret: 0 })).toEqual({ text: 'abc', caret: 0 });
    expect(eraseBeforeCaret({ text: '', caret: 0 })).toEqual({ text: '', caret: 0 });
  });

  it('moves the caret one character either way and stops at the ends', () => {
    expect(moveCaret({ text: 'abc', caret: 3 }, -1)).toEqual({ text: 'abc', caret: 2 });
    expect(moveCaret({ text: 'abc', caret: 2 }, 1)).toEqual({ text: 'abc', caret: 3 });
    expect(moveCaret({ text: 'abc', caret: 0 }, -1)).toEqual({ text: 'abc', caret: 0 });
    expect(moveCaret({ text: 'abc', caret: 3 }, 1)).toEqual({ text: 'abc', caret: 3 });
  });

  it('clears the whole text at once', () => {
    expect(clearedText()).toEqual({ text: '', caret: 0 });
  });

  it('never leaves the caret outside the text or inside a character of two code units', () => {
    expect(caretIn('abc', 7)).toBe(3);
    expect(caretIn('abc', -2)).toBe(0);
    const withEmoji = 'a😀b';
    expect(caretIn(withEmoji, 2)).toBe(1);
    expect(moveCaret({ text: withEmoji, caret: 1 }, 1)).toEqual({ text: withEmoji, caret: 3 });
    expect(moveCaret({ text: withEmoji, caret: 3 }, -1)).toEqual({ text: withEmoji, caret: 1 });
    expect(eraseBeforeCaret({ text: withEmoji, caret: 3 })).toEqual({ text: 'ab', caret: 1 });
  });

  it('settles the caret in what the form kept of the edit', () => {
    const before = { text: 'ab', caret: 1 };
    // Taken as typed.
    expect(settledCaret(before, { text: 'a b', caret: 2 }, 'a b')).toEqual({ text: 'a b', caret: 2 });
    // Refused (a space in an e-mail): the caret stays.
    expect(settledCaret(before, { text: 'a b', caret: 2 }, 'ab')).toEqual({ text: 'ab', caret: 1 });
    // Changed alike (a captcha answer in capitals): the caret keeps its place.
    expect(settledCaret(before, { text: 'axb', caret: 2 }, 'AXB')).toEqual({ text: 'AXB', caret: 2 });
    // Cut short by the form: the caret no further than the end.
    expect(settledCaret({ text: 'abc', caret: 3 }, { text: 'abcd', caret: 4 }, 'abc')).toEqual({ text: 'abc', caret: 3 });
  });
});
