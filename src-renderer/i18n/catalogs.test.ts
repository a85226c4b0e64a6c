// The three catalogs must stay in step: a key present in one language and missing in another, a
// placeholder that differs, or a message ICU cannot parse fails here rather than on a screen.
import fs from 'node:fs';
import path from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';

type MessageFormatElement = ReturnType<IntlMessageFormat['getAst']>[number];
import { describe, expect, it } from 'vitest';

type Catalog = { [key: string]: string | Catalog };
const LANGUAGES = ['ru', 'ba', 'en'] as const;
const root = path.dirname(new URL(import.meta.url).pathname);

function readLanguage(language: string): { files: Record<string, Catalog>; flat: Map<string, string> } {
  const files: Record<string, Catalog> = {};
  for (const file of fs.readdirSync(path.join(root, language)).filter((name) => name.endsWith('.json'))) {
    files[file] = JSON.parse(fs.readFileSync(path.join(root, language, file), 'utf8')) as Catalog;
  }
  const flat = new Map<string, string>();
  const walk = (node: Catalog, prefix: string) => {
    for (const [key, value] of Object.entries(node)) {
      const full = prefix ? `${prefix}.${key}` : key;
      if (typeof value === 'string') flat.set(full, value);
      else walk(value, full);
    }
  };
  for (const catalog of Object.values(files)) walk(catalog, '');
  return { files, flat };
}

/** Argument names a message uses, read from the ICU syntax tree (plural branch text is not an argument). */
function placeholders(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]): void => {
    for (const element of elements) {
      if ('value' in element && typeof element.value === 'string' && element.type !== 0) names.add(element.value);
      if ('options' in element) for (const option of Object.values(element.options)) walk(option.value);
      if ('children' in element) walk(element.children);
    }
  };
  walk(new IntlMessageFormat(message, 'ru').getAst());
  return [...names].sort();
}

const catalogs = Object.fromEntries(LANGUAGES.map((language) => [language, readLanguage(language)]));

describe('message catalogs', () => {
  it('have the same files and the same keys in every language', () => {
    const reference = catalogs.ru!;
    for (const language of LANGUAGES) {
      const catalog = catalogs[language]!;
      expect(Object.keys(catalog.files).sort(), language).toEqual(Object.keys(reference.files).sort());
      const missing = [...reference.flat.keys()].filter((key) => !catalog.flat.has(key));
      const extra = [...catalog.flat.keys()].filter((key) => !reference.flat.has(key));
      expect({ language, missing, extra }).toEqual({ language, missing: [], extra: [] });
    }
  });

  it('never define one namespace in two files', () => {
    const owners = new Map<string, string>();
    for (const [file, catalog] of Object.entries(catalogs.ru!.files)) {
      for (const namespace of Object.keys(catalog)) {
        expect(owners.get(namespace), `${namespace} in ${file} and ${owners.get(namespace)}`).toBeUndefined();
        owners.set(namespace, file);
      }
    }
  });

  it('parse as ICU messages with the same placeholders in every language', () => {
    for (const [key, russian] of catalogs.ru!.flat) {
      for (const language of LANGUAGES) {
        const message = catalogs[language]!.flat.get(key) ?? '';
        expect(() => new IntlMessageFormat(message, language), `${language} ${key}`).not.toThrow();
        expect(placeholders(message), `${language} ${key}`).toEqual(placeholders(russian));
        expect(message.trim(), `${language} ${key} is empty`).not.toBe('');
      }
    }
  });

  it('Bashkir texts are written in Bashkir letters, not left in Russian', () => {
    const bashkir = [...catalogs.ba!.flat.values()].join(' ');
    for (const letter of ['ә', 'ө', 'ү', 'ғ', 'ҡ', 'ң', 'ҙ', 'ҫ', 'һ']) expect(bashkir).toContain(letter);
    // Only language names and words Bashkir shares with Russian (e.g. «Пароль») may be identical.
    const sharedWithRussian = new Set(['language.ru', 'language.ba', 'login.passwordLabel']);
    const sameAsRussian = [...catalogs.ba!.flat]
      .filter(([key, text]) => text === catalogs.ru!.flat.get(key) && /[а-я]{4,}/i.test(text))
      .map(([key]) => key)
      .filter((key) => !sharedWithRussian.has(key));
    expect(sameAsRussian).toEqual([]);
  });
});
