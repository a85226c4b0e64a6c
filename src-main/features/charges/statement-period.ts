// The period a customer may ask a statement for, and the refusals when it cannot be: the start
// after the end, or longer than the 36 months the billing centre keeps.
import type { MessageKey } from '../../core/messages/messages';
import { addMonths, monthsBetween } from '../../core/time/calendar';
import { MAX_STATEMENT_MONTHS } from './statement-check';

/** Months shown when the customer opens «Начисления и платежи»: the last 12 billed ones. */
export const DEFAULT_STATEMENT_MONTHS = 12;

/** The months from `from` to `to` inclusive (0 or less when reversed). */
export function periodLength(from: string, to: string): number {
  return monthsBetween(from, to) + 1;
}

/** The refusal for a period (the catalogs' text names the 36 months), or null when it may be asked for. */
export function periodRangeProblem(from: string, to: string): MessageKey | null {
  if (from > to) return 'charges.errors.reversed';
  if (periodLength(from, to) > MAX_STATEMENT_MONTHS) return 'charges.errors.tooLong';
  return null;
}

export function defaultStatementPeriod(lastBilledPeriod: string): { from: string; to: string } {
  return { from: addMonths(lastBilledPeriod, -(DEFAULT_STATEMENT_MONTHS - 1)), to: lastBilledPeriod };
}
