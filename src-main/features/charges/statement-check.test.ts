import { describe, expect, it } from 'vitest';
import type { Statement, StatementMonth } from '../../core/billing/billing-wire';
import { checkStatement, checkStatementMonth, MAX_STATEMENT_MONTHS, monthlySeries } from './statement-check';
import { addMonths } from '../../core/time/calendar';

function month(period: string, opening: number, overrides: Partial<StatementMonth> = {}): StatementMonth {
  const charges: StatementMonth['charges'] = [
    {
      service: 'heating',
      serviceName: 'Отопление (физ.лица), Гкал',
      unit: 'Гкал',
      volume: 0.6,
      tariffKopecks: 234_961,
      amountKopecks: 140_977,
      basis: 'meter',
    },
    {
      service: 'hot-water-water',
      serviceName: 'ГВС (физ.лица), м3 (компонент вода)',
      unit: 'м³',
      volume: 1.1,
      tariffKopecks: 4_306,
      amountKopecks: 4_737,
      basis: 'meter',
    },
    {
      service: 'hot-water-heat',
      serviceName: 'ГВС (физ.лица), Гкал (компонент тепло)',
      unit: 'Гкал',
      volume: 0.2,
      tariffKopecks: 234_961,
      amountKopecks: 15_327,
      basis: 'meter',
    },
  ];
  const recalculations = [{ service: 'heating' as const, reason: 'Перерасчёт по показаниям', amountKopecks: -1_041 }];
  const penaltiesKopecks = 17;
  const payments = [{ paidOn: `${period}-12`, amountKopecks: 150_000, channel: 'bank-online' as const }];
  const chargedKopecks = 140_977 + 4_737 + 15_327 - 1_041 + 17;
  const base: StatementMonth = {
    period,
    openingBalanceKopecks: opening,
    charges,
    recalculations,
    penaltiesKopecks,
    chargedKopecks,
    payments,
    paidKopecks: 150_000,
    closingBalanceKopecks: opening + chargedKopecks - 150_000,
  };
  return { ...base, ...overrides };
}

function statement(from: string, count: number, opening = 123_456): Statement {
  const months: StatementMonth[] = [];
  let balance = opening;
  for (let index = 0; index < count; index += 1) {
    const next = month(addMonths(from, index), balance);
    months.push(next);
    balance = next.closingBalanceKopecks;
  }
  return {
    accountNumber: '820000001',
    from,
    to: addMonths(from, count - 1),
    openingBalanceKopecks: opening,
    closingBalanceKopecks: balance,
    chargedKopecks: months.reduce((total, item) => total + item.chargedKopecks, 0),
    paidKopecks: months.reduce((total, item) => total + item.paidKopecks, 0),
    months,
  };
}

describe('statement arithmetic', () => {
  it('accepts a statement that adds up to the kopeck, from one month to 36', () => {
    expect(checkStatement(statement('2026-01', 1))).toEqual([]);
    expect(checkStatement(statement('2025-11', 3))).toEqual([]);
    expect(checkStatement(statement('2023-11', MAX_STATEMENT_MONTHS))).toEqual([]);
    expect(checkStatement(statement('2025-06', 12, -45_000))).toEqual([]);
  });

  it('refuses a month whose charged total is not the sum of its lines, recalculations and penalties', () => {
    const good = month('2026-01', 0);
    expect(checkStatementMonth(good)).toEqual([]);
    const bad = { ...good, chargedKopecks: good.chargedKopecks + 1, closingBalanceKopecks: good.closingBalanceKopecks + 1 };
    expect(checkStatementMonth(bad).join()).toMatch(/charged .* lines add up/);
    const noPenalty = { ...good, penaltiesKopecks: 0 };
    expect(checkStatementMonth(noPenalty)).toHaveLength(1);
  });

  it('refuses a month whose paid total is not the sum of its payments', () => {
    const good = month('2026-01', 0);
    const bad = { ...good, paidKopecks: good.paidKopecks - 1, closingBalanceKopecks: good.closingBalanceKopecks + 1 };
    expect(checkStatementMonth(bad).join()).toMatch(/paid .* payments add up/);
  });

  it('refuses a month where opening + charged − paid is not the closing balance', () => {
    const good = month('2026-01', 10_000);
    expect(checkStatementMonth({ ...good, closingBalanceKopecks: good.closingBalanceKopecks - 1 }).join()).toMatch(
      /opening \+ charged − paid/,
    );
  });

  it('refuses a payment dated outside its month and amounts that are not whole kopecks', () => {
    const good = month('2026-01', 0);
    expect(checkStatementMonth({ ...good, payments: [{ ...good.payments[0]!, paidOn: '2026-02-01' }] }).join()).toMatch(
      /outside the month/,
    );
    expect(checkStatementMonth({ ...good, penaltiesKopecks: 16.5, chargedKopecks: good.chargedKopecks - 0.5 })).toEqual([
      '2026-01: an amount is not a whole number of kopecks',
    ]);
  });

  it('refuses a month that does not open with the previous closing balance', () => {
    const broken = statement('2026-01', 3);
    const second = broken.months[1]!;
    broken.months[1] = {
      ...second,
      openingBalanceKopecks: second.openingBalanceKopecks + 100,
      closingBalanceKopecks: second.closingBalanceKopecks + 100,
    };
    // Keep the rest internally consistent so only the chain breaks.
    const third = broken.months[2]!;
    broken.months[2] = {
      ...third,
      openingBalanceKopecks: third.openingBalanceKopecks + 100,
      closingBalanceKopecks: third.closingBalanceKopecks + 100,
    };
    broken.closingBalanceKopecks += 100;
    const problems = checkStatement(broken);
    expect(problems.some((problem) => problem.startsWith('2026-02: opens with'))).toBe(true);
    expect(problems.join()).toMatch(/over the period/);
  });

  it('refuses totals that are not the sums of the months', () => {
    const charged = statement('2026-01', 3);
    charged.chargedKopecks += 1;
    expect(checkStatement(charged).join()).toMatch(/total charged/);
    const paid = statement('2026-01', 3);
    paid.paidKopecks -= 1;
    expect(checkStatement(paid).join()).toMatch(/total paid/);
    const opening = statement('2026-01', 3);
    opening.openingBalanceKopecks += 1;
    expect(checkStatement(opening).join()).toMatch(/opening balance/);
    const closing = statement('2026-01', 3);
    closing.closingBalanceKopecks += 1;
    expect(checkStatement(closing).join()).toMatch(/closing balance/);
  });

  it('refuses missing, repeated or extra months and an empty statement', () => {
    const gap = statement('2026-01', 3);
    gap.months.splice(1, 1);
    expect(checkStatement(gap).join()).toMatch(/2 months for a period of 3/);
    const shifted = statement('2026-01', 2);
    shifted.months[1] = {
      ...shifted.months[1]!,
      period: '2026-03',
      payments: [],
      paidKopecks: 0,
      closingBalanceKopecks: shifted.months[1]!.openingBalanceKopecks + shifted.months[1]!.chargedKopecks,
    };
    expect(checkStatement(shifted).join()).toMatch(/month 2 is 2026-03, expected 2026-02/);
    expect(checkStatement({ ...statement('2026-01', 1), months: [] })).toEqual(['the statement has no months']);
    expect(checkStatement(statement('2023-01', 37)).join()).toMatch(/37 months, more than 36/);
  });
});

describe('monthly series for the charts', () => {
  it('takes the charged amount, heating Гкал and hot water м³ of each month', () => {
    const series = monthlySeries(statement('2026-01', 2).months);
    expect(series).toEqual([
      { period: '2026-01', chargedKopecks: 160_017, heatingGcal: 0.6, hotWaterM3: 1.1 },
      { period: '2026-02', chargedKopecks: 160_017, heatingGcal: 0.6, hotWaterM3: 1.1 },
    ]);
  });

  it('gives zero for a month without heating and rounds volumes to thousandths', () => {
    const summer = month('2026-07', 0);
    const lines = summer.charges.filter((line) => line.service !== 'heating');
    const twoWaterLines = [...lines, { ...lines[0]!, volume: 0.2 }];
    const [point] = monthlySeries([{ ...summer, charges: twoWaterLines }]);
    expect(point).toMatchObject({ heatingGcal: 0, hotWaterM3: 1.3 });
  });
});
