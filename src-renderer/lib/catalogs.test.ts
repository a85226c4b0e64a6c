// The three catalogs must stay in step: a key present in one language and missing in another, an
// argument that differs, or a message ICU cannot parse fails here rather than on a screen.
import fs from 'node:fs';
import path from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';

type MessageFormatElement = ReturnType<IntlMessageFormat['getAst']>[number];
type Catalog = { [key: string]: string | Catalog };

const LANGUAGES = ['ru', 'ba', 'en'] as const;
const folder = path.resolve(import.meta.dirname, '../../resources/messages');

function flatten(node: Catalog, prefix = '', into = new Map<string, string>()): Map<string, string> {
  for (const [name, value] of Object.entries(node)) {
    if (typeof value === 'string') into.set(`${prefix}${name}`, value);
    else flatten(value, `${prefix}${name}.`, into);
  }
  return into;
}

const catalogs = Object.fromEntries(
  LANGUAGES.map((language) => [language, flatten(JSON.parse(fs.readFileSync(path.join(folder, `${language}.json`), 'utf8')) as Catalog)]),
) as Record<(typeof LANGUAGES)[number], Map<string, string>>;

/** Argument names a message uses, read from the ICU syntax tree (plural branch text is not an argument). */
function argumentsOf(message: IntlMessageFormat): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]): void => {
    for (const element of elements) {
      if ('value' in element && typeof element.value === 'string' && element.type !== 0) names.add(element.value);
      if ('options' in element) for (const option of Object.values(element.options)) walk(option.value);
      if ('children' in element) walk(element.children);
    }
  };
  walk(message.getAst());
  return [...names].sort();
}

/**
 * The billing centre writes its refusals in Russian only. A message whose Russian text is just its
 * words (`{billingText}`) says the same thing in the other languages in their own words, from the
 * message's other values, or generically.
 */
const BILLING_WORDS = '{billingText}';

describe('message catalogs', () => {
  it('have the same keys in every language', () => {
    for (const language of LANGUAGES) {
      const missing = [...catalogs.ru.keys()].filter((key) => !catalogs[language].has(key));
      const extra = [...catalogs[language].keys()].filter((key) => !catalogs.ru.has(key));
      expect({ language, missing, extra }).toEqual({ language, missing: [], extra: [] });
    }
  });

  it('parse as ICU messages with the same arguments in every language, and format with values for them', () => {
    const problems: string[] = [];
    for (const [key, russian] of catalogs.ru) {
      let formats: IntlMessageFormat[];
      try {
        formats = LANGUAGES.map((language) => new IntlMessageFormat(catalogs[language].get(key) ?? '', language));
      } catch (error) {
        problems.push(`${key}: ${String(error)}`);
        continue;
      }
      const used = formats.map(argumentsOf);
      // Every argument any language uses gets a value (the billing centre's refusals differ by language).
      const values = Object.fromEntries(used.flat().map((name) => [name, 1]));
      LANGUAGES.forEach((language, index) => {
        const found = used[index] ?? [];
        if (russian !== BILLING_WORDS && found.join() !== used[0]?.join()) problems.push(`${language} ${key}: ${found.join()}`);
        if (russian === BILLING_WORDS && language !== 'ru' && found.includes('billingText'))
          problems.push(`${language} ${key} shows Russian`);
        try {
          if (String(formats[index]?.format(values)).trim() === '') problems.push(`${language} ${key} is empty`);
        } catch (error) {
          problems.push(`${language} ${key}: ${String(error)}`);
        }
      });
    }
    expect(problems).toEqual([]);
  });

  it('Bashkir texts are written in Bashkir letters, not left in Russian', () => {
    const bashkir = [...catalogs.ba.values()].join(' ');
    for (const letter of ['ә', 'ө', 'ү', 'ғ', 'ҡ', 'ң', 'ҙ', 'ҫ', 'һ']) expect(bashkir).toContain(letter);
    // Only language names, words Bashkir shares with Russian (e.g. «Пароль») and the billing
    // centre's own words may be identical.
    const sharedWithRussian = new Set(['language.ru', 'language.ba', 'login.passwordLabel']);
    const sameAsRussian = [...catalogs.ba]
      .filter(([key, text]) => text === catalogs.ru.get(key) && /[а-я]{4,}/i.test(text))
      .map(([key]) => key)
      .filter((key) => !sharedWithRussian.has(key));
    expect(sameAsRussian).toEqual([]);
  });
});
