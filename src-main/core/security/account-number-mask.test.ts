import { describe, expect, it } from 'vitest';
import { maskAccountNumber, maskAccountNumberIn, maskAccountNumbersIn } from './account-number-mask';

describe('maskAccountNumber', () => {
  it('shows five dots and the last four digits', () => {
    expect(maskAccountNumber('820000001')).toBe('•••••0001');
    expect(maskAccountNumber('820000999')).toBe('•••••0999');
  });

  it('hides a value too short to leave anything out', () => {
    expect(maskAccountNumber('1234')).toBe('•••••');
    expect(maskAccountNumber('')).toBe('•••••');
  });
});

describe('maskAccountNumberIn', () => {
  it('masks the account number inside a payment purpose and leaves the rest', () => {
    expect(maskAccountNumberIn('Оплата за отопление и ГВС, л/с 820000001, за 11.2026', '820000001')).toBe(
      'Оплата за отопление и ГВС, л/с •••••0001, за 11.2026',
    );
  });

  it('masks every place of that number in a receipt line, keeps its width and leaves a KPP alone', () => {
    const line = 'Лицевой счёт 820000001  КПП 027801001';
    const masked = maskAccountNumberIn(line, '820000001');
    expect(masked).toBe('Лицевой счёт •••••0001  КПП 027801001');
    expect(masked).toHaveLength(line.length);
    expect(maskAccountNumberIn('без номера', '')).toBe('без номера');
  });
});

describe('maskAccountNumbersIn', () => {
  it('masks any account number in a log message', () => {
    expect(maskAccountNumbersIn('Оплата за отопление и ГВС, л/с 820000001, за 11.2026')).toBe(
      'Оплата за отопление и ГВС, л/с •••••0001, за 11.2026',
    );
  });

  it('masks every nine-digit run, glued to words or not, and no longer or shorter number', () => {
    expect(maskAccountNumbersIn('login 820000001 failed; л/с820000002;')).toBe('login •••••0001 failed; л/с•••••0002;');
    expect(maskAccountNumbersIn('ИНН 0278000001, р/с 40702810000000000001, 12345678')).toBe(
      'ИНН 0278000001, р/с 40702810000000000001, 12345678',
    );
  });
});
