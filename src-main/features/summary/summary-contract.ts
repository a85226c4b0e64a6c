// The home screen's account summary: holder, address, what is due, the last payment.
import { z } from 'zod';
import { defineContract, defineMethod } from '../../core/api/contract';
import { accountNumberSchema, billingPeriodSchema, emptyInputSchema, isoDateSchema, kopecksSchema } from '../../core/api/schemas';

export const accountSummaryOutput = z.object({
  accountNumber: accountNumberSchema,
  holderName: z.string(),
  address: z.string(),
  billingPeriod: billingPeriodSchema,
  /** What the customer is asked to pay now; zero when nothing is due. */
  amountDueKopecks: kopecksSchema,
  /** Positive: debt; negative: advance (paid ahead). */
  balanceKopecks: kopecksSchema,
  lastPayment: z.object({ amountKopecks: kopecksSchema, paidOn: isoDateSchema }).nullable(),
  paymentDueBy: isoDateSchema,
});

export const summaryContract = defineContract({
  methods: {
    'account.summary': defineMethod({
      name: 'account.summary',
      audience: 'bill-holder',
      input: emptyInputSchema,
      output: accountSummaryOutput,
    }),
  },
});
