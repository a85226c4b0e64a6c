import { afterEach, describe, expect, it } from 'vitest';
import { keyboardCaret } from './keyboard-caret.svelte';

const disconnects: Array<() => void> = [];
afterEach(() => {
  for (const disconnect of disconnects.splice(0)) disconnect();
});

describe('the caret shared by the keyboard and its field', () => {
  it('is nowhere while no keyboard is on screen', () => {
    expect(keyboardCaret.text).toBeNull();
  });

  it('follows the text the keyboard types into, and keeps its place only in the text it was put in', () => {
    let value = 'ivanova@mail.ru';
    disconnects.push(keyboardCaret.connect({}, () => value));
    expect(keyboardCaret.text).toBe('ivanova@mail.ru');
    // Nothing placed yet: typing goes on at the end, as it always did.
    expect(keyboardCaret.caretIn(value)).toBe(value.length);
    keyboardCaret.place(value, 7);
    expect(keyboardCaret.caretIn(value)).toBe(7);
    // Another field, or a form that emptied itself: the caret at the end of that text.
    value = 'other';
    expect(keyboardCaret.text).toBe('other');
    expect(keyboardCaret.caretIn(value)).toBe(5);
    keyboardCaret.place('ab', 9);
    expect(keyboardCaret.caretIn('ab')).toBe(2);
  });

  it('forgets the caret when the last keyboard goes, and a newer keyboard is the one that counts', () => {
    const first = keyboardCaret.connect({}, () => 'first');
    const second = keyboardCaret.connect({}, () => 'second');
    expect(keyboardCaret.text).toBe('second');
    second();
    expect(keyboardCaret.text).toBe('first');
    keyboardCaret.place('first', 2);
    first();
    expect(keyboardCaret.text).toBeNull();
    expect(keyboardCaret.caretIn('first')).toBe(5);
  });

  it('tells the keyboard whether a field draws the caret, so ◄ ► are offered only then', () => {
    expect(keyboardCaret.drawn).toBe(false);
    const field = {};
    const stop = keyboardCaret.drawnBy(field);
    expect(keyboardCaret.drawn).toBe(true);
    stop();
    expect(keyboardCaret.drawn).toBe(false);
  });
});
