import { describe, expect, it } from 'vitest';
import {
  addMonths,
  ChargesState,
  formatTariff,
  formatVolume,
  MAX_STATEMENT_MONTHS,
  periodLength,
  rangeProblemKey,
  statementLines,
  type CurrentCharges,
} from './charges-state.svelte';

describe('periods of the month pickers', () => {
  it('adds and takes months across year ends', () => {
    expect(addMonths('2026-11', 1)).toBe('2026-12');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-11', -35)).toBe('2023-12');
  });

  it('counts the months of a period including both ends, zero or less when reversed', () => {
    expect(periodLength('2026-09', '2026-11')).toBe(3);
    expect(periodLength('2025-12', '2026-11')).toBe(12);
    expect(periodLength('2026-11', '2026-11')).toBe(1);
    expect(periodLength('2026-11', '2026-10')).toBe(0);
  });

  it('refuses a reversed period and one longer than 36 months, and allows exactly 36', () => {
    expect(rangeProblemKey('2026-11', '2026-10')).toBe('charges.errors.reversed');
    expect(rangeProblemKey(addMonths('2026-11', -(MAX_STATEMENT_MONTHS - 1)), '2026-11')).toBeNull();
    expect(rangeProblemKey(addMonths('2026-11', -MAX_STATEMENT_MONTHS), '2026-11')).toBe('charges.errors.tooLong');
  });
});

describe('number formats of the statement', () => {
  it('shows volumes the Russian way with up to four decimals', () => {
    expect(formatVolume(1.23456)).toBe('1,2346');
    expect(formatVolume(1234.5)).toBe('1\u00a0234,5');
  });

  it('shows a tariff in kopecks per unit as rubles, keeping hundredths of a kopeck', () => {
    expect(formatTariff(279_156)).toBe('2\u00a0791,56\u00a0₽');
    expect(formatTariff(3_950.25)).toBe('39,5025\u00a0₽');
  });
});

describe('a month of the statement', () => {
  const charge = (service: 'heating' | 'hot-water-water', amountKopecks: number) => ({
    service,
    serviceName: service === 'heating' ? 'Отопление' : 'Горячая вода',
    unit: service === 'heating' ? ('Гкал' as const) : ('м³' as const),
    volume: 1,
    tariffKopecks: amountKopecks,
    amountKopecks,
    basis: 'meter' as const,
  });
  const payment = (paidOn: string, amountKopecks: number) => ({ paidOn, amountKopecks, channel: 'kiosk' as const });
  const month: CurrentCharges['month'] = {
    period: '2026-11',
    openingBalanceKopecks: 0,
    charges: [charge('heating', 300_000), charge('hot-water-water', 50_000)],
    recalculations: [{ service: 'heating', reason: 'Перерасчёт за октябрь', amountKopecks: -1_000 }],
    penaltiesKopecks: 1_500,
    chargedKopecks: 350_500,
    // As a billing centre may send them: not in date order, one on the month's last day.
    payments: [payment('2026-11-30', 5_000), payment('2026-11-20', 100_000), payment('2026-11-05', 200_000), payment('2026-11-20', 7_000)],
    paidKopecks: 312_000,
    closingBalanceKopecks: 38_500,
  };

  it('lists its lines in date order, and lines of one day in the order they came', () => {
    const lines = statementLines(month);
    expect(lines.map((line) => [line.date, line.kind === 'payment' ? line.payment.amountKopecks : line.kind])).toEqual([
      ['2026-11-05', 200_000],
      ['2026-11-20', 100_000],
      ['2026-11-20', 7_000],
      ['2026-11-30', 'charge'],
      ['2026-11-30', 'charge'],
      ['2026-11-30', 'recalculation'],
      ['2026-11-30', 'penalty'],
      ['2026-11-30', 5_000],
    ]);
    expect(new Set(lines.map((line) => line.key)).size).toBe(lines.length);
  });

  it('dates charges on the month’s last day, in February too, and leaves out a penalty of zero', () => {
    const february = statementLines({ ...month, period: '2028-02', penaltiesKopecks: 0, payments: [] });
    expect(february.map((line) => [line.date, line.kind])).toEqual([
      ['2028-02-29', 'charge'],
      ['2028-02-29', 'charge'],
      ['2028-02-29', 'recalculation'],
    ]);
  });
});

describe('ChargesState', () => {
  it('offers ten years back from the last billed month and says how long the chosen period is', () => {
    const state = new ChargesState();
    expect(state.minPeriod).toBe('');
    expect(state.chosenLength).toBe(0);
    state.maxPeriod = '2026-10';
    expect(state.minPeriod).toBe('2016-11');
    state.setFrom('2026-08');
    state.setTo('2026-10');
    expect(state.chosenLength).toBe(3);
  });

  it('refuses a reversed period before asking the core; a new choice clears the refusal', async () => {
    const state = new ChargesState();
    state.setFrom('2026-10');
    state.setTo('2026-07');
    // No kiosk API in unit tests: a call would fail, so returning with the refusal proves none was made.
    await state.show();
    expect(state.rangeProblem).toBe('charges.errors.reversed');
    expect(state.busy).toBe(false);
    state.setTo('2026-11');
    expect(state.rangeProblem).toBeNull();
    state.setFrom('2023-01');
    await state.show();
    expect(state.rangeProblem).toBe('charges.errors.tooLong');
  });
});
