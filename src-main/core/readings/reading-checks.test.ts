import { describe, expect, it } from 'vitest';
import { checkReading, type MeterForCheck } from './reading-checks';

const meter: MeterForCheck = {
  meterId: 'hw-1',
  maxDigits: 5,
  decimals: 3,
  previousValue: 123.456,
  averageMonthlyConsumption: 4,
  verificationDueOn: '2029-01-01',
};
const today = '2026-11-20';

describe('checkReading', () => {
  it('computes the consumption from the previous reading, decimal comma accepted', () => {
    const check = checkReading(meter, '127,956', today);
    expect(check).toMatchObject({ value: 127.956, consumption: 4.5, problems: [], highConsumption: null });
  });

  it('refuses text that is not a number', () => {
    for (const text of ['', 'abc', '12a', '1.2.3', '-5', '1e3']) {
      expect(checkReading(meter, text, today).problems[0]?.kind, text).toBe('not-a-number');
    }
  });

  it('refuses more digits than the meter has, before or after the comma', () => {
    expect(checkReading(meter, '123456', today).problems[0]?.kind).toBe('too-many-digits');
    expect(checkReading(meter, '123,4567', today).problems[0]?.kind).toBe('too-many-digits');
    expect(checkReading(meter, '00124', today).problems).toEqual([]);
  });

  it('refuses a reading lower than the previous one and sends the customer to the office', () => {
    const check = checkReading(meter, '120', today);
    expect(check.problems[0]).toMatchObject({ kind: 'lower-than-previous' });
    expect(check.problems[0]?.message).toContain('обратитесь в офис');
  });

  it('asks to confirm a consumption far above the usual', () => {
    const check = checkReading(meter, '150', today);
    expect(check.problems).toEqual([]);
    expect(check.highConsumption?.ratio).toBe(6.6);
    expect(check.highConsumption?.message).toContain('подтвердите');
  });

  it('explains an expired verification and what it means for the bill', () => {
    const check = checkReading({ ...meter, verificationDueOn: '2026-10-31' }, '124', today);
    expect(check.problems[0]?.kind).toBe('verification-expired');
    expect(check.problems[0]?.message).toContain('31.10.2026');
    expect(check.problems[0]?.message).toContain('по нормативу');
  });

  it('has no consumption for a first reading', () => {
    expect(checkReading({ ...meter, previousValue: null }, '5', today)).toMatchObject({ value: 5, consumption: null, problems: [] });
  });
});
