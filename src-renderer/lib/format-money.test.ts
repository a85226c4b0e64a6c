import { describe, expect, it } from 'vitest';
import { formatMoney } from './format-money';

describe('formatMoney', () => {
  it('writes kopecks the Russian way, with a space between thousands and a comma', () => {
    expect(formatMoney(123241)).toBe('1\u00a0232,41\u00a0₽');
    expect(formatMoney(0)).toBe('0,00\u00a0₽');
    expect(formatMoney(5)).toBe('0,05\u00a0₽');
    expect(formatMoney(-172466)).toBe('-1\u00a0724,66\u00a0₽');
  });
});
