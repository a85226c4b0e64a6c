import { describe, expect, it } from 'vitest';
import { isEditingKey, pressDigitKey } from './keypad-digits';

describe('pressDigitKey', () => {
  it('adds a digit while there is room, and ignores it when the field is full', () => {
    expect(pressDigitKey('82', '0', 9)).toBe('820');
    expect(pressDigitKey('820000001', '5', 9)).toBe('820000001');
  });

  it('«⌫» takes the last digit off and «Очистить» empties the field', () => {
    expect(pressDigitKey('820', 'backspace', 9)).toBe('82');
    expect(pressDigitKey('', 'backspace', 9)).toBe('');
    expect(pressDigitKey('820', 'clear', 9)).toBe('');
    expect([isEditingKey('backspace'), isEditingKey('clear'), isEditingKey('0')]).toEqual([true, true, false]);
  });
});
