// Navigation without sight, while voice mode is on. Two ways, both over the same items
// (`voice-items.ts`):
// - the tactile keypad (EZ-Access style), which sends ordinary key codes: ▲ ArrowUp and ▼ ArrowDown
//   move, ● Enter activates, ◄ ArrowLeft (or Escape) goes back, ? (or F1) repeats the help;
// - explore by touch: one tap says what is under the finger, a second tap on it activates it.
// What the screen says by itself (a new screen, a dialog, a live message such as «Квитанция
// напечатана») is spoken when it appears, as a screen reader would.
import { nextPaint } from '../lib/after-paint';
import { i18n } from '../lib/i18n.svelte';
import { announcement, caretAnnouncement } from './control-announcement';
import {
  collapsedText,
  activeField,
  firstInputKey,
  isInputKey,
  itemFacts,
  itemHelp,
  openDialog,
  regionName,
  screenTitle,
  SHOWN_SCREEN,
  voiceItems,
} from './voice-items';
import type { VoiceMode } from './voice-mode.svelte';

/** The keypad's keys, as its firmware sends them. */
export const VOICE_KEYS = {
  next: ['ArrowDown'],
  previous: ['ArrowUp'],
  activate: ['Enter'],
  back: ['ArrowLeft', 'Escape'],
  help: ['?', 'F1', 'Help'],
} as const;

/** A second tap on the same item within this time activates it. */
const DOUBLE_TAP_MS = 700;
/** Changes of the page are gathered this long before they are announced (a screen draws in several steps). */
const SETTLE_MS = 80;
const LIVE_REGIONS = '[role="status"], [role="alert"], [aria-live="polite"], [aria-live="assertive"]';
const CURRENT_MARK = 'data-voice-current';

function isKey(group: readonly string[], event: KeyboardEvent): boolean {
  return group.includes(event.key);
}

/** Whether a key is one of the tactile keypad's help keys (also what turns voice mode on). */
export function isHelpKey(event: KeyboardEvent): boolean {
  return isKey(VOICE_KEYS.help, event);
}

/** Starts navigation on the page; returns the function that stops it. */
export function startVoiceNavigation(doc: Document, voice: VoiceMode): () => void {
  // For the announcement helpers, which take the translation as a function; calls here write
  // `i18n.t('…')` out, so that the build can give the key's place (scripts/precompiled-messages.ts).
  const translate = i18n.t.bind(i18n);
  let current: Element | null = null;
  let lastTap = { item: null as Element | null, at: 0 };
  let context = contextKey();
  /** What each live region said last, so a region is spoken when it changes, not at every redraw. */
  const liveSaid = new WeakMap<Element, string>();
  const changedRegions = new Set<Element>();
  /** Live regions that appeared in this batch (a message shown), as opposed to ones whose text changed. */
  const addedRegions = new Set<Element>();
  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  /** Set while voice mode itself clicks an item, so its own click is not taken for a tap. */
  let clicking = false;

  function contextKey(): string {
    const dialog = openDialog(doc);
    return `${dialog ? 'dialog' : 'screen'}:${screenTitle(doc)}`;
  }

  function mark(item: Element | null): void {
    current?.removeAttribute(CURRENT_MARK);
    current = item;
    if (!item) return;
    item.setAttribute(CURRENT_MARK, '');
    // Passing over a field must not choose it (focus would make the keys type into it): only ● does.
    if (item instanceof HTMLElement && item.matches('button, a[href], [tabindex]')) item.focus();
    else if (doc.activeElement instanceof HTMLElement) doc.activeElement.blur();
    item.scrollIntoView({ block: 'nearest' });
  }

  const describe = (item: Element) => announcement(itemFacts(item), translate);

  function move(step: 1 | -1): void {
    const items = voiceItems(doc);
    if (items.length === 0) return;
    const index = current ? items.indexOf(current) : -1;
    let next = index === -1 ? (step === 1 ? 0 : items.length - 1) : index + step;
    let wrapped = false;
    if (next >= items.length || next < 0) {
      next = step === 1 ? 0 : items.length - 1;
      wrapped = true;
    }
    const item = items[next];
    if (!item) return;
    mark(item);
    voice.speak(wrapped ? `${i18n.t('voiceMode.wrapped')} ${describe(item)}` : describe(item));
  }

  function click(item: Element): void {
    clicking = true;
    try {
      (item as HTMLElement).click();
    } finally {
      clicking = false;
    }
  }

  /** What pressing a key of the on-screen keypad did to the field: never the characters of a secret. */
  function typingEcho(field: HTMLInputElement | HTMLTextAreaElement, before: string, key: Element, keyName: string): string {
    const after = field.value;
    const secret = itemFacts(field).secret === true;
    // ◄ ►: the key, then where the caret stands now (the field holds it as its selection).
    if (key.hasAttribute('data-moves-caret'))
      return `${keyName}. ${caretAnnouncement(after, field.selectionStart ?? after.length, secret, translate)}`;
    if (after.length < before.length)
      return after === '' || secret ? i18n.t('voiceMode.erased') : `${i18n.t('voiceMode.erased')}. ${describe(field)}`;
    if (after.length > before.length) return secret ? i18n.t('voiceMode.star') : keyName;
    // Nothing typed (a full field): a character key of a secret is still not named back.
    return secret && [...keyName].length === 1 ? i18n.t('voiceMode.star') : keyName;
  }

  async function activate(): Promise<void> {
    const item = current;
    if (!item?.isConnected) return move(1);
    const facts = itemFacts(item);
    if (facts.disabled || facts.role === 'text' || facts.role === 'heading') return voice.speak(describe(item));
    if (facts.role === 'field') {
      click(item);
      await nextPaint();
      // The field's keys follow it on the screen; the customer goes straight to them.
      const key = firstInputKey(doc);
      if (!key) return voice.speak(describe(item));
      mark(key);
      return voice.speak(`${i18n.t('voiceMode.fieldChosen', { label: facts.name })} ${describe(key)}`);
    }
    const field = isInputKey(item) ? activeField(doc) : null;
    const before = field?.value ?? '';
    const itemsBefore = new Set(voiceItems(doc));
    const utterancesBefore = voice.utterances;
    click(item);
    await nextPaint();
    if (field) {
      const echo = typingEcho(field, before, item, facts.name);
      // The form moved on by itself (a complete account number goes on to the password): say so, and go to the new keys.
      const nextField = activeField(doc);
      if (!nextField || nextField === field) return voice.speak(echo);
      const key = firstInputKey(doc);
      mark(key ?? nextField);
      return voice.speak(`${echo}. ${i18n.t('voiceMode.fieldChosen', { label: itemFacts(nextField).name })} ${key ? describe(key) : ''}`);
    }
    // Let the page draw and the watcher speak a new screen, dialog or message first.
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS * 2));
    if (voice.utterances !== utterancesBefore || !voice.on) return;
    // Otherwise say what the press revealed (a preview with its «Напечатать»), or a toggle's new state.
    const revealed = voiceItems(doc).find(
      (candidate) => !itemsBefore.has(candidate) && !['text', 'heading'].includes(itemFacts(candidate).role),
    );
    if (revealed) {
      mark(revealed);
      return voice.speak([regionName(revealed), describe(revealed)].filter(Boolean).join('. '));
    }
    if (item.isConnected && itemFacts(item).on !== undefined) voice.speak(describe(item));
  }

  function back(): void {
    // From the keys, back to the field they type into.
    if (current && isInputKey(current)) {
      const field = activeField(doc);
      if (field) {
        mark(field);
        return voice.speak(describe(field));
      }
    }
    const backNames = new Set([i18n.t('common.back'), i18n.t('appeals.cancel'), i18n.t('profile.cancel')]);
    const way = voiceItems(doc).find((item) => item.matches('button') && backNames.has(itemFacts(item).name));
    if (way) click(way);
    else voice.speak(contextAnnouncement());
  }

  function help(): void {
    const description = current ? itemHelp(current) : '';
    voice.speak(`${description || i18n.t('voiceMode.noHelp')} ${i18n.t('voiceMode.keysHelp')}`);
  }

  /** A new screen: its title (and on the start screen, how to begin). A dialog: everything it says. */
  function contextAnnouncement(): string {
    const dialog = openDialog(doc);
    if (dialog) {
      const items = voiceItems(doc);
      const isText = (item: Element) => ['text', 'heading'].includes(itemFacts(item).role);
      const firstControl = items.find((item) => !isText(item)) ?? null;
      mark(firstControl);
      return [...items.filter(isText).map(describe), firstControl ? describe(firstControl) : ''].join(' ');
    }
    mark(doc.querySelector(`${SHOWN_SCREEN} h1`));
    const start = doc.querySelector(SHOWN_SCREEN)?.matches('.start-screen') ? ` ${i18n.t('voiceMode.startHint')}` : '';
    // «Здравствуйте, …!» ends in its own mark; the catalog's sentence adds the full stop.
    return `${i18n.t('voiceMode.screen', { title: screenTitle(doc).replace(/[.!?]+$/, '') })}${start}`;
  }

  function settle(): void {
    settleTimer = undefined;
    const parts: string[] = [];
    const now = contextKey();
    if (now !== context) {
      context = now;
      parts.push(contextAnnouncement());
    }
    const contextChanged = parts.length > 0;
    for (const region of changedRegions) {
      const text = region.isConnected && region.checkVisibility() ? collapsedText(region.textContent) : '';
      // A new screen or language draws every status line and counter anew: the customer reaches
      // them with ▼. Only an alert that came with the new screen is news.
      const news = !contextChanged || (addedRegions.has(region) && region.matches('[role="alert"]'));
      // A message that appears in a titled section («Показания переданы») is said with its title.
      const title = addedRegions.has(region) ? regionName(region) : '';
      if (text && news && liveSaid.get(region) !== text) parts.push(title && !text.includes(title) ? `${title}. ${text}` : text);
      liveSaid.set(region, text);
    }
    changedRegions.clear();
    addedRegions.clear();
    const said = parts.filter(Boolean).join(' ');
    if (said) voice.speak(said);
  }

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      const node = record.target instanceof Element ? record.target : record.target.parentElement;
      const region = node?.closest(LIVE_REGIONS);
      if (region && !region.closest('.voice-panel')) changedRegions.add(region);
      for (const added of record.addedNodes) {
        if (!(added instanceof Element)) continue;
        for (const region of [added, ...added.querySelectorAll(LIVE_REGIONS)]) {
          if (!region.matches(LIVE_REGIONS)) continue;
          changedRegions.add(region);
          addedRegions.add(region);
        }
      }
    }
    clearTimeout(settleTimer);
    settleTimer = setTimeout(settle, SETTLE_MS);
  });
  // Regions already on the screen have said what they say; only changes are news.
  for (const region of doc.querySelectorAll(LIVE_REGIONS)) liveSaid.set(region, collapsedText(region.textContent));
  observer.observe(doc.body, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['open', 'hidden'],
  });

  function onKeyDown(event: KeyboardEvent): void {
    let handled = true;
    if (isKey(VOICE_KEYS.next, event)) move(1);
    else if (isKey(VOICE_KEYS.previous, event)) move(-1);
    else if (isKey(VOICE_KEYS.activate, event)) void activate();
    else if (isKey(VOICE_KEYS.back, event)) back();
    else if (isKey(VOICE_KEYS.help, event)) help();
    else handled = false;
    if (handled) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }

  function onClick(event: MouseEvent): void {
    if (clicking || !event.isTrusted) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    const target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    // The innermost item under the finger (a key inside the keypad, not the keypad's text).
    const item = voiceItems(doc)
      .filter((candidate) => candidate.contains(target))
      .sort((a, b) => (a.contains(b) ? 1 : b.contains(a) ? -1 : 0))[0];
    if (!item) return;
    const now = performance.now();
    if (lastTap.item === item && current === item && now - lastTap.at < DOUBLE_TAP_MS) {
      lastTap = { item: null, at: 0 };
      void activate();
      return;
    }
    lastTap = { item, at: now };
    mark(item);
    voice.speak(describe(item));
  }

  // A touch must not focus a field either: the first tap only names it.
  const keepFocus = (event: MouseEvent) => event.preventDefault();
  doc.addEventListener('keydown', onKeyDown, { capture: true });
  doc.addEventListener('mousedown', keepFocus, { capture: true });
  doc.addEventListener('click', onClick, { capture: true });
  return () => {
    observer.disconnect();
    clearTimeout(settleTimer);
    doc.removeEventListener('keydown', onKeyDown, { capture: true });
    doc.removeEventListener('mousedown', keepFocus, { capture: true });
    doc.removeEventListener('click', onClick, { capture: true });
    mark(null);
  };
}
