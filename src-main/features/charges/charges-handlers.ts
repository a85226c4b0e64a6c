// «Начисления и платежи»: reads only. The current period, and a statement for a chosen period,
// shown only when its arithmetic adds up to the kopeck.
import { KioskFailure } from '../../core/api/contract';
import { message } from '../../core/messages/messages';
import type { Statement } from '../../core/billing/billing-wire';
import type { KioskServices } from '../../core/kiosk-services';
import { addDays, ufaDate } from '../../core/time/calendar';
import type { KioskHandlers } from '../kiosk-methods';
import { checkStatement, monthlySeries } from './statement-check';
import { defaultStatementPeriod, periodRangeProblem } from './statement-period';

type ChargesHandlers = Pick<KioskHandlers, 'charges.current' | 'charges.statement'>;

const STATEMENT_REFUSALS = {
  'invalid-period': message('charges.errors.reversed'),
  'period-too-long': message('charges.errors.tooLong'),
};

export function createChargesHandlers(services: KioskServices): ChargesHandlers {
  const { billing, billingLink, logger } = services;

  /** The statement, refused rather than shown when its money does not add up. */
  const readCheckedStatement = async (billingToken: string, accountNumber: string, from: string, to: string): Promise<Statement> => {
    const statement = await billingLink.call(() => billing.getStatement(billingToken, from, to), STATEMENT_REFUSALS);
    const problems = checkStatement(statement);
    if (statement.accountNumber !== accountNumber) problems.push(`statement is for ${statement.accountNumber}`);
    if (problems.length > 0) {
      logger.error('billing centre sent a statement that does not add up', { accountNumber, from, to, problems });
      throw new KioskFailure({ code: 'billing-invalid-response', message: message('charges.errors.inconsistent') });
    }
    return statement;
  };

  return {
    async 'charges.current'() {
      const session = services.requireCustomer();
      const summary = await billingLink.call(() => billing.getAccountSummary(session.billingToken));
      const period = summary.billingPeriod;
      const statement = await readCheckedStatement(session.billingToken, session.accountNumber, period, period);
      const month = statement.months[0];
      if (!month || month.period !== period) {
        logger.error('billing centre has no statement month for the last billed period', { period });
        throw new KioskFailure({ code: 'billing-invalid-response', message: message('charges.errors.inconsistent') });
      }
      const range = defaultStatementPeriod(period);
      return {
        accountNumber: summary.accountNumber,
        billingPeriod: period,
        month,
        balanceKopecks: summary.balanceKopecks,
        amountDueKopecks: summary.amountDueKopecks,
        paymentDueBy: summary.paymentDueBy,
        lastPayment: summary.lastPayment,
        paymentsKnownUpTo: addDays(ufaDate(services.clock()), -1),
        defaultFrom: range.from,
        defaultTo: range.to,
      };
    },

    async 'charges.statement'({ from, to }) {
      const session = services.requireCustomer();
      // The input schema refuses these already; checked again so the handler is safe on its own.
      const problem = periodRangeProblem(from, to);
      if (problem) throw new KioskFailure({ code: 'invalid-input', message: message(problem), fields: { from: message(problem) } });
      const statement = await readCheckedStatement(session.billingToken, session.accountNumber, from, to);
      return {
        requestedFrom: from,
        requestedTo: to,
        from: statement.from,
        to: statement.to,
        openingBalanceKopecks: statement.openingBalanceKopecks,
        closingBalanceKopecks: statement.closingBalanceKopecks,
        chargedKopecks: statement.chargedKopecks,
        paidKopecks: statement.paidKopecks,
        months: statement.months,
        series: monthlySeries(statement.months),
      };
    },
  };
}
