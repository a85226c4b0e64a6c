// «Начисления и платежи»: the current period's charges, and a statement for any period of up to
// 36 months.
import { z } from 'zod';
import { defineContract, defineMethod } from '../../core/api/contract';
import { accountNumberSchema, billingPeriodSchema, emptyInputSchema, isoDateSchema, kopecksSchema } from '../../core/api/schemas';
import { periodRangeProblem } from './statement-period';

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

/**
 * The statement on paper, for the period shown: in `full` four lines a month, in `compact` one
 * (for a long period, which would otherwise take most of a metre of paper).
 */
export const statementDocument = z
  .object({
    type: z.literal('statement'),
    from: billingPeriodSchema,
    to: billingPeriodSchema,
    form: z.enum(['full', 'compact']).default('full'),
  })
  .strict();

export const chargesContract = defineContract({
  documents: [statementDocument],
  methods: {
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
  },
});
