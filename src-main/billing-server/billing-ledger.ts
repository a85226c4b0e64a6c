// Reads an account's ledger the way a bill shows it: month by month, opening balance, charges,
// recalculations, penalties, payments, closing balance. Every total is a sum of integer kopecks,
// so a statement always adds up to the kopeck.
import type { AccountSummary, ChargeLine, Invoice, Payee, PaymentChannel, Statement, StatementMonth } from '../core/billing/billing-wire';
import { addMonths, dateInPeriod, periodRange } from '../core/time/calendar';
import type { BillingDatabase } from './billing-database';

interface AccountRow {
  account_number: string;
  holder_name: string;
  address: string;
  opening_balance_kopecks: number;
}

export class BillingLedger {
  constructor(private readonly db: BillingDatabase) {}

  account(accountNumber: string): AccountRow | undefined {
    return this.db
      .prepare<[string], AccountRow>(
        'SELECT account_number, holder_name, address, opening_balance_kopecks FROM account WHERE account_number = ?',
      )
      .get(accountNumber);
  }

  /** The latest period with charges: the one the last bill was for. */
  lastBilledPeriod(accountNumber: string): string | null {
    const row = this.db
      .prepare<[string], { period: string | null }>('SELECT max(period) AS period FROM charge WHERE account_number = ?')
      .get(accountNumber);
    return row?.period ?? null;
  }

  firstBilledPeriod(accountNumber: string): string | null {
    const row = this.db
      .prepare<[string], { period: string | null }>('SELECT min(period) AS period FROM charge WHERE account_number = ?')
      .get(accountNumber);
    return row?.period ?? null;
  }

  /** Balance before the first day of `period`: everything charged for earlier periods minus everything paid before. */
  balanceBefore(accountNumber: string, period: string): number {
    const charged = this.db
      .prepare<[string, string, string, string, string, string], { total: number }>(
        `SELECT coalesce((SELECT sum(amount_kopecks) FROM charge WHERE account_number = ? AND period < ?), 0)
              + coalesce((SELECT sum(amount_kopecks) FROM recalculation WHERE account_number = ? AND period < ?), 0)
              + coalesce((SELECT sum(amount_kopecks) FROM penalty WHERE account_number = ? AND period < ?), 0) AS total`,
      )
      .get(accountNumber, period, accountNumber, period, accountNumber, period);
    const paid = this.db
      .prepare<[string, string], { total: number }>(
        'SELECT coalesce(sum(amount_kopecks), 0) AS total FROM payment WHERE account_number = ? AND paid_on < ?',
      )
      .get(accountNumber, `${period}-01`);
    return (this.account(accountNumber)?.opening_balance_kopecks ?? 0) + (charged?.total ?? 0) - (paid?.total ?? 0);
  }

  statement(accountNumber: string, from: string, to: string): Statement {
    let balance = this.balanceBefore(accountNumber, from);
    const openingBalanceKopecks = balance;
    const months: StatementMonth[] = periodRange(from, to).map((period) => {
      const month = this.month(accountNumber, period, balance);
      balance = month.closingBalanceKopecks;
      return month;
    });
    return {
      accountNumber,
      from,
      to,
      openingBalanceKopecks,
      closingBalanceKopecks: balance,
      chargedKopecks: sum(months.map((month) => month.chargedKopecks)),
      paidKopecks: sum(months.map((month) => month.paidKopecks)),
      months,
    };
  }

  private month(accountNumber: string, period: string, openingBalanceKopecks: number): StatementMonth {
    const charges = this.db
      .prepare<
        [string, string],
        {
          service: ChargeLine['service'];
          service_name: string;
          unit: ChargeLine['unit'];
          volume: number;
          tariff_kopecks: number;
          amount_kopecks: number;
          basis: ChargeLine['basis'];
        }
      >(
        `SELECT service, service_name, unit, volume, tariff_kopecks, amount_kopecks, basis FROM charge
         WHERE account_number = ? AND period = ? ORDER BY CASE service WHEN 'heating' THEN 0 WHEN 'hot-water-water' THEN 1 ELSE 2 END`,
      )
      .all(accountNumber, period)
      .map((row) => ({
        service: row.service,
        serviceName: row.service_name,
        unit: row.unit,
        volume: row.volume,
        tariffKopecks: row.tariff_kopecks,
        amountKopecks: row.amount_kopecks,
        basis: row.basis,
      }));
    const recalculations = this.db
      .prepare<[string, string], { service: ChargeLine['service']; reason: string; amount_kopecks: number }>(
        'SELECT service, reason, amount_kopecks FROM recalculation WHERE account_number = ? AND period = ? ORDER BY id',
      )
      .all(accountNumber, period)
      .map((row) => ({ service: row.service, reason: row.reason, amountKopecks: row.amount_kopecks }));
    const penaltiesKopecks =
      this.db
        .prepare<[string, string], { amount_kopecks: number }>('SELECT amount_kopecks FROM penalty WHERE account_number = ? AND period = ?')
        .get(accountNumber, period)?.amount_kopecks ?? 0;
    const payments = this.paymentsBetween(accountNumber, `${period}-01`, `${addMonths(period, 1)}-01`);
    const chargedKopecks =
      sum(charges.map((line) => line.amountKopecks)) + sum(recalculations.map((line) => line.amountKopecks)) + penaltiesKopecks;
    const paidKopecks = sum(payments.map((payment) => payment.amountKopecks));
    return {
      period,
      openingBalanceKopecks,
      charges,
      recalculations,
      penaltiesKopecks,
      chargedKopecks,
      payments,
      paidKopecks,
      closingBalanceKopecks: openingBalanceKopecks + chargedKopecks - paidKopecks,
    };
  }

  /** Payments with `from <= paid_on < to`, oldest first. */
  paymentsBetween(
    accountNumber: string,
    from: string,
    to: string,
  ): Array<{ paidOn: string; amountKopecks: number; channel: PaymentChannel }> {
    return this.db
      .prepare<[string, string, string], { paid_on: string; amount_kopecks: number; channel: PaymentChannel }>(
        'SELECT paid_on, amount_kopecks, channel FROM payment WHERE account_number = ? AND paid_on >= ? AND paid_on < ? ORDER BY paid_on, id',
      )
      .all(accountNumber, from, to)
      .map((row) => ({ paidOn: row.paid_on, amountKopecks: row.amount_kopecks, channel: row.channel }));
  }

  /** Balance today: the last bill's closing balance minus what was paid since (up to yesterday). */
  summary(accountNumber: string, today: string): AccountSummary {
    const account = this.account(accountNumber);
    const period = this.lastBilledPeriod(accountNumber);
    if (!account || !period) throw new Error(`account ${accountNumber} has no ledger`);
    const last = this.month(accountNumber, period, this.balanceBefore(accountNumber, period));
    const paidSince = sum(this.paymentsBetween(accountNumber, `${addMonths(period, 1)}-01`, today).map((payment) => payment.amountKopecks));
    const balanceKopecks = last.closingBalanceKopecks - paidSince;
    const lastPayment = this.db
      .prepare<[string, string], { paid_on: string; amount_kopecks: number }>(
        'SELECT paid_on, amount_kopecks FROM payment WHERE account_number = ? AND paid_on < ? ORDER BY paid_on DESC, id DESC LIMIT 1',
      )
      .get(accountNumber, today);
    return {
      accountNumber,
      holderName: account.holder_name,
      address: account.address,
      billingPeriod: period,
      amountDueKopecks: Math.max(0, balanceKopecks),
      balanceKopecks,
      lastPayment: lastPayment ? { amountKopecks: lastPayment.amount_kopecks, paidOn: lastPayment.paid_on } : null,
      paymentDueBy: dateInPeriod(addMonths(period, 1), 10),
    };
  }

  /** What the payment slip shows: the amount due split into the last bill's lines and what came before. */
  invoice(accountNumber: string, today: string, payee: Payee): Invoice {
    const summary = this.summary(accountNumber, today);
    const month = this.month(accountNumber, summary.billingPeriod, this.balanceBefore(accountNumber, summary.billingPeriod));
    const breakdown = [
      ...month.charges.map((line) => ({ label: line.serviceName, amountKopecks: line.amountKopecks })),
      ...month.recalculations.map((line) => ({ label: line.reason, amountKopecks: line.amountKopecks })),
      ...(month.penaltiesKopecks > 0 ? [{ label: 'Пени', amountKopecks: month.penaltiesKopecks }] : []),
    ];
    const previousBalanceKopecks = summary.balanceKopecks - month.chargedKopecks;
    if (previousBalanceKopecks !== 0) {
      breakdown.push({
        label: previousBalanceKopecks > 0 ? 'Задолженность за прошлые периоды' : 'Переплата (аванс) и оплата текущего месяца',
        amountKopecks: previousBalanceKopecks,
      });
    }
    const [year, monthNumber] = summary.billingPeriod.split('-');
    return {
      accountNumber,
      billingPeriod: summary.billingPeriod,
      payerName: summary.holderName,
      address: summary.address,
      amountDueKopecks: summary.amountDueKopecks,
      previousBalanceKopecks,
      breakdown,
      paymentDueBy: summary.paymentDueBy,
      payee,
      purpose: `Оплата за отопление и ГВС, л/с ${accountNumber}, за ${monthNumber}.${year}`,
    };
  }

  /** The period a date falls in, clamped to the billed history (for statements asked for "now"). */
  clampToHistory(accountNumber: string, period: string): string {
    const first = this.firstBilledPeriod(accountNumber) ?? period;
    const last = this.lastBilledPeriod(accountNumber) ?? period;
    return period < first ? first : period > last ? last : period;
  }
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
