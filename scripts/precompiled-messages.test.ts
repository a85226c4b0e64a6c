import path from 'node:path';
import { parse } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import ba from '../resources/messages/ba.json';
import en from '../resources/messages/en.json';
import ru from '../resources/messages/ru.json';
import { catalogFromTexts, catalogKeys } from '../src-renderer/lib/catalog-keys';
import { precompileCatalog, precompiledMessages, precompileTexts, type PrecompiledCatalog } from './precompiled-messages';

type Catalog = { [name: string]: string | Catalog };

function texts(catalog: Catalog | PrecompiledCatalog, prefix = ''): Array<[string, unknown]> {
  return Object.entries(catalog).flatMap(([name, entry]) =>
    typeof entry === 'object' && !Array.isArray(entry)
      ? texts(entry, `${prefix}${name}.`)
      : [[`${prefix}${name}`, entry] as [string, unknown]],
  );
}

/** The Russian file's keys in its order: the order the other languages' texts are built in. */
const russianKeys = catalogKeys(ru as Catalog, (entry): entry is string => typeof entry === 'string');

describe('the catalogs as the renderer is built with them', () => {
  for (const [language, catalog] of Object.entries({ ru, ba, en }) as Array<[string, Catalog]>) {
    it(`${language}: every text with placeholders arrives parsed, every other one as written`, () => {
      const original = new Map(texts(catalog));
      const compiled = texts(precompileCatalog(catalog));
      expect(compiled.map(([key]) => key)).toEqual([...original.keys()]);
      for (const [key, entry] of compiled) {
        const text = original.get(key) as string;
        if (text.includes('{')) expect(entry, key).toEqual(parse(text));
        else expect(entry, key).toBe(text);
      }
      expect(compiled.some(([, entry]) => Array.isArray(entry))).toBe(true);
    });
  }

  for (const [language, catalog] of Object.entries({ ba, en }) as Array<[string, Catalog]>) {
    it(`${language}: arrives as its texts in the Russian keys' order, and is the same catalog again with them`, () => {
      const texts = precompileTexts(catalog, ru);
      expect(texts).toHaveLength(russianKeys.length);
      expect(catalogFromTexts(russianKeys, texts)).toEqual(precompileCatalog(catalog));
    });
  }

  it('refuses a catalog whose keys differ from the Russian one, naming them', () => {
    const reference = { start: { welcome: 'Добро пожаловать!', login: 'Войти' } };
    expect(() => precompileTexts({ start: { welcome: 'Welcome!', extra: 'More' } }, reference)).toThrow(
      "the catalog's keys differ from the Russian one's: missing start.login; extra start.extra",
    );
    expect(() => catalogFromTexts(['start.welcome', 'start.login'], ['Welcome!'])).toThrow('a catalog of 1 texts for 2 keys');
  });

  it('formats a parsed plural as the text itself would be formatted', () => {
    const text = ru.idle.text;
    const parsed = (precompileCatalog({ text }) as { text: ConstructorParameters<typeof IntlMessageFormat>[0] }).text;
    const formatted = (message: typeof parsed, seconds: number) => new IntlMessageFormat(message, 'ru-RU').format({ seconds });
    for (const seconds of [1, 3, 5, 21, 45]) expect(formatted(parsed, seconds)).toBe(formatted(text, seconds));
    expect(formatted(parsed, 21)).toContain('Через 21 секунду');
  });

  it('changes the catalog files only, into JSON for Vite’s own JSON plugin', () => {
    const plugin = precompiledMessages() as { transform: (code: string, id: string) => { code: string } | null };
    const code = JSON.stringify({ hello: 'Здравствуйте, {name}!', plain: 'Добро пожаловать!' });
    const compiled = JSON.parse(plugin.transform(code, '/kiosk/resources/messages/ru.json')!.code) as PrecompiledCatalog;
    expect(compiled['plain']).toBe('Добро пожаловать!');
    expect(compiled['hello']).toEqual(parse('Здравствуйте, {name}!'));
    expect(plugin.transform(code, '/kiosk/package.json')).toBeNull();
    // Another language is its texts in the order of the Russian file beside it.
    const english = JSON.stringify({ ...en, start: { ...en.start, welcome: 'Hello, {name}!' } });
    const texts = JSON.parse(plugin.transform(english, path.resolve('resources/messages/en.json'))!.code) as unknown[];
    expect(texts[russianKeys.indexOf('start.welcome')]).toEqual(parse('Hello, {name}!'));
  });
});
