// Customer login, logout and the account summary shown on the home screen.
import { z } from 'zod';
import { defineMethod } from '../contract';
import { accountNumberSchema, billingPeriodSchema, emptyInputSchema, isoDateSchema, kopecksSchema, passwordSchema } from '../schemas';

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

export const sessionMethods = {
  'session.login': defineMethod({
    name: 'session.login',
    audience: 'public',
    input: z.object({ accountNumber: accountNumberSchema, password: passwordSchema }).strict(),
    output: z.object({ accountNumber: accountNumberSchema }),
  }),
  'session.logout': defineMethod({
    name: 'session.logout',
    audience: 'public',
    input: emptyInputSchema,
    output: z.object({ loggedOut: z.literal(true) }),
  }),
  'account.summary': defineMethod({
    name: 'account.summary',
    audience: 'customer',
    input: emptyInputSchema,
    output: accountSummaryOutput,
  }),
} as const;
