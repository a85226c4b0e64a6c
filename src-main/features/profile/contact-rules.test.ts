import { describe, expect, it } from 'vitest';
import { formatPhone, maskEmail, maskPhone, normalizeCallbackPhone, normalizeEmail, normalizeMobilePhone } from './contact-rules';

describe('e-mail', () => {
  it('accepts ordinary addresses, trimmed and with the domain in lower case', () => {
    expect(normalizeEmail('ivanova@example.ru')).toBe('ivanova@example.ru');
    expect(normalizeEmail('  Petrov.SN@Example.RU ')).toBe('Petrov.SN@example.ru');
    expect(normalizeEmail('a_b-c+tag@mail.example.com')).toBe('a_b-c+tag@mail.example.com');
  });

  it('refuses what cannot be an address', () => {
    for (const bad of [
      '',
      'ivanova',
      'ivanova@',
      '@example.ru',
      'ivanova@example',
      'iva nova@example.ru',
      'a@@example.ru',
      'a..b@example.ru',
    ]) {
      expect(normalizeEmail(bad), bad).toBeNull();
    }
    expect(normalizeEmail(`${'a'.repeat(95)}@example.ru`)).toBeNull();
  });
});

describe('phone numbers', () => {
  it('normalise a mobile number typed as 10 digits, or 11 starting with 8 or 7', () => {
    expect(normalizeMobilePhone('9175550101')).toBe('+79175550101');
    expect(normalizeMobilePhone('89175550101')).toBe('+79175550101');
    expect(normalizeMobilePhone('79175550101')).toBe('+79175550101');
    expect(normalizeMobilePhone('+7 (917) 555-01-01')).toBe('+79175550101');
  });

  it('refuse a profile phone that is not a Russian mobile number', () => {
    for (const bad of ['3472223344', '83472223344', '917555010', '991755501011', '19175550101', '9175550l01', '']) {
      expect(normalizeMobilePhone(bad), bad).toBeNull();
    }
  });

  it('accept a landline for a call back about an appeal, but not nonsense', () => {
    expect(normalizeCallbackPhone('83472223344')).toBe('+73472223344');
    expect(normalizeCallbackPhone('9175550101')).toBe('+79175550101');
    expect(normalizeCallbackPhone('1234567890')).toBeNull();
    expect(normalizeCallbackPhone('12345')).toBeNull();
  });

  it('format and mask for the screen', () => {
    expect(formatPhone('+79175550101')).toBe('+7 917 555-01-01');
    expect(maskPhone('+79175550101')).toBe('+7 917 ***-**-01');
  });
});

describe('masking e-mail', () => {
  it('keeps the first and last letter of the name and the whole domain', () => {
    expect(maskEmail('ivanova@example.ru')).toBe('i***a@example.ru');
    expect(maskEmail('ab@example.ru')).toBe('a***b@example.ru');
    expect(maskEmail('x@example.ru')).toBe('x***@example.ru');
    expect(maskEmail('not-an-address')).toBe('***');
  });
});
