// The caret of the field the on-screen keyboard types into: the keyboard moves it (typing, «Стереть»,
// ◄ ►) and the field draws it. A screen shows one keyboard at a time, typing into its active field,
// so the caret is one, shared by the two without the screen passing it between them.
import { untrack } from 'svelte';
import { caretIn, type CaretText } from './caret-text';

interface Keyboard {
  owner: object;
  /** The text the keyboard types into now (its `value`, read when asked, so always current). */
  text: () => string;
}

class KeyboardCaret {
  /** The keyboards on screen, the newest last (two only for a moment, while one screen replaces another). */
  #keyboards = $state.raw<Keyboard[]>([]);
  /** Where the caret was put last: by an edit, a ◄ ►, or a tap on the field. */
  #placed = $state.raw<CaretText | null>(null);
  /** The fields drawing the caret now: a field of its own making (not a KeyedField) draws none. */
  #drawers = $state.raw<ReadonlySet<object>>(new Set());

  /** A keyboard came on screen, typing into `text`; returns what to call when it goes. */
  connect(owner: object, text: () => string): () => void {
    this.#keyboards = [...this.#keyboards, { owner, text }];
    return () => {
      this.#keyboards = this.#keyboards.filter((keyboard) => keyboard.owner !== owner);
      if (this.#keyboards.length === 0) this.#placed = null;
    };
  }

  /** A field began to draw the caret; returns what to call when it stops. */
  drawnBy(field: object): () => void {
    // Called from the field's effect, which must not come to depend on the set it changes.
    this.#drawers = new Set([...untrack(() => this.#drawers), field]);
    return () => {
      this.#drawers = new Set([...untrack(() => this.#drawers)].filter((drawer) => drawer !== field));
    };
  }

  /** Whether the field the keyboard types into shows the caret: only then may ◄ ► move it. */
  get drawn(): boolean {
    return this.#drawers.size > 0;
  }

  /** The text the keyboard on screen types into, or null when no keyboard is shown. */
  get text(): string | null {
    return this.#keyboards.at(-1)?.text() ?? null;
  }

  /**
   * The caret in `text`: where it was put, while the text is still the one it was put in. Any other
   * text (another field chosen, a form that emptied itself) gets the caret at its end, where typing
   * has always gone on.
   */
  caretIn(text: string): number {
    const placed = this.#placed;
    return placed && placed.text === text ? caretIn(text, placed.caret) : text.length;
  }

  /** The caret put at `caret` in `text` (an edit of the keyboard, or a tap in the field showing `text`). */
  place(text: string, caret: number): void {
    this.#placed = { text, caret: caretIn(text, caret) };
  }
}

export const keyboardCaret = new KeyboardCaret();
