import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import ba from '../resources/messages/ba.json';
import en from '../resources/messages/en.json';
import ru from '../resources/messages/ru.json';
import { catalogKeys, keysOfTree, keyTree, textAt } from '../src-renderer/lib/catalog-keys';
import { packIcu, unpackIcu, type PackedElement } from '../src-renderer/lib/icu-pack';
import { isPlainSource } from '../src-renderer/lib/plain-message';
import { literalKeyPlaces, precompiledMessages, precompileRussian, precompileTexts, type PrecompiledRussian } from './precompiled-messages';

type Catalog = { [name: string]: string | Catalog };

const isText = (entry: string | Catalog): entry is string => typeof entry === 'string';
/** The Russian file's keys in its order: the order every language's texts are built in. */
const russianKeys = catalogKeys(ru as Catalog, isText);

type Transform = (this: { addWatchFile(file: string): void }, code: string, id: string) => { code: string } | null;

/** Runs a plugin's transform as Vite would, with the files it asks to be watched. */
function transformer(plugin: unknown) {
  const watched: string[] = [];
  const transform = (plugin as { transform: Transform }).transform;
  return { watched, run: (code: string, id: string) => transform.call({ addWatchFile: (file) => watched.push(file) }, code, id) };
}

describe('the catalogs as the renderer is built with them', () => {
  for (const [language, catalog] of Object.entries({ ru, ba, en }) as Array<[string, Catalog]>) {
    it(`${language}: its texts in the Russian keys' order, a plural, select, number or date parsed, every other one as written`, () => {
      const compiled = precompileTexts(catalog, ru);
      expect(compiled).toHaveLength(russianKeys.length);
      compiled.forEach((entry, place) => {
        const key = russianKeys[place] as string;
        const text = textAt(catalog, key, isText) as string;
        if (!text.includes('{') || isPlainSource(text)) expect(entry, key).toBe(text);
        else expect(unpackIcu(entry as PackedElement[]), key).toEqual(parse(text));
      });
      // Both kinds are there: plain placeholders kept as written, plurals parsed.
      expect(compiled.some((entry) => Array.isArray(entry))).toBe(true);
      expect(compiled.some((entry) => typeof entry === 'string' && entry.includes('{'))).toBe(true);
    });
  }

  it('ru: brings its key names once, as a tree that lists the keys again in their order', () => {
    const built = precompileRussian(ru);
    expect(keysOfTree(built.keys)).toEqual(russianKeys);
    expect(built.texts).toEqual(precompileTexts(ru, ru));
    expect(keyTree({ start: { welcome: 'Добро пожаловать!', login: 'Войти' }, help: 'Помощь' }, isText)).toEqual([
      ['start', 'welcome', 'login'],
      'help',
    ]);
  });

  it('refuses a catalog whose keys differ from the Russian one, naming them', () => {
    const reference = { start: { welcome: 'Добро пожаловать!', login: 'Войти' } };
    expect(() => precompileTexts({ start: { welcome: 'Welcome!', extra: 'More' } }, reference)).toThrow(
      "the catalog's keys differ from the Russian one's: missing start.login; extra start.extra",
    );
  });

  it('formats a parsed plural as the text itself would be formatted', () => {
    const text = ru.idle.text;
    const parsed = unpackIcu(precompileTexts({ text }, { text })[0] as PackedElement[]);
    const formatted = (message: ConstructorParameters<typeof IntlMessageFormat>[0], seconds: number) =>
      new IntlMessageFormat(message, 'ru-RU').format({ seconds });
    for (const seconds of [1, 3, 5, 21, 45]) expect(formatted(parsed, seconds)).toBe(formatted(text, seconds));
    expect(formatted(parsed, 21)).toContain('Через 21 секунду');
  });

  it('changes the catalog files only, into JSON for Vite’s own JSON plugin', () => {
    const plugin = transformer(precompiledMessages());
    const code = JSON.stringify({
      hello: 'Здравствуйте, {name}!',
      plain: 'Добро пожаловать!',
      left: '{n, plural, one {# день} other {# дней}}',
    });
    const compiled = JSON.parse(plugin.run(code, '/kiosk/resources/messages/ru.json')!.code) as PrecompiledRussian;
    expect(compiled).toEqual({
      keys: ['hello', 'plain', 'left'],
      texts: ['Здравствуйте, {name}!', 'Добро пожаловать!', packIcu(parse('{n, plural, one {# день} other {# дней}}'))],
    });
    expect(plugin.run(code, '/kiosk/package.json')).toBeNull();
    // Another language is its texts in the order of the Russian file beside it.
    const english = JSON.stringify({ ...en, start: { ...en.start, welcome: '{n, plural, one {# day} other {# days}}' } });
    const texts = JSON.parse(plugin.run(english, path.resolve('resources/messages/en.json'))!.code) as unknown[];
    expect(texts[russianKeys.indexOf('start.welcome')]).toEqual(packIcu(parse('{n, plural, one {# day} other {# days}}')));
    // Built from the Russian keys, so built again when they change.
    expect(plugin.watched).toContain(path.resolve('resources/messages/ru.json'));
  });

  it('writes a literal key of i18n.t as its place among the texts, and nothing else', () => {
    const plugin = transformer(literalKeyPlaces(path.resolve('resources/messages/ru.json')));
    const place = russianKeys.indexOf('start.welcome');
    const code = `$.set_text(a, i18n.t('start.welcome')); i18n.t("start.welcome", v); i18n.t('start.nothing'); i18n.t(key); x.t('start.welcome'); const k = 'start.welcome';`;
    expect(plugin.run(code, '/kiosk/src-renderer/screens/start-screen.svelte')?.code).toBe(
      `$.set_text(a, i18n.t(${place})); i18n.t(${place}, v); i18n.t('start.nothing'); i18n.t(key); x.t('start.welcome'); const k = 'start.welcome';`,
    );
    expect(plugin.run(code, '/kiosk/node_modules/some/index.ts')).toBeNull();
    expect(plugin.run(code, '/kiosk/src-renderer/app.css')).toBeNull();
  });

  it('gives the places anew when the Russian file changes under a dev server', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-catalog-'));
    try {
      const file = path.join(dir, 'ru.json');
      fs.writeFileSync(file, JSON.stringify({ start: { welcome: 'Добро пожаловать!' } }));
      fs.utimesSync(file, 1_000, 1_000);
      const plugin = transformer(literalKeyPlaces(file));
      const code = "i18n.t('start.welcome')";
      const id = '/kiosk/src-renderer/screens/start-screen.svelte';
      expect(plugin.run(code, id)?.code).toBe('i18n.t(0)');
      expect(plugin.watched).toEqual([file]);
      fs.writeFileSync(file, JSON.stringify({ start: { title: 'Касса', welcome: 'Добро пожаловать!' } }));
      fs.utimesSync(file, 2_000, 2_000);
      expect(plugin.run(code, id)?.code).toBe('i18n.t(1)');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('packs a parsed text smaller, and unpacks it to the same parse', () => {
    for (const catalog of [ru, ba, en] as Catalog[]) {
      for (const key of russianKeys) {
        const text = textAt(catalog, key, isText) as string;
        if (!text.includes('{')) continue;
        const parsed = parse(text);
        expect(unpackIcu(packIcu(parsed)), key).toEqual(parsed);
      }
    }
    const parsed = parse('{count, plural, one {Остался # знак} other {Осталось # знаков}} из {max}');
    expect(packIcu(parsed)).toEqual([
      { ...parsed[0], options: { one: ['Остался ', 0, ' знак'], other: ['Осталось ', 0, ' знаков'] } },
      ' из ',
      ['max'],
    ]);
  });
});
