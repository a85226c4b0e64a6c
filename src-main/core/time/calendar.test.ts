import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addYears,
  dateInPeriod,
  daysBetween,
  daysInPeriod,
  monthsBetween,
  periodRange,
  ufaDate,
  ufaTime,
} from './calendar';

describe('calendar', () => {
  it('uses the civil date in Ufa (UTC+5)', () => {
    expect(ufaDate(Date.parse('2026-11-25T18:59:59Z'))).toBe('2026-11-25');
    expect(ufaDate(Date.parse('2026-11-25T19:00:00Z'))).toBe('2026-11-26');
    expect(ufaTime(Date.parse('2026-11-25T19:05:00Z'))).toBe('00:05');
  });

  it('adds months across years in both directions', () => {
    expect(addMonths('2026-11', 2)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-03', -35)).toBe('2023-04');
    expect(monthsBetween('2023-11', '2026-10')).toBe(35);
  });

  it('knows month lengths, leap years included', () => {
    expect(daysInPeriod('2024-02')).toBe(29);
    expect(daysInPeriod('2026-02')).toBe(28);
    expect(dateInPeriod('2026-02', 31)).toBe('2026-02-28');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysBetween('2026-10-10', '2026-11-09')).toBe(30);
    expect(addYears('2022-06-15', 4)).toBe('2026-06-15');
  });

  it('lists a range of periods inclusive, empty when reversed', () => {
    expect(periodRange('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(periodRange('2026-02', '2025-11')).toEqual([]);
  });
});
