// Training mode only: office staff show and print the last paper bill (ЕПД) of a fixed demo
// account, with its «код квитанции» and payment QR, so a trainee has a bill to log in «По квитанции»
// with (typed, or read by the bill scanner). Outside training mode every method is refused.
import { z } from 'zod';
import { defineContract, defineMethod } from '../../core/api/contract';
import {
  accountNumberSchema,
  billingPeriodSchema,
  emptyInputSchema,
  isoDateSchema,
  kopecksSchema,
  messageSchema,
} from '../../core/api/schemas';
import { payeeOutput } from '../pay/pay-contract';

/** README's fixed demo accounts, by what each is there to show. */
const DEMO_BILL_ACCOUNT_NAMES = ['owesMoney', 'paidInAdvance', 'expiredVerification', 'notRegistered', 'paperBillOnly'] as const;
export type DemoBillAccountName = (typeof DEMO_BILL_ACCOUNT_NAMES)[number];

const accountInput = z.object({ accountNumber: accountNumberSchema }).strict();

const demoAccountOutput = z.object({
  accountNumber: accountNumberSchema,
  demoName: z.enum(DEMO_BILL_ACCOUNT_NAMES),
  holderName: z.string(),
  amountDueKopecks: kopecksSchema.nonnegative(),
  billCode: z.string(),
  registered: z.boolean(),
});

export const trainingBillOutput = z.object({
  accountNumber: accountNumberSchema,
  demoName: z.enum(DEMO_BILL_ACCOUNT_NAMES),
  billingPeriod: billingPeriodSchema,
  payee: payeeOutput,
  /** Full name: demo data, printed as a real bill prints it. */
  holderName: z.string(),
  address: z.string(),
  amountDueKopecks: kopecksSchema.nonnegative(),
  /** Positive: debt from earlier periods; negative: advance. */
  previousBalanceKopecks: kopecksSchema,
  breakdown: z.array(z.object({ label: z.string(), amountKopecks: kopecksSchema })),
  paymentDueBy: isoDateSchema,
  /** The «код квитанции» that opens a bill session with this bill. */
  billCode: z.string(),
  /** For registering the account; null once it is registered. */
  activationCode: z.string().nullable(),
  /** The GOST R 56042 payment QR (null when nothing is due: there is nothing to pay). */
  qr: z.object({ payload: z.string(), svg: z.string() }).nullable(),
  /** True when the payee's requisites failed the kiosk's checks, so there is no QR although money is due. */
  payeeRefused: z.boolean(),
});

export const trainingBillContract = defineContract({
  methods: {
    'trainingBill.accounts': defineMethod({
      name: 'trainingBill.accounts',
      audience: 'staff',
      input: emptyInputSchema,
      output: z.object({ accounts: z.array(demoAccountOutput) }),
    }),
    'trainingBill.show': defineMethod({
      name: 'trainingBill.show',
      audience: 'staff',
      input: accountInput,
      output: trainingBillOutput,
    }),
    'trainingBill.print': defineMethod({
      name: 'trainingBill.print',
      audience: 'staff',
      input: accountInput,
      output: z.object({
        jobId: z.number().int(),
        status: z.enum(['printing', 'printed', 'failed', 'not-confirmed']),
        printerState: z.string(),
        message: messageSchema.nullable(),
      }),
    }),
  },
});
