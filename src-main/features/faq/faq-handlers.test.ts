import { describe, expect, it } from 'vitest';
import { inEveryLanguage } from './faq-handlers';

describe('inEveryLanguage', () => {
  it('keeps each translation and reads an untranslated one in Russian', () => {
    expect(inEveryLanguage({ ru: 'Поверка', ba: 'Поверкалау', en: 'Verification' })).toEqual({
      ru: 'Поверка',
      ba: 'Поверкалау',
      en: 'Verification',
    });
    expect(inEveryLanguage({ ru: 'Перерасчёт', en: 'Recalculation' })).toEqual({ ru: 'Перерасчёт', ba: 'Перерасчёт', en: 'Recalculation' });
    expect(inEveryLanguage({ ru: 'Регистрация' })).toEqual({ ru: 'Регистрация', ba: 'Регистрация', en: 'Регистрация' });
  });
});
