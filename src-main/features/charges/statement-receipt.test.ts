import { describe, expect, it } from 'vitest';
import type { Statement, StatementMonth } from '../../core/billing/billing-wire';
import { layoutReceipt, paperLengthMm, receiptText } from '../../core/printing/receipt';
import { addMonths } from '../../core/time/calendar';
import { statementCompactReceipt, statementReceipt } from './statement-receipt';

const context = { terminalId: 'T-01', officeName: 'Офис на Ленина, 2', printedAt: '26.11.2026 10:15' };

/** `count` months ending 2026-10, each charging 2 345,67 руб. and paying 2 000,00 руб. */
function statement(count: number): Statement {
  const months: StatementMonth[] = [];
  let balance = 50_000;
  for (let index = 0; index < count; index += 1) {
    const opening = balance;
    balance += 234_567 - 200_000;
    months.push({
      period: addMonths('2026-10', index - count + 1),
      openingBalanceKopecks: opening,
      charges: [],
      recalculations: [],
      penaltiesKopecks: 0,
      chargedKopecks: 234_567,
      payments: [],
      paidKopecks: 200_000,
      closingBalanceKopecks: balance,
    });
  }
  return {
    accountNumber: '820000001',
    from: months[0]!.period,
    to: '2026-10',
    openingBalanceKopecks: 50_000,
    closingBalanceKopecks: balance,
    chargedKopecks: 234_567 * count,
    paidKopecks: 200_000 * count,
    months,
  } as Statement;
}

const printed = (receipt: ReturnType<typeof statementReceipt>, columns: number) => layoutReceipt(receipt, columns, 'cp866');

describe('the statement on paper', () => {
  it('in full, 36 months on 58 mm paper take 163 lines, about 0,7 m at 1/6 inch a line', () => {
    const lines = printed(statementReceipt(statement(36), context), 32);
    expect(lines).toHaveLength(163);
    // 161 lines of 4,23 mm and the title's two double-height lines: (161 + 2 × 2) × 25,4 / 6 mm.
    expect(paperLengthMm(lines)).toBeCloseTo(698.5, 1);
  });

  it('in compact form, one line a month with month, charged, paid and balance, in aligned columns', () => {
    const lines = receiptText(printed(statementCompactReceipt(statement(36), context), 32), 32);
    // Three lines fewer a month, and a note and a header line more.
    expect(lines.length).toBe(163 - 36 * 3 + 3);
    const header = lines.findIndex((line) => line.startsWith('Мес.'));
    expect(lines[header]).toBe('Мес.  Начисл.  Оплач.     Долг');
    expect(lines[header + 1]).toBe('11.23 2345,67 2000,00   845,67');
    expect(lines[header + 36]).toBe('10.26 2345,67 2000,00 12944,12');
    expect(lines.every((line) => line.length <= 32)).toBe(true);
    // Period, opening balance and the totals are as in full.
    const text = lines.join('\n');
    expect(text).toContain('11.2023 - 10.2026');
    expect(text).toContain('84 444,12 руб.');
    // (58 + 2) lines of 25,4 / 6 mm: a quarter of a metre instead of 0,7 m.
    expect(paperLengthMm(printed(statementCompactReceipt(statement(36), context), 32))).toBeCloseTo(254, 1);
  });

  it('in compact form, a row too wide for the paper prints its month, then its amounts', () => {
    const wide = statement(1);
    wide.months[0]!.closingBalanceKopecks = -12_345_678_90;
    const lines = receiptText(printed(statementCompactReceipt(wide, context), 32), 32);
    const month = lines.indexOf('10.26');
    expect(month).toBeGreaterThan(0);
    expect(lines[month + 1]?.trim()).toBe('2345,67 2000,00 -12345678,90');
  });
});
