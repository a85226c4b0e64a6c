import { parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import ba from '../../resources/messages/ba.json';
import en from '../../resources/messages/en.json';
import ru from '../../resources/messages/ru.json';
import { fillPlainSource, isPlainSource } from './plain-message';

type Catalog = { [name: string]: string | Catalog };

function texts(catalog: Catalog, prefix = ''): Array<[string, string]> {
  return Object.entries(catalog).flatMap(([name, entry]) =>
    typeof entry === 'string' ? [[`${prefix}${name}`, entry] as [string, string]] : texts(entry, `${prefix}${name}.`),
  );
}

const LOCALES = { ru: 'ru-RU', ba: 'ba-RU', en: 'en-GB' };

describe('a text of words and plain placeholders, filled in without intl-messageformat', () => {
  for (const [language, catalog] of Object.entries({ ru, ba, en }) as Array<[keyof typeof LOCALES, Catalog]>) {
    it(`${language}: is never taken for plain where ICU reads more, and reads as intl-messageformat formats it`, () => {
      let plain = 0;
      for (const [key, text] of texts(catalog).filter(([, text]) => text.includes('{'))) {
        const parsed = parse(text);
        const onlyArguments = parsed.every((element) => element.type === TYPE.literal || element.type === TYPE.argument);
        // Never plain where ICU reads more; a plain text it would not take (a `>` in it) is only parsed.
        if (!onlyArguments) expect(isPlainSource(text), key).toBe(false);
        if (!isPlainSource(text)) continue;
        plain += 1;
        const names = parsed.flatMap((element) => (element.type === TYPE.argument ? [element.value] : []));
        for (const values of [
          Object.fromEntries(names.map((name) => [name, `‹${name}›`])),
          Object.fromEntries(names.map((name, index) => [name, 1234 + index])),
        ]) {
          expect(fillPlainSource(text, values), key).toBe(String(new IntlMessageFormat(text, LOCALES[language]).format(values)));
        }
      }
      // The start screen's contact line is one of them: it must not wake ICU.
      expect(fillPlainSource(texts(catalog).find(([key]) => key === 'start.contactCentre')?.[1] ?? '', { phone: '8-800' })).toContain(
        '8-800',
      );
      expect(plain).toBeGreaterThan(150);
    });
  }

  it('leaves quoting, tags and plurals to intl-messageformat', () => {
    expect(isPlainSource(ru.idle.text)).toBe(false);
    expect(isPlainSource("It's {name}")).toBe(true);
    expect(isPlainSource("'{name}' is quoted")).toBe(false);
    expect(isPlainSource("It''s {name}")).toBe(false);
    expect(isPlainSource('<b>{name}</b>')).toBe(false);
    expect(isPlainSource('{count, number}')).toBe(false);
  });

  it('refuses a missing value as intl-messageformat does, and shows an empty one', () => {
    expect(() => fillPlainSource('Звоните {phone}', {})).toThrow('"phone" was not provided');
    expect(() => new IntlMessageFormat('Звоните {phone}', 'ru-RU').format({})).toThrow('"phone" was not provided');
    expect(() => fillPlainSource('Звоните {phone}', undefined)).toThrow('"phone" was not provided');
    expect(fillPlainSource('Звоните {phone}', { phone: '' })).toBe('Звоните ');
  });
});
