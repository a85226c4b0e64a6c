import { describe, expect, it } from 'vitest';
import ba from '../../../resources/messages/ba.json';
import en from '../../../resources/messages/en.json';
import ru from '../../../resources/messages/ru.json';
import { MAX_STATEMENT_MONTHS } from './statement-check';
import { defaultStatementPeriod, periodLength, periodRangeProblem } from './statement-period';

describe('statement periods', () => {
  it('defaults to the 12 months ending with the last billed one, across a year boundary', () => {
    expect(defaultStatementPeriod('2026-10')).toEqual({ from: '2025-11', to: '2026-10' });
    expect(defaultStatementPeriod('2026-12')).toEqual({ from: '2026-01', to: '2026-12' });
    expect(periodLength('2025-11', '2026-10')).toBe(12);
  });

  it('allows one month and up to 36 months', () => {
    expect(periodRangeProblem('2026-03', '2026-03')).toBeNull();
    expect(periodRangeProblem('2023-11', '2026-10')).toBeNull();
  });

  it('refuses a start after the end and more than 36 months', () => {
    expect(periodRangeProblem('2026-04', '2026-03')).toBe('charges.errors.reversed');
    expect(periodRangeProblem('2027-01', '2026-12')).toBe('charges.errors.reversed');
    expect(periodRangeProblem('2023-10', '2026-10')).toBe('charges.errors.tooLong');
    // The catalogs write the limit out: they must say the same number as the check.
    for (const catalog of [ru, ba, en]) expect(catalog.charges.errors.tooLong).toContain(`${MAX_STATEMENT_MONTHS} `);
  });
});
