import { parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import ba from '../../resources/messages/ba.json';
import en from '../../resources/messages/en.json';
import ru from '../../resources/messages/ru.json';
import { fillPlainMessage } from './plain-message';

type Catalog = { [name: string]: string | Catalog };

function texts(catalog: Catalog, prefix = ''): Array<[string, string]> {
  return Object.entries(catalog).flatMap(([name, entry]) =>
    typeof entry === 'string' ? [[`${prefix}${name}`, entry] as [string, string]] : texts(entry, `${prefix}${name}.`),
  );
}

const LOCALES = { ru: 'ru-RU', ba: 'ba-RU', en: 'en-GB' };

describe('a text of words and plain placeholders, filled in without intl-messageformat', () => {
  for (const [language, catalog] of Object.entries({ ru, ba, en }) as Array<[keyof typeof LOCALES, Catalog]>) {
    it(`${language}: reads as intl-messageformat formats it, with text and number values`, () => {
      let plain = 0;
      for (const [key, text] of texts(catalog).filter(([, text]) => text.includes('{'))) {
        const parsed = parse(text);
        const names = parsed.flatMap((element) => (element.type === TYPE.literal || element.type === TYPE.pound ? [] : [element.value]));
        for (const values of [
          Object.fromEntries(names.map((name) => [name, `‹${name}›`])),
          Object.fromEntries(names.map((name, index) => [name, 1234 + index])),
        ]) {
          const filled = fillPlainMessage(parsed, values);
          if (filled === undefined) continue;
          plain += 1;
          expect(filled, key).toBe(String(new IntlMessageFormat(text, LOCALES[language]).format(values)));
        }
      }
      // The start screen's contact line is one of them: it must not wake ICU.
      expect(
        fillPlainMessage(parse(texts(catalog).find(([key]) => key === 'start.contactCentre')?.[1] ?? ''), { phone: '8-800' }),
      ).toContain('8-800');
      expect(plain).toBeGreaterThan(50);
    });
  }

  it('leaves plurals, and a text whose value is missing, to intl-messageformat', () => {
    expect(fillPlainMessage(parse(ru.idle.text), { seconds: 5 })).toBeUndefined();
    expect(fillPlainMessage(parse('Звоните {phone}'), {})).toBeUndefined();
    expect(fillPlainMessage(parse('Звоните {phone}'), undefined)).toBeUndefined();
    expect(fillPlainMessage(parse('Звоните {phone}'), { phone: '' })).toBe('Звоните ');
  });
});
