import { describe, expect, it } from 'vitest';
import {
  defaultStatementPeriod,
  periodLength,
  periodRangeProblem,
  PERIOD_TOO_LONG_MESSAGE,
  REVERSED_PERIOD_MESSAGE,
} from './statement-period';

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

  it('refuses a start after the end and more than 36 months, in Russian', () => {
    expect(periodRangeProblem('2026-04', '2026-03')).toBe(REVERSED_PERIOD_MESSAGE);
    expect(periodRangeProblem('2027-01', '2026-12')).toBe(REVERSED_PERIOD_MESSAGE);
    expect(periodRangeProblem('2023-10', '2026-10')).toBe(PERIOD_TOO_LONG_MESSAGE);
    expect(PERIOD_TOO_LONG_MESSAGE).toMatch(/36 месяцев/);
    expect(REVERSED_PERIOD_MESSAGE).toMatch(/^Начало периода позже его конца/);
  });
});
