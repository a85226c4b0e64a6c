// A bill scanner in keyboard (HID) mode types what it read as key presses, far faster than a person,
// and ends with Enter. This tells such a burst from typing: at least `minLength` printable keys at
// `maxGapMs` apart or less on average, then Enter, while no editable field has the focus. A late key
// now and then (a busy computer, the scanner's USB buffer) does not break a burst; a pause longer
// than HICCUP_MS does. While a burst keeps a scanner's pace its keys are kept from the page (a focused
// button would take Space or Enter); a person's keys never keep that pace, so they are left alone.

export interface ScannerBurstOptions {
  /** Whether scans are wanted now (e.g. only on the screens before login). */
  active: () => boolean;
  /** Gets the text of each burst, without the Enter. */
  onscan: (text: string) => void;
  /** Fewest characters of a scan. */
  minLength?: number;
  /** Longest average pause between the keys of one burst, ms. */
  maxGapMs?: number;
  /** The clock, ms (tests pass their own). */
  now?: () => number;
}

export const SCAN_MIN_LENGTH = 8;
export const SCAN_MAX_GAP_MS = 35;
/**
 * A single pause up to this long still belongs to the burst, ms. A busy kiosk PC can hold its input
 * events for a few hundred ms and then hand them over at once; a person cannot reach a scanner's
 * average pace however long one pause is, so the average still tells them apart.
 */
const HICCUP_MS = 1_000;

/** What of the focused element tells whether it takes typed text (read without DOM classes, so it runs under Node too). */
type FocusedElement = Pick<HTMLInputElement, 'tagName' | 'isContentEditable' | 'readOnly' | 'disabled' | 'type'>;

/** The document, or anything that has its keyboard events and focus. */
export type ScanTarget = Pick<Document, 'addEventListener' | 'removeEventListener'> & { readonly activeElement: Element | null };

const UNTYPED_INPUTS = new Set(['button', 'checkbox', 'radio', 'range', 'color', 'file', 'submit', 'reset', 'image']);

/** An element that takes typed text itself: a scan is then typing into it, not ours to take. */
function isEditable(element: Element | null): boolean {
  if (!element) return false;
  const focused = element as Partial<FocusedElement>;
  if (focused.isContentEditable) return true;
  const tag = focused.tagName?.toUpperCase();
  if (tag === 'TEXTAREA') return !focused.readOnly && !focused.disabled;
  if (tag === 'INPUT') return !UNTYPED_INPUTS.has(focused.type ?? 'text') && !focused.readOnly && !focused.disabled;
  return false;
}

const isPrintable = (event: KeyboardEvent) => event.key.length === 1 && !event.ctrlKey && !event.altKey && !event.metaKey;

/** Watches `target` (the document) for scanner bursts; returns the function that stops watching. */
export function watchScannerBursts(target: ScanTarget, options: ScannerBurstOptions): () => void {
  const minLength = options.minLength ?? SCAN_MIN_LENGTH;
  const maxGapMs = options.maxGapMs ?? SCAN_MAX_GAP_MS;
  const clock = options.now ?? (() => performance.now());
  let collected = '';
  let firstKeyAt = 0;
  let lastKeyAt = -Infinity;

  /** Whether `keys` keys after the burst's first came at a scanner's pace, the last at `now`. */
  const scannerPace = (keys: number, now: number) => (now - firstKeyAt) / keys <= maxGapMs;

  const swallow = (event: KeyboardEvent) => {
    event.preventDefault();
    event.stopImmediatePropagation();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (!options.active() || isEditable(target.activeElement)) {
      collected = '';
      return;
    }
    const now = clock();
    const inBurst = collected.length > 0 && now - lastKeyAt <= HICCUP_MS;
    if (event.key === 'Enter') {
      const text = collected;
      collected = '';
      if (inBurst && text.length >= minLength && scannerPace(text.length, now)) {
        swallow(event);
        options.onscan(text);
      }
      return;
    }
    // Shift comes with a scanner's capitals: it neither ends nor starts a burst.
    if (event.key === 'Shift' || event.key === 'CapsLock') {
      if (inBurst) lastKeyAt = now;
      return;
    }
    if (!isPrintable(event)) {
      collected = '';
      return;
    }
    if (inBurst) {
      collected += event.key;
      if (scannerPace(collected.length - 1, now)) swallow(event);
    } else {
      collected = event.key;
      firstKeyAt = now;
    }
    lastKeyAt = now;
  };

  // The key-up of a swallowed key would still activate a focused button (Space): swallowed too.
  const onKeyUp = (event: KeyboardEvent) => {
    const now = clock();
    const inBurst = collected.length > 1 && now - lastKeyAt <= HICCUP_MS && scannerPace(collected.length - 1, lastKeyAt);
    if (inBurst && (isPrintable(event) || event.key === 'Enter')) swallow(event);
  };

  target.addEventListener('keydown', onKeyDown, { capture: true });
  target.addEventListener('keyup', onKeyUp, { capture: true });
  return () => {
    target.removeEventListener('keydown', onKeyDown, { capture: true });
    target.removeEventListener('keyup', onKeyUp, { capture: true });
  };
}
