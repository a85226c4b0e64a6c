// «Начисления и платежи»: the current period line by line, and a statement for a period the
// customer picks with the month pickers (12 months by default, at most 36).
import { callKiosk, type KioskError } from '../lib/kiosk-api';
import type { KioskOutput } from '../../src-main/features/kiosk-methods';
import { kioskApp } from '../state/kiosk-app.svelte';
import type { MessageKey } from '../../src-main/core/messages/messages';

export type CurrentCharges = KioskOutput<'charges.current'>;
export type StatementResult = KioskOutput<'charges.statement'>;
type StatementMonth = CurrentCharges['month'];
type ChargeLine = StatementMonth['charges'][number];
type Payment = StatementMonth['payments'][number];

/** How a charge was worked out: by the meter, the average, the norm or the area. */
export const BASIS_LABELS: Record<ChargeLine['basis'], MessageKey> = {
  meter: 'charges.basis.meter',
  average: 'charges.basis.average',
  norm: 'charges.basis.norm',
  area: 'charges.basis.area',
};

/** Where a payment was made. */
export const CHANNEL_LABELS: Record<Payment['channel'], MessageKey> = {
  'bank-online': 'charges.channel.bank-online',
  'bank-office': 'charges.channel.bank-office',
  post: 'charges.channel.post',
  kiosk: 'charges.channel.kiosk',
  'utility-office': 'charges.channel.utility-office',
};

/** One line of a month in the statement table, with the date it is shown on and a key unique in its month. */
export type StatementLine = { key: string; date: string } & (
  | { kind: 'charge'; charge: ChargeLine }
  | { kind: 'recalculation'; recalculation: StatementMonth['recalculations'][number] }
  | { kind: 'penalty'; amountKopecks: number }
  | { kind: 'payment'; payment: Payment }
);

/** The last day of a billing period, the date the manual shows charges on. */
export function monthEnd(period: string): string {
  const [year, month] = period.split('-').map(Number) as [number, number];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return `${period}-${day}`;
}

/**
 * A month's lines in date order: each payment on its day; charges, recalculations and penalties on
 * the month's last day. Lines of one day keep the order the billing centre gave (the sort is stable).
 */
export function statementLines(month: StatementMonth): StatementLine[] {
  const end = monthEnd(month.period);
  const lines: StatementLine[] = [
    ...month.charges.map((charge): StatementLine => ({ key: `charge-${charge.service}`, date: end, kind: 'charge', charge })),
    ...month.recalculations.map((recalculation, index): StatementLine => ({
      key: `recalculation-${index}`,
      date: end,
      kind: 'recalculation',
      recalculation,
    })),
    ...(month.penaltiesKopecks > 0 ? [{ key: 'penalty', date: end, kind: 'penalty', amountKopecks: month.penaltiesKopecks } as const] : []),
    ...month.payments.map((payment, index): StatementLine => ({ key: `payment-${index}`, date: payment.paidOn, kind: 'payment', payment })),
  ];
  return lines.sort((first, second) => (first.date < second.date ? -1 : first.date > second.date ? 1 : 0));
}

export const MAX_STATEMENT_MONTHS = 36;
/** How far back the pickers go; the billing centre keeps less and says from when. */
const PICKER_YEARS_BACK = 10;

/** Months since year 0 of a `YYYY-MM` period, so periods add and subtract as numbers. */
const monthIndex = (period: string): number => Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1;

export function addMonths(period: string, months: number): string {
  const index = monthIndex(period) + months;
  const month = (index % 12) + 1;
  return `${Math.floor(index / 12)}-${month < 10 ? '0' : ''}${month}`;
}

/** Months from `from` to `to` inclusive; zero or less when reversed. */
export function periodLength(from: string, to: string): number {
  const [fromYear, fromMonth] = from.split('-').map(Number) as [number, number];
  const [toYear, toMonth] = to.split('-').map(Number) as [number, number];
  return (toYear - fromYear) * 12 + (toMonth - fromMonth) + 1;
}

/** Catalog key of the refusal for a period, or null when it may be shown. */
export function rangeProblemKey(from: string, to: string): MessageKey | null {
  if (from > to) return 'charges.errors.reversed';
  if (periodLength(from, to) > MAX_STATEMENT_MONTHS) return 'charges.errors.tooLong';
  return null;
}

// Volumes and tariffs are not money in kopecks: their own number formats, the Russian way.
const volumeFormat = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 4 });
const tariffFormat = new Intl.NumberFormat('ru-RU', {
  style: 'currency',
  currency: 'RUB',
  minimumFractionDigits: 2,
  maximumFractionDigits: 4,
});

export function formatVolume(volume: number): string {
  return volumeFormat.format(volume);
}

/** A tariff in kopecks per unit (may carry hundredths of a kopeck) as rubles: `2 791,56 ₽`. */
export function formatTariff(tariffKopecks: number): string {
  return tariffFormat.format(tariffKopecks / 100);
}

export class ChargesState {
  // The billing centre's answers are replaced whole, never changed in place: raw state, without a
  // proxy on each of a 36-month statement's hundreds of lines (a tenth of its render under ×4).
  current = $state.raw<CurrentCharges | null>(null);
  loadError = $state<KioskError | null>(null);
  from = $state('');
  to = $state('');
  /** The latest month the pickers offer: the last billed period. */
  maxPeriod = $state('');
  statement = $state.raw<StatementResult | null>(null);
  /** A refusal found here before asking the core: a catalog key. */
  rangeProblem = $state<MessageKey | null>(null);
  error = $state<KioskError | null>(null);
  busy = $state(false);

  readonly minPeriod = $derived(this.maxPeriod ? addMonths(this.maxPeriod, -(PICKER_YEARS_BACK * 12 - 1)) : '');
  readonly chosenLength = $derived(this.from && this.to ? periodLength(this.from, this.to) : 0);

  async load(): Promise<void> {
    this.loadError = null;
    const result = await kioskApp.track(callKiosk('charges.current', {}));
    if (!result.ok) {
      this.loadError = result.error;
      return;
    }
    this.current = result.value;
    this.maxPeriod = result.value.defaultTo;
    this.from = result.value.defaultFrom;
    this.to = result.value.defaultTo;
    await this.show();
  }

  setFrom(period: string): void {
    this.from = period;
    this.rangeProblem = null;
    this.error = null;
  }

  setTo(period: string): void {
    this.to = period;
    this.rangeProblem = null;
    this.error = null;
  }

  /** «Отобразить»: the statement for the chosen period. */
  async show(): Promise<void> {
    this.error = null;
    this.rangeProblem = rangeProblemKey(this.from, this.to);
    if (this.rangeProblem) return;
    this.busy = true;
    try {
      const result = await kioskApp.track(callKiosk('charges.statement', { from: this.from, to: this.to }));
      if (result.ok) this.statement = result.value;
      else this.error = result.error;
    } finally {
      this.busy = false;
    }
  }
}
