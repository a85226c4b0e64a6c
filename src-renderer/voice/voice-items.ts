// The items voice mode moves between on the screen, in a sensible order, and what each one is.
// Read from the DOM as it is drawn, so every screen, dialog and future feature is covered without
// a script of its own: the screen's controls and text first, then the header (language, display
// modes), then the voice panel. An open dialog is the whole world while it is open.
import type { ItemFacts, ItemRole } from './control-announcement';

const CONTROLS = 'button, input, textarea, select, a[href], [role="button"], [role="tab"], [role="checkbox"], [role="radio"]';
/** Text worth stopping at: headings, paragraphs, list items, table rows, a definition pair's parts, live messages. */
const TEXTS = 'h1, h2, h3, h4, p, li, dt, dd, tr, caption, figcaption, [role="status"], [role="alert"], [data-voice-text]';
/** Where an item belongs in the order: the screen, then everything else, then voice mode's own panel. */
const REGION_ORDER = ['main', '*', '.voice-panel'] as const;
/** The screen on view: the start screen stays in the page, hidden, while another is shown (App.svelte). */
export const SHOWN_SCREEN = 'main:not([hidden] *)';

/** Secret fields: their value is only ever counted, never read out (passwords, PINs, codes). */
const SECRET_FIELD = 'input[type="password"], [data-secret]';

function visible(element: Element): boolean {
  if (element.closest('[aria-hidden="true"], [inert], [hidden], [data-voice-skip]')) return false;
  return element.checkVisibility({ checkOpacity: false, checkVisibilityCSS: true });
}

/** Layout whitespace collapsed; no-break spaces stay, they group the digits of an amount («14 273,88 ₽»). */
export function collapsedText(text: string | null | undefined): string {
  return (text ?? '').replace(/[ \t\n\r\f]+/g, ' ').trim();
}

/** The text of an element without the controls inside it (they are items of their own) and without decoration. */
function ownText(element: Element): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node instanceof Element && (node.matches(CONTROLS) || node.getAttribute('aria-hidden') === 'true')) return;
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    for (const child of node.childNodes) walk(child);
  };
  for (const child of element.childNodes) walk(child);
  return collapsedText(parts.join(' '));
}

/** Ids that describe a control: their text is the control's help (the ? key), not an item of its own. */
function descriptionIds(scope: ParentNode): Set<string> {
  const ids = new Set<string>();
  for (const control of scope.querySelectorAll('[aria-describedby]')) {
    for (const id of (control.getAttribute('aria-describedby') ?? '').split(/\s+/)) if (id) ids.add(id);
  }
  return ids;
}

function regionRank(element: Element): number {
  if (element.closest('.voice-panel')) return REGION_ORDER.indexOf('.voice-panel');
  if (element.closest('main')) return REGION_ORDER.indexOf('main');
  return REGION_ORDER.indexOf('*');
}

/** The dialog that holds the screen now, if any: only its items are reachable, as for touch. */
export function openDialog(doc: Document): HTMLDialogElement | null {
  const dialogs = [...doc.querySelectorAll<HTMLDialogElement>('dialog[open]')];
  return dialogs.at(-1) ?? null;
}

/** Every item of the screen (or of its open dialog), in the order ▲ ▼ walk them. */
export function voiceItems(doc: Document): Element[] {
  const dialog = openDialog(doc);
  const scope: ParentNode = dialog ?? doc.querySelector('.kiosk') ?? doc.body;
  const descriptions = descriptionIds(scope);
  const candidates = [...scope.querySelectorAll(`${CONTROLS}, ${TEXTS}`)].filter((element) => {
    if (!visible(element)) return false;
    if (element.matches(CONTROLS)) return !element.closest('label') || element.matches('input, textarea, select');
    // A piece of text inside a control is its name; text that holds items of its own is read through them.
    if (element.closest(CONTROLS)) return false;
    if (element.id && descriptions.has(element.id)) return false;
    if (element.querySelector(TEXTS)) return false;
    if (element.closest('tr') && element.tagName !== 'TR') return false;
    // Text beside a control («Лицевой счёт •••••0001» next to «Показать») is an item of its own.
    return ownText(element) !== '';
  });
  if (dialog) return candidates;
  // A stable sort keeps the document order within each region.
  return candidates
    .map((element, index) => ({ element, index, rank: regionRank(element) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((entry) => entry.element);
}

function roleOf(element: Element): ItemRole {
  const role = element.getAttribute('role');
  if (role === 'tab' || role === 'checkbox' || role === 'radio') return role;
  if (element instanceof HTMLInputElement) {
    if (element.type === 'checkbox') return 'checkbox';
    if (element.type === 'radio') return 'radio';
    if (element.type === 'button' || element.type === 'submit') return 'button';
    return 'field';
  }
  if (element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) return 'field';
  if (element instanceof HTMLAnchorElement) return 'link';
  if (element instanceof HTMLButtonElement || role === 'button') return 'button';
  if (/^H[1-4]$/.test(element.tagName)) return 'heading';
  return 'text';
}

function textOfIds(doc: Document, ids: string | null): string {
  return collapsedText(
    (ids ?? '')
      .split(/\s+/)
      .map((id) => (id ? doc.getElementById(id)?.textContent : ''))
      .join(' '),
  );
}

/** The name a screen reader would give: aria-label, the label of a field, else the visible text. */
function nameOf(element: Element): string {
  const doc = element.ownerDocument;
  const label = element.getAttribute('aria-label') ?? textOfIds(doc, element.getAttribute('aria-labelledby'));
  if (label) return collapsedText(label);
  if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) {
    const labels = [...(element.labels ?? [])].map((labelElement) => labelElement.textContent).join(' ');
    return collapsedText(labels) || collapsedText(element.getAttribute('placeholder'));
  }
  if (element.tagName === 'TR') {
    return [...element.children]
      .map((cell) => collapsedText(cell.textContent))
      .filter(Boolean)
      .join(', ');
  }
  // Arrows and icons drawn as characters are decoration («← Назад» is «Назад»).
  return ownText(element)
    .replace(/^[←→↑↓▲▼◄►•]\s*/, '')
    .replace(/\s*[←→↑↓▲▼◄►•]$/, '');
}

function isOn(element: Element): boolean | undefined {
  if (element instanceof HTMLInputElement && (element.type === 'checkbox' || element.type === 'radio')) return element.checked;
  const state = element.getAttribute('aria-pressed') ?? element.getAttribute('aria-checked') ?? element.getAttribute('aria-selected');
  return state === null ? undefined : state === 'true';
}

/** What an item is, for its announcement. */
export function itemFacts(element: Element): ItemFacts {
  const role = roleOf(element);
  const facts: ItemFacts = { role, name: nameOf(element) };
  const on = isOn(element);
  if (on !== undefined) facts.on = on;
  if ((element as HTMLButtonElement).disabled || element.getAttribute('aria-disabled') === 'true') facts.disabled = true;
  if (role === 'field') {
    facts.value = (element as HTMLInputElement).value;
    if (element.matches(SECRET_FIELD) || element.closest('[data-secret]')) facts.secret = true;
    if (element.getAttribute('aria-invalid') === 'true') {
      const error = textOfIds(element.ownerDocument, element.getAttribute('aria-describedby'));
      if (error) facts.error = error;
    }
  }
  return facts;
}

/** The ? key: what describes the item on screen (its hint or rules), if anything. */
export function itemHelp(element: Element): string {
  return textOfIds(element.ownerDocument, element.getAttribute('aria-describedby'));
}

/** The field the on-screen keys type into now, if the screen has one. */
export function activeField(doc: Document): HTMLInputElement | HTMLTextAreaElement | null {
  return doc.querySelector<HTMLInputElement | HTMLTextAreaElement>('.keyed-field.active input, .keyed-field.active textarea');
}

/** Whether an item is one of the on-screen keys of a keypad or keyboard. */
export function isInputKey(element: Element): boolean {
  return element.closest('.input-pad, .keypad, .text-keyboard, [data-input-keys]') !== null && element.matches('button');
}

/** The first key of the screen's keypad or keyboard. */
export function firstInputKey(doc: Document): Element | null {
  return voiceItems(doc).find(isInputKey) ?? null;
}

/** The screen's title (its h1), or the dialog's heading while a dialog is open. */
export function screenTitle(doc: Document): string {
  const dialog = openDialog(doc);
  const heading = (dialog ?? doc).querySelector(dialog ? 'h1, h2, h3' : `${SHOWN_SCREEN} h1`);
  return collapsedText(heading?.textContent);
}

/** The name of the labelled region an item sits in (a receipt preview, a section), if any. */
export function regionName(element: Element): string {
  const region = element.closest('section[aria-label], section[aria-labelledby], [role="region"]');
  if (!region) return '';
  return collapsedText(region.getAttribute('aria-label')) || textOfIds(element.ownerDocument, region.getAttribute('aria-labelledby'));
}
