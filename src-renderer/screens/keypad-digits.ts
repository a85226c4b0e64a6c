// What a key of the numeric keypad does to a string of digits, the one rule every form shares:
// «⌫» takes the last digit off, «Очистить» empties it, a digit goes on while there is room.

/** True for a key that removes rather than types. */
export function isEditingKey(key: string): boolean {
  return key === 'backspace' || key === 'clear';
}

export function pressDigitKey(digits: string, key: string, limit: number): string {
  if (key === 'backspace') return digits.slice(0, -1);
  if (key === 'clear') return '';
  return digits.length < limit ? `${digits}${key}` : digits;
}
