// Editing a field's text at its caret, for the on-screen keyboard: a key types where the caret
// stands, «Стереть» removes the character before it, ◄ ► move it by one character and «Очистить»
// empties the field. Pure, so every case is tested without a page.

/** A field's text and where its caret stands: 0 is before the first character, `text.length` after the last. */
export interface CaretText {
  text: string;
  caret: number;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Whether `index` falls between the two halves of one character (an emoji pasted from the billing centre's data). */
function splitsCharacter(text: string, index: number): boolean {
  return index > 0 && index < text.length && isHighSurrogate(text.charCodeAt(index - 1)) && isLowSurrogate(text.charCodeAt(index));
}

/** The caret kept inside the text and never between the halves of one character. */
export function caretIn(text: string, caret: number): number {
  const inside = Math.min(Math.max(0, Math.trunc(caret)), text.length);
  return splitsCharacter(text, inside) ? inside - 1 : inside;
}

/** Where the caret lands one character to the left (-1) or right (+1) of `caret`. */
function stepFrom(text: string, caret: number, step: -1 | 1): number {
  const next = caretIn(text, caret) + step;
  if (next < 0 || next > text.length) return caretIn(text, caret);
  return splitsCharacter(text, next) ? next + step : next;
}

/** `characters` typed at the caret, which moves past them; nothing changes when they would not fit in `maxLength`. */
export function typeAtCaret({ text, caret }: CaretText, characters: string, maxLength: number): CaretText {
  const at = caretIn(text, caret);
  if (text.length + characters.length > maxLength) return { text, caret: at };
  return { text: text.slice(0, at) + characters + text.slice(at), caret: at + characters.length };
}

/** «Стереть»: the character before the caret removed; at the start of the text nothing happens. */
export function eraseBeforeCaret({ text, caret }: CaretText): CaretText {
  const at = caretIn(text, caret);
  const from = stepFrom(text, at, -1);
  return { text: text.slice(0, from) + text.slice(at), caret: from };
}

/** ◄ and ►: the caret one character to the left or right, stopping at either end. */
export function moveCaret({ text, caret }: CaretText, step: -1 | 1): CaretText {
  return { text, caret: stepFrom(text, caret, step) };
}

/** «Очистить»: the whole text gone at once. */
export function clearedText(): CaretText {
  return { text: '', caret: 0 };
}

/**
 * Where the caret stands after the form took the keyboard's edit. A form may keep the text as it
 * was (a space in an e-mail, a full field) or change it (a captcha answer in capitals): then the
 * caret stays where it was, or keeps its place in the changed text.
 */
export function settledCaret(before: CaretText, edited: CaretText, accepted: string): CaretText {
  if (accepted === edited.text) return edited;
  if (accepted === before.text) return { text: accepted, caret: caretIn(accepted, before.caret) };
  return { text: accepted, caret: caretIn(accepted, edited.caret) };
}
