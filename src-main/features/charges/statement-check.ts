// The arithmetic a statement must satisfy before the kiosk shows it: every total is the sum of its
// lines, every month's closing balance is its opening balance plus what was charged minus what was
// paid, months follow one another without gaps, and the whole period adds up the same way. Money
// is integer kopecks, so "adds up" means exactly, to the kopeck.
import type { Statement, StatementMonth } from '../../core/billing/billing-wire';
import { addMonths, monthsBetween } from '../../core/time/calendar';

/** The longest statement the kiosk shows (and the billing API serves). */
export const MAX_STATEMENT_MONTHS = 36;

export type StatementProblem = string;

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function isKopecks(value: number): boolean {
  return Number.isSafeInteger(value);
}

/** Problems with one month's own arithmetic; empty when it adds up. */
export function checkStatementMonth(month: StatementMonth): StatementProblem[] {
  const problems: StatementProblem[] = [];
  const where = month.period;
  const amounts = [
    month.openingBalanceKopecks,
    month.closingBalanceKopecks,
    month.chargedKopecks,
    month.paidKopecks,
    month.penaltiesKopecks,
    ...month.charges.map((line) => line.amountKopecks),
    ...month.recalculations.map((line) => line.amountKopecks),
    ...month.payments.map((payment) => payment.amountKopecks),
  ];
  if (!amounts.every(isKopecks)) {
    problems.push(`${where}: an amount is not a whole number of kopecks`);
    return problems;
  }
  const lines =
    sum(month.charges.map((line) => line.amountKopecks)) +
    sum(month.recalculations.map((line) => line.amountKopecks)) +
    month.penaltiesKopecks;
  if (lines !== month.chargedKopecks) problems.push(`${where}: charged ${month.chargedKopecks} but the lines add up to ${lines}`);
  const paid = sum(month.payments.map((payment) => payment.amountKopecks));
  if (paid !== month.paidKopecks) problems.push(`${where}: paid ${month.paidKopecks} but the payments add up to ${paid}`);
  const closing = month.openingBalanceKopecks + month.chargedKopecks - month.paidKopecks;
  if (closing !== month.closingBalanceKopecks) {
    problems.push(`${where}: opening + charged − paid = ${closing}, but the closing balance is ${month.closingBalanceKopecks}`);
  }
  for (const payment of month.payments) {
    if (!payment.paidOn.startsWith(`${month.period}-`)) problems.push(`${where}: a payment of ${payment.paidOn} is outside the month`);
  }
  return problems;
}

/**
 * Every problem with a statement's arithmetic; an empty list means it is safe to show. The checks:
 * months are consecutive from `from` to `to` (at most 36); each month adds up on its own; each
 * month opens with the previous month's closing balance; the statement's opening and closing
 * balances are those of its first and last months; its totals are the sums of the months'; and
 * opening + charged − paid = closing over the whole period.
 */
export function checkStatement(statement: Statement): StatementProblem[] {
  const problems: StatementProblem[] = [];
  const { months } = statement;
  const totals = [statement.openingBalanceKopecks, statement.closingBalanceKopecks, statement.chargedKopecks, statement.paidKopecks];
  if (!totals.every(isKopecks)) return ['a statement total is not a whole number of kopecks'];

  if (months.length === 0) return ['the statement has no months'];
  const span = monthsBetween(statement.from, statement.to) + 1;
  if (span < 1) problems.push(`the period starts (${statement.from}) after it ends (${statement.to})`);
  if (months.length > MAX_STATEMENT_MONTHS) problems.push(`${months.length} months, more than ${MAX_STATEMENT_MONTHS}`);
  if (span !== months.length) problems.push(`${months.length} months for a period of ${span}`);
  months.forEach((month, index) => {
    const expected = addMonths(statement.from, index);
    if (month.period !== expected) problems.push(`month ${index + 1} is ${month.period}, expected ${expected}`);
  });

  months.forEach((month, index) => {
    problems.push(...checkStatementMonth(month));
    const previous = index > 0 ? months[index - 1] : undefined;
    if (previous && previous.closingBalanceKopecks !== month.openingBalanceKopecks) {
      problems.push(
        `${month.period}: opens with ${month.openingBalanceKopecks}, but ${previous.period} closed with ${previous.closingBalanceKopecks}`,
      );
    }
  });

  const first = months[0]!;
  const last = months[months.length - 1]!;
  if (statement.openingBalanceKopecks !== first.openingBalanceKopecks) {
    problems.push(`opening balance ${statement.openingBalanceKopecks} differs from ${first.period}'s ${first.openingBalanceKopecks}`);
  }
  if (statement.closingBalanceKopecks !== last.closingBalanceKopecks) {
    problems.push(`closing balance ${statement.closingBalanceKopecks} differs from ${last.period}'s ${last.closingBalanceKopecks}`);
  }
  const charged = sum(months.map((month) => month.chargedKopecks));
  if (charged !== statement.chargedKopecks) problems.push(`total charged ${statement.chargedKopecks}, but the months add up to ${charged}`);
  const paid = sum(months.map((month) => month.paidKopecks));
  if (paid !== statement.paidKopecks) problems.push(`total paid ${statement.paidKopecks}, but the months add up to ${paid}`);
  const closing = statement.openingBalanceKopecks + statement.chargedKopecks - statement.paidKopecks;
  if (closing !== statement.closingBalanceKopecks) {
    problems.push(`opening + charged − paid = ${closing} over the period, but the closing balance is ${statement.closingBalanceKopecks}`);
  }
  return problems;
}

/** One bar of each chart: what was charged in a month and how much heat and hot water it was for. */
export interface MonthlyPoint {
  period: string;
  chargedKopecks: number;
  /** Heating (отопление) in Гкал. */
  heatingGcal: number;
  /** Hot water, the water component, in м³. */
  hotWaterM3: number;
}

/** Volumes are rounded to thousandths so floating-point sums never show as 12.300000000000001. */
function roundVolume(value: number): number {
  return Math.round(value * 1000) / 1000;
}

export function monthlySeries(months: readonly StatementMonth[]): MonthlyPoint[] {
  return months.map((month) => ({
    period: month.period,
    chargedKopecks: month.chargedKopecks,
    heatingGcal: roundVolume(sum(month.charges.filter((line) => line.service === 'heating').map((line) => line.volume))),
    hotWaterM3: roundVolume(sum(month.charges.filter((line) => line.service === 'hot-water-water').map((line) => line.volume))),
  }));
}
