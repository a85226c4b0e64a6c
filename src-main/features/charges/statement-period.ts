// The period a customer may ask a statement for, and the Russian refusals when it cannot be: the
// start after the end, or longer than the 36 months the billing centre keeps.
import { addMonths, monthsBetween } from '../../core/time/calendar';
import { MAX_STATEMENT_MONTHS } from './statement-check';

/** Months shown when the customer opens «Начисления и платежи»: the last 12 billed ones. */
export const DEFAULT_STATEMENT_MONTHS = 12;

export const REVERSED_PERIOD_MESSAGE = 'Начало периода позже его конца. Выберите месяц начала не позже месяца окончания.';
export const PERIOD_TOO_LONG_MESSAGE = `Период не может быть длиннее ${MAX_STATEMENT_MONTHS} месяцев. Сократите период и нажмите «Отобразить» ещё раз.`;

/** The months from `from` to `to` inclusive (0 or less when reversed). */
export function periodLength(from: string, to: string): number {
  return monthsBetween(from, to) + 1;
}

/** The Russian refusal for a period, or null when it may be asked for. */
export function periodRangeProblem(from: string, to: string): string | null {
  if (from > to) return REVERSED_PERIOD_MESSAGE;
  if (periodLength(from, to) > MAX_STATEMENT_MONTHS) return PERIOD_TOO_LONG_MESSAGE;
  return null;
}

export function defaultStatementPeriod(lastBilledPeriod: string): { from: string; to: string } {
  return { from: addMonths(lastBilledPeriod, -(DEFAULT_STATEMENT_MONTHS - 1)), to: lastBilledPeriod };
}
