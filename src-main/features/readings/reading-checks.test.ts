import { describe, expect, it } from 'vitest';
import { russianText } from '../../core/messages/message-test-kit';
import {
  checkReading,
  formatNumber,
  formatReading,
  meterRefusal,
  outsideWindowMessage,
  readingWindowState,
  verificationStatus,
  type MeterForCheck,
} from './reading-checks';

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
    expect(checkReading(meter, '123456', today).problems[0]?.message).toEqual({
      key: 'readings.problemTooManyDigits',
      values: { integer: 5, fraction: 3 },
    });
    expect(russianText(checkReading(meter, '123456', today).problems[0]?.message)).toBe(
      'У этого счётчика 5 цифр до запятой и 3 после. Проверьте показание.',
    );
    expect(russianText(checkReading({ ...meter, maxDigits: 4, decimals: 0 }, '12345', today).problems[0]?.message)).toBe(
      'У этого счётчика 4 цифры и нет дробной части. Проверьте показание.',
    );
  });

  it('refuses a reading lower than the previous one and sends the customer to the office', () => {
    const check = checkReading(meter, '120', today);
    expect(check.problems[0]).toMatchObject({ kind: 'lower-than-previous' });
    expect(check.problems[0]?.message).toEqual({ key: 'readings.problemLowerThanPrevious', values: { previous: '123,456' } });
    expect(russianText(check.problems[0]?.message)).toContain('замена счётчика оформляется в офисе');
  });

  it('names the meter when one problem refuses the whole submission', () => {
    const problem = checkReading(meter, '120', today).problems[0]?.message;
    expect(problem && meterRefusal('0123456', problem)).toEqual({
      key: 'readings.meterRefusals.lowerThanPrevious',
      values: { previous: '123,456', serial: '0123456' },
    });
    expect(russianText(problem && meterRefusal('0123456', problem))).toMatch(
      /^Счётчик № 0123456: Показание меньше предыдущего \(123,456\)/,
    );
  });

  it('asks to confirm a consumption far above the usual', () => {
    const check = checkReading(meter, '150', today);
    expect(check.problems).toEqual([]);
    expect(check.highConsumption?.ratio).toBe(6.6);
    expect(check.highConsumption?.message).toEqual({
      key: 'readings.problemHighConsumption',
      values: { consumption: '26,544', ratio: '6,6', usual: '4' },
    });
    expect(russianText(check.highConsumption?.message)).toBe(
      'Расход 26,544 — в 6,6 раза больше обычного (4 в месяц). Проверьте показание. Если оно верно, подтвердите передачу.',
    );
  });

  it('explains an expired verification and what it means for the bill', () => {
    const check = checkReading({ ...meter, verificationDueOn: '2026-10-31' }, '124', today);
    expect(check.problems[0]?.kind).toBe('verification-expired');
    expect(check.problems[0]?.message).toEqual({ key: 'readings.problemVerificationExpired', values: { date: '31.10.2026' } });
    const text = russianText(check.problems[0]?.message);
    for (const words of ['истёк 31.10.2026', 'по нормативу', 'за 3 месяца', 'аккредитованной организации']) expect(text).toContain(words);
    // The last day of the verification is still valid.
    expect(checkReading({ ...meter, verificationDueOn: today }, '124', today).problems).toEqual([]);
  });

  it('has no consumption for a first reading', () => {
    expect(checkReading({ ...meter, previousValue: null }, '5', today)).toMatchObject({ value: 5, consumption: null, problems: [] });
  });

  it('is not high exactly at three times the usual, only above it', () => {
    expect(checkReading(meter, '135,456', today).highConsumption).toBeNull();
    expect(checkReading(meter, '135,457', today).highConsumption).not.toBeNull();
    expect(checkReading({ ...meter, averageMonthlyConsumption: null }, '999', today).highConsumption).toBeNull();
  });

  it('computes the consumption without floating-point noise', () => {
    expect(checkReading({ ...meter, previousValue: 0.1 }, '0,3', today).consumption).toBe(0.2);
    expect(checkReading({ ...meter, decimals: 0, previousValue: 41 }, '45', today).consumption).toBe(4);
    expect(checkReading({ ...meter, decimals: 0 }, '45,1', today).problems[0]?.kind).toBe('too-many-digits');
  });
});

describe('verificationStatus', () => {
  it('is expiring within 60 days, expired after the due date', () => {
    expect(verificationStatus('2027-01-20', today)).toEqual({ state: 'valid', daysLeft: 61 });
    expect(verificationStatus('2027-01-19', today)).toEqual({ state: 'expiring', daysLeft: 60 });
    expect(verificationStatus(today, today)).toEqual({ state: 'expiring', daysLeft: 0 });
    expect(verificationStatus('2026-11-19', today)).toEqual({ state: 'expired', daysLeft: -1 });
  });
});

describe('readingWindowState', () => {
  const window = { fromDay: 15, toDay: 25 };

  it('inside the window: open today, counts for this month', () => {
    expect(readingWindowState(window, '2026-11-15')).toEqual({
      ...window,
      openToday: true,
      countsForPeriod: '2026-11',
      opensOn: '2026-11-15',
      closesOn: '2026-11-25',
    });
    expect(readingWindowState(window, '2026-11-25').openToday).toBe(true);
  });

  it('before the window: closed, counts for this month when it opens', () => {
    expect(readingWindowState(window, '2026-11-14')).toMatchObject({ openToday: false, countsForPeriod: '2026-11', opensOn: '2026-11-15' });
  });

  it('after the window: closed, counts for next month (across the new year too)', () => {
    expect(readingWindowState(window, '2026-12-26')).toMatchObject({
      openToday: false,
      countsForPeriod: '2027-01',
      opensOn: '2027-01-15',
      closesOn: '2027-01-25',
    });
    expect(outsideWindowMessage(readingWindowState(window, '2026-11-26'))).toEqual({
      key: 'readings.refusalOutsideWindow',
      values: { fromDay: 15, toDay: 25, opensOn: '15.12.2026', closesOn: '25.12.2026', month: '12', year: '2026' },
    });
    expect(russianText(outsideWindowMessage(readingWindowState(window, '2026-11-26')))).toBe(
      'Показания принимаются с 15 по 25 число месяца, сегодня приём закрыт. Передайте показания с 15.12.2026 по 25.12.2026: ' +
        'они будут учтены в расчёте за декабрь 2026 г.',
    );
  });

  it('a window to the 31st ends on the last day of a short month', () => {
    expect(readingWindowState({ fromDay: 1, toDay: 31 }, '2026-02-28')).toMatchObject({ openToday: true, closesOn: '2026-02-28' });
  });
});

describe('formatting', () => {
  it('shows readings as the dial does and consumption without trailing zeros', () => {
    expect(formatReading(123.4, 3)).toBe('123,400');
    expect(formatReading(7, 0)).toBe('7');
    expect(formatNumber(4.5)).toBe('4,5');
    expect(formatNumber(2)).toBe('2');
  });
});
