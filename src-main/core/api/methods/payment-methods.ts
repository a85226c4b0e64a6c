// «Оплатить» and «Начисления и платежи»: the invoice and where to pay it, the payment QR code and
// slip for an amount the customer chooses, the current period's charges, and a statement for any
// period of up to 36 months.
import { z } from 'zod';
import { defineMethod } from '../contract';
import { accountNumberSchema, billingPeriodSchema, emptyInputSchema, isoDateSchema, kopecksSchema } from '../schemas';
import {
  AMOUNT_NOT_KOPECKS_MESSAGE,
  AMOUNT_NOT_POSITIVE_MESSAGE,
  AMOUNT_TOO_LARGE_MESSAGE,
  MAX_PAYMENT_KOPECKS,
} from '../../payment/payment-amount';
import { periodRangeProblem } from '../../statement/statement-period';

/** An amount the customer typed on the keypad, in kopecks. */
export const paymentAmountSchema = z
  .number({ error: 'Введите сумму к оплате.' })
  .int({ error: AMOUNT_NOT_KOPECKS_MESSAGE })
  .min(1, { error: AMOUNT_NOT_POSITIVE_MESSAGE })
  .max(MAX_PAYMENT_KOPECKS, { error: AMOUNT_TOO_LARGE_MESSAGE });

const amountInput = z.object({ amountKopecks: paymentAmountSchema }).strict();

export const payeeOutput = z.object({
  name: z.string(),
  inn: z.string(),
  kpp: z.string(),
  bankName: z.string(),
  bic: z.string(),
  correspondentAccount: z.string(),
  settlementAccount: z.string(),
  address: z.string(),
  phone: z.string(),
});

const breakdownLine = z.object({ label: z.string(), amountKopecks: kopecksSchema });

export const invoiceOutput = z.object({
  accountNumber: accountNumberSchema,
  billingPeriod: billingPeriodSchema,
  payerName: z.string(),
  address: z.string(),
  /** What the bill asks for now; zero when nothing is due. */
  amountDueKopecks: kopecksSchema.nonnegative(),
  /** Positive: debt; negative: advance (paid ahead). */
  balanceKopecks: kopecksSchema,
  previousBalanceKopecks: kopecksSchema,
  breakdown: z.array(breakdownLine),
  paymentDueBy: isoDateSchema,
  payee: payeeOutput,
  purpose: z.string(),
  maxAmountKopecks: kopecksSchema,
  offices: z.array(
    z.object({ id: z.string(), name: z.string(), address: z.string(), phone: z.string(), hours: z.string(), acceptsPayments: z.boolean() }),
  ),
  paymentPlaces: z.array(z.object({ name: z.string(), detail: z.string() })),
  /** True when offices and places came from the kiosk's saved copy (the billing centre did not answer). */
  placesFromCache: z.boolean(),
});

export const paymentQrOutput = z.object({
  amountKopecks: kopecksSchema,
  /** The GOST R 56042-2014 text the QR code holds. */
  payload: z.string(),
  /** The QR code as an SVG document. */
  svg: z.string(),
});

export const paymentSlipOutput = z.object({
  date: isoDateSchema,
  payee: payeeOutput,
  accountNumber: accountNumberSchema,
  payerName: z.string(),
  address: z.string(),
  billingPeriod: billingPeriodSchema,
  amountKopecks: kopecksSchema,
  amountDueKopecks: kopecksSchema,
  previousBalanceKopecks: kopecksSchema,
  breakdown: z.array(breakdownLine),
  paymentDueBy: isoDateSchema,
  purpose: z.string(),
  qrPayload: z.string(),
});

const chargeLineOutput = z.object({
  service: z.enum(['heating', 'hot-water-water', 'hot-water-heat']),
  serviceName: z.string(),
  unit: z.enum(['Гкал', 'м³']),
  volume: z.number(),
  /** Price of one unit in kopecks (may carry hundredths of a kopeck). */
  tariffKopecks: z.number(),
  amountKopecks: kopecksSchema,
  basis: z.enum(['meter', 'average', 'norm', 'area']),
});

export const statementMonthOutput = z.object({
  period: billingPeriodSchema,
  openingBalanceKopecks: kopecksSchema,
  charges: z.array(chargeLineOutput),
  recalculations: z.array(z.object({ service: chargeLineOutput.shape.service, reason: z.string(), amountKopecks: kopecksSchema })),
  penaltiesKopecks: kopecksSchema,
  chargedKopecks: kopecksSchema,
  payments: z.array(
    z.object({
      paidOn: isoDateSchema,
      amountKopecks: kopecksSchema,
      channel: z.enum(['bank-online', 'bank-office', 'post', 'kiosk', 'utility-office']),
    }),
  ),
  paidKopecks: kopecksSchema,
  closingBalanceKopecks: kopecksSchema,
});

export const chargesCurrentOutput = z.object({
  accountNumber: accountNumberSchema,
  billingPeriod: billingPeriodSchema,
  month: statementMonthOutput,
  /** The balance today: positive debt («Итоговая сумма задолженности»), negative advance. */
  balanceKopecks: kopecksSchema,
  amountDueKopecks: kopecksSchema,
  paymentDueBy: isoDateSchema,
  lastPayment: z.object({ amountKopecks: kopecksSchema, paidOn: isoDateSchema }).nullable(),
  /** Payments are known up to the end of this day (yesterday). */
  paymentsKnownUpTo: isoDateSchema,
  /** The default statement period: the 12 months ending with the last billed one. */
  defaultFrom: billingPeriodSchema,
  defaultTo: billingPeriodSchema,
});

export const chargesStatementOutput = z.object({
  /** The period asked for. */
  requestedFrom: billingPeriodSchema,
  requestedTo: billingPeriodSchema,
  /** The period shown: the billing centre keeps 36 months, so an earlier start is moved forward. */
  from: billingPeriodSchema,
  to: billingPeriodSchema,
  openingBalanceKopecks: kopecksSchema,
  closingBalanceKopecks: kopecksSchema,
  chargedKopecks: kopecksSchema,
  paidKopecks: kopecksSchema,
  months: z.array(statementMonthOutput),
  /** Per month: charged, heating in Гкал and hot water in м³, for the charts. */
  series: z.array(
    z.object({ period: billingPeriodSchema, chargedKopecks: kopecksSchema, heatingGcal: z.number(), hotWaterM3: z.number() }),
  ),
});

export const statementPeriodInput = z
  .object({ from: billingPeriodSchema, to: billingPeriodSchema })
  .strict()
  .superRefine((period, context) => {
    const problem = periodRangeProblem(period.from, period.to);
    if (problem) context.addIssue({ code: 'custom', message: problem, path: ['from'] });
  });

export const paymentMethods = {
  'payment.invoice': defineMethod({
    name: 'payment.invoice',
    audience: 'customer',
    input: emptyInputSchema,
    output: invoiceOutput,
  }),
  'payment.qr': defineMethod({
    name: 'payment.qr',
    audience: 'customer',
    input: amountInput,
    output: paymentQrOutput,
  }),
  'payment.slip': defineMethod({
    name: 'payment.slip',
    audience: 'customer',
    input: amountInput,
    output: paymentSlipOutput,
  }),
  'charges.current': defineMethod({
    name: 'charges.current',
    audience: 'customer',
    input: emptyInputSchema,
    output: chargesCurrentOutput,
  }),
  'charges.statement': defineMethod({
    name: 'charges.statement',
    audience: 'customer',
    input: statementPeriodInput,
    output: chargesStatementOutput,
  }),
} as const;
