// «Оплатить» and «Начисления и платежи»: reads only. The invoice with the offices and places to
// pay; a QR code and a slip for the amount the customer chose; the current period; a statement for
// a chosen period, shown only when its arithmetic adds up to the kopeck.
import { KioskFailure } from '../contract';
import type { KioskHandlers } from '../dispatcher';
import type { KioskServices } from '../../kiosk-services';
import type { Invoice, ReferenceData, Statement } from '../../billing/billing-wire';
import { CONTACT_CENTRE_PHONE } from '../../billing/billing-link';
import { PaymentQrError, paymentQrPayloadProblems } from '../../payment/payment-qr';
import { MAX_PAYMENT_KOPECKS, paymentAmountProblem } from '../../payment/payment-amount';
import { buildPaymentSlip, paymentQrPayloadFor, paymentQrSvg } from '../../payment/payment-slip';
import { checkStatement, monthlySeries } from '../../statement/statement-check';
import { defaultStatementPeriod, periodRangeProblem } from '../../statement/statement-period';
import { addDays, ufaDate } from '../../time/calendar';

type PaymentHandlers = Pick<KioskHandlers, 'payment.invoice' | 'payment.qr' | 'payment.slip' | 'charges.current' | 'charges.statement'>;

const REFERENCE_TTL_MS = 10 * 60_000;

export const INCONSISTENT_STATEMENT_MESSAGE =
  'Расчётный центр прислал выписку, суммы в которой не сходятся. Чтобы не показать вам неверные суммы, терминал её не отображает. ' +
  `Попробуйте позже, обратитесь к сотруднику офиса или позвоните в контакт-центр: ${CONTACT_CENTRE_PHONE} (звонок бесплатный).`;

const QR_FAILED_MESSAGE =
  'Не удалось сформировать QR-код по реквизитам расчётного центра. Оплатите по номеру лицевого счёта в банке или обратитесь к сотруднику офиса.';

const STATEMENT_REFUSALS = {
  'invalid-period': 'Начало периода позже его конца. Выберите месяц начала не позже месяца окончания.',
  'period-too-long': 'Период не может быть длиннее 36 месяцев. Сократите период и нажмите «Отобразить» ещё раз.',
};

export function createPaymentHandlers(services: KioskServices): PaymentHandlers {
  const { billing, billingLink, referenceCache, logger } = services;

  const readInvoice = (billingToken: string): Promise<Invoice> => billingLink.call(() => billing.getInvoice(billingToken));

  /** Offices and payment places; the page still works without them if the billing centre never answered. */
  const readPlaces = async (): Promise<{ reference: ReferenceData | null; fromCache: boolean }> => {
    try {
      const cached = await referenceCache.get('reference-data', REFERENCE_TTL_MS, () => billingLink.call(() => billing.getReferenceData()));
      return { reference: cached.value, fromCache: cached.fromCache };
    } catch (error) {
      logger.warn('reference data unavailable for the pay screen', { error });
      return { reference: null, fromCache: true };
    }
  };

  const checkAmount = (amountKopecks: number): void => {
    const problem = paymentAmountProblem(amountKopecks);
    if (problem) throw new KioskFailure({ code: 'invalid-input', message: problem, fields: { amountKopecks: problem } });
  };

  const qrPayload = (invoice: Invoice, amountKopecks: number, accountNumber: string): string => {
    try {
      const payload = paymentQrPayloadFor(invoice, amountKopecks);
      const problems = paymentQrPayloadProblems(payload);
      if (problems.length > 0) throw new PaymentQrError(problems.join('; '));
      return payload;
    } catch (error) {
      if (!(error instanceof PaymentQrError)) throw error;
      // The billing centre's requisites break the standard: staff must know, the customer gets a way out.
      logger.error('payment QR refused the billing centre requisites', { accountNumber, problem: error.message });
      throw new KioskFailure({ code: 'billing-invalid-response', message: QR_FAILED_MESSAGE });
    }
  };

  /** The statement, refused rather than shown when its money does not add up. */
  const readCheckedStatement = async (billingToken: string, accountNumber: string, from: string, to: string): Promise<Statement> => {
    const statement = await billingLink.call(() => billing.getStatement(billingToken, from, to), STATEMENT_REFUSALS);
    const problems = checkStatement(statement);
    if (statement.accountNumber !== accountNumber) problems.push(`statement is for ${statement.accountNumber}`);
    if (problems.length > 0) {
      logger.error('billing centre sent a statement that does not add up', { accountNumber, from, to, problems });
      throw new KioskFailure({ code: 'billing-invalid-response', message: INCONSISTENT_STATEMENT_MESSAGE });
    }
    return statement;
  };

  return {
    async 'payment.invoice'() {
      const session = services.requireCustomer();
      const [invoice, summary] = await Promise.all([
        readInvoice(session.billingToken),
        billingLink.call(() => billing.getAccountSummary(session.billingToken)),
      ]);
      const { reference, fromCache } = await readPlaces();
      return {
        accountNumber: invoice.accountNumber,
        billingPeriod: invoice.billingPeriod,
        payerName: invoice.payerName,
        address: invoice.address,
        amountDueKopecks: invoice.amountDueKopecks,
        balanceKopecks: summary.balanceKopecks,
        previousBalanceKopecks: invoice.previousBalanceKopecks,
        breakdown: invoice.breakdown,
        paymentDueBy: invoice.paymentDueBy,
        payee: invoice.payee,
        purpose: invoice.purpose,
        maxAmountKopecks: MAX_PAYMENT_KOPECKS,
        offices: reference?.offices ?? [],
        paymentPlaces: reference?.paymentPlaces ?? [],
        placesFromCache: fromCache || !billingLink.online,
      };
    },

    async 'payment.qr'({ amountKopecks }) {
      const session = services.requireCustomer();
      checkAmount(amountKopecks);
      const invoice = await readInvoice(session.billingToken);
      const payload = qrPayload(invoice, amountKopecks, session.accountNumber);
      return { amountKopecks, payload, svg: await paymentQrSvg(payload) };
    },

    async 'payment.slip'({ amountKopecks }) {
      const session = services.requireCustomer();
      checkAmount(amountKopecks);
      const invoice = await readInvoice(session.billingToken);
      // Built once to surface a QR refusal the same way as payment.qr does.
      qrPayload(invoice, amountKopecks, session.accountNumber);
      return buildPaymentSlip(invoice, amountKopecks, ufaDate(services.clock()));
    },

    async 'charges.current'() {
      const session = services.requireCustomer();
      const summary = await billingLink.call(() => billing.getAccountSummary(session.billingToken));
      const period = summary.billingPeriod;
      const statement = await readCheckedStatement(session.billingToken, session.accountNumber, period, period);
      const month = statement.months[0];
      if (!month || month.period !== period) {
        logger.error('billing centre has no statement month for the last billed period', { period });
        throw new KioskFailure({ code: 'billing-invalid-response', message: INCONSISTENT_STATEMENT_MESSAGE });
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
      if (problem) throw new KioskFailure({ code: 'invalid-input', message: problem, fields: { from: problem } });
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
