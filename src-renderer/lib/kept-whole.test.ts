import { describe, expect, it } from 'vitest';
import { keptWholeParts } from './kept-whole';

const wholeOf = (text: string) =>
  keptWholeParts(text)
    .filter((part) => part.whole)
    .map((part) => part.text);

describe('the numbers a line must not break inside', () => {
  it('finds phone numbers with hyphens, with a country code, and with non-breaking hyphens', () => {
    expect(wholeOf('Контакт-центр: 8-800-250-52-80. Звонок бесплатный.')).toEqual(['8-800-250-52-80']);
    expect(wholeOf('Телефон: +7 (347) 123-45-67')).toEqual(['+7 (347) 123-45-67']);
    expect(wholeOf('позвоните: 8\u2011800\u2011250\u201152\u201180 (звонок бесплатный)')).toEqual(['8\u2011800\u2011250\u201152\u201180']);
  });

  it('keeps a registration number together with its «№», and «№» with a serial', () => {
    expect(wholeOf('заменят переданные ранее (№ П-20261201-000001). Передать?')).toEqual(['№ П-20261201-000001']);
    expect(wholeOf('Request No.\u00a0О-20261201-000002 of 01/12/2026')).toEqual(['No.\u00a0О-20261201-000002']);
    expect(wholeOf('Счётчик № 0123456: 47,123')).toEqual(['№ 0123456']);
  });

  it('keeps «QR-код» whole in any case, and leaves other words with hyphens and plain numbers alone', () => {
    expect(wholeOf('Сбербанк Онлайн — по QR-коду или по номеру лицевого счёта')).toEqual(['QR-коду']);
    expect(wholeOf('Контакт-центр работает 24 часа, кое-где 7 дней')).toEqual([]);
  });

  it('cuts the text into parts that join back into it', () => {
    const text = 'Номер обращения: О-20261201-000001, телефон 8-800-250-52-80';
    const parts = keptWholeParts(text);
    expect(parts.map((part) => part.text).join('')).toBe(text);
    expect(parts).toEqual([
      { text: 'Номер обращения: ', whole: false },
      { text: 'О-20261201-000001', whole: true },
      { text: ', телефон ', whole: false },
      { text: '8-800-250-52-80', whole: true },
    ]);
    expect(keptWholeParts('')).toEqual([]);
  });
});
