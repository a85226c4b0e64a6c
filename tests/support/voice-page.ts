// Voice mode as a customer who cannot see uses it, for end-to-end tests: the texts it speaks (its
// caption, recorded in order), and the tactile keypad's keys: ▼ until the wanted item is spoken,
// ● to press it. Expectations are built from the catalogs, so each language is asserted alike.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import bashkir from '../../resources/messages/ba.json';
import english from '../../resources/messages/en.json';
import russian from '../../resources/messages/ru.json';

export type Language = 'ru' | 'ba' | 'en';
export const CATALOGS = { ru: russian, ba: bashkir, en: english } as const;

/** A catalog text with its ICU placeholders filled in (only plain `{name}` ones are used here). */
export function text(language: Language, key: string, values: Record<string, string> = {}): string {
  let node: unknown = CATALOGS[language];
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'string') throw new Error(`no catalog text ${key}`);
  return node.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{${name}}`);
}

export const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
export const button = (language: Language, name: string) => `${text(language, 'voiceMode.role.button')}. ${name}.`;
/** A new screen, as voice mode announces it: its title without its own closing mark. */
export const screen = (language: Language, title: string) => text(language, 'voiceMode.screen', { title: title.replace(/[.!?]+$/, '') });
export const field = (language: Language, label: string) => `${text(language, 'voiceMode.role.field')}. ${label}.`;

/** Records every caption voice mode shows: the texts it speaks, in order. */
export async function recordSpeech(page: Page): Promise<void> {
  await page.evaluate(() => {
    const spoken: string[] = [];
    (window as unknown as { spoken: string[] }).spoken = spoken;
    new MutationObserver(() => {
      const caption = document.querySelector('[data-testid="voice-caption"]')?.textContent ?? '';
      if (caption && spoken.at(-1) !== caption) spoken.push(caption);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

export const spokenSoFar = (page: Page) => page.evaluate(() => (window as unknown as { spoken: string[] }).spoken.slice());

/** Per page, how far `heard` has read the spoken texts. */
const heardUpTo = new WeakMap<Page, number>();

/**
 * Waits until voice mode says something that matches, after what the last `heard` matched: the
 * texts are heard in order, and a screen announced earlier does not count for a later visit.
 */
export async function heard(page: Page, expected: string | RegExp): Promise<void> {
  const matches = (said: string) => (typeof expected === 'string' ? said.includes(expected) : expected.test(said));
  const from = heardUpTo.get(page) ?? 0;
  let found = -1;
  await expect
    .poll(
      async () => {
        found = (await spokenSoFar(page)).findIndex((said, index) => index >= from && matches(said));
        return found >= 0;
      },
      { timeout: 10_000 },
    )
    .toBe(true)
    .catch(async (error: unknown) => {
      throw new Error(`never heard «${String(expected)}»; said since:\n${(await spokenSoFar(page)).slice(from).slice(-8).join('\n')}`, {
        cause: error,
      });
    });
  heardUpTo.set(page, found + 1);
}

/**
 * Presses ▼ until the item spoken is the one wanted, as a blind customer listens their way down.
 * The presses are key events sent inside the page, as the keypad's firmware sends them, and each
 * waits for the page to speak: a few milliseconds each instead of a driver round trip, since
 * typing a password this way takes a few hundred of them.
 */
export async function moveTo(page: Page, announcement: string | RegExp, maxPresses = 150): Promise<void> {
  const wanted = typeof announcement === 'string' ? { text: announcement } : { source: announcement.source, flags: announcement.flags };
  const reached = await page.evaluate(
    async ({ wanted, maxPresses }) => {
      const caption = () => document.querySelector('[data-testid="voice-caption"]')?.textContent ?? '';
      const pattern = wanted.source === undefined ? null : new RegExp(wanted.source, wanted.flags);
      const matches = (said: string) => (pattern ? pattern.test(said) : said === wanted.text || said.endsWith(` ${wanted.text}`));
      for (let press = 0; press < maxPresses; press += 1) {
        const before = caption();
        document.activeElement?.dispatchEvent(
          new KeyboardEvent('keydown', { key: 'ArrowDown', code: 'ArrowDown', bubbles: true, cancelable: true }),
        );
        // The caption is redrawn after the handler; an item may say the same as the one before it.
        for (let tick = 0; tick < 5 && caption() === before; tick += 1) await new Promise((resolve) => setTimeout(resolve, 0));
        if (matches(caption())) return true;
      }
      return false;
    },
    { wanted, maxPresses },
  );
  if (!reached)
    throw new Error(`never reached «${String(announcement)}»; said:\n${(await spokenSoFar(page)).slice(-maxPresses).join('\n')}`);
}

/** Moves to a button and presses ●. */
export async function press(page: Page, language: Language, name: string): Promise<void> {
  await moveTo(page, button(language, name));
  await page.keyboard.press('Enter');
}

/**
 * Chooses a field with ●, then types on its on-screen keys with ▼ and ● (a comma is the readings
 * keypad's «Запятая»), and goes back to the field with ◄. `clear` presses «Очистить» first.
 */
export async function typeInto(
  page: Page,
  language: Language,
  label: string,
  characters: string,
  { clear = false, back = true } = {},
): Promise<void> {
  await moveTo(page, new RegExp(`^${escape(field(language, label).slice(0, -1))}\\.`));
  await page.keyboard.press('Enter');
  await heard(page, text(language, 'voiceMode.fieldChosen', { label }));
  const keys = [
    ...(clear ? [text(language, 'keypad.clear')] : []),
    ...[...characters].map((character) => (character === ',' ? text(language, 'readings.decimalKey') : character)),
  ];
  for (const key of keys) {
    await moveTo(page, button(language, key));
    await page.keyboard.press('Enter');
  }
  if (back) await page.keyboard.press('ArrowLeft');
}

/** Keeps every audio element the page plays, to see which are still sounding. */
export async function recordAudio(page: Page): Promise<void> {
  await page.evaluate(() => {
    const played: HTMLMediaElement[] = [];
    (window as unknown as { played: HTMLMediaElement[] }).played = played;
    const play = HTMLMediaElement.prototype.play;
    HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
      played.push(this);
      return play.call(this);
    };
  });
}

/** For each audio the page has played so far, whether it is still playing. */
export function audioStillPlaying(page: Page): Promise<boolean[]> {
  return page.evaluate(() => (window as unknown as { played: HTMLMediaElement[] }).played.map((audio) => !audio.paused && !audio.ended));
}
