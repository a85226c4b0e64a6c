// «Оплатить»: the invoice and where to pay it, the payment QR code and slip for an amount the
// customer chooses.
import { z } from 'zod';
import { defineContract, defineMethod } from '../../core/api/contract';
import { accountNumberSchema, billingPeriodSchema, emptyInputSchema, isoDateSchema, kopecksSchema, refusal } from '../../core/api/schemas';
import { MAX_PAYMENT_KOPECKS } from '../pay/payment-amount';

/** An amount the customer typed on the keypad, in kopecks. */
export const paymentAmountSchema = z
  .number(refusal('pay.errors.amountRequired'))
  .int(refusal('pay.errors.notKopecks'))
  .min(1, refusal('pay.errors.notPositive'))
  .max(MAX_PAYMENT_KOPECKS, refusal('pay.errors.tooLarge'));

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
  /** Null when the payee's requisites failed the kiosk's checks: the slip then carries no QR code. */
  qrPayload: z.string().nullable(),
});

/** The payment slip the customer can print, for the amount they chose. */
export const paymentSlipDocument = z.object({ type: z.literal('payment-slip'), amountKopecks: kopecksSchema }).strict();

export const payContract = defineContract({
  documents: [paymentSlipDocument],
  methods: {
    'payment.invoice': defineMethod({
      name: 'payment.invoice',
      audience: 'bill-holder',
      input: emptyInputSchema,
      output: invoiceOutput,
    }),
    'payment.qr': defineMethod({
      name: 'payment.qr',
      audience: 'bill-holder',
      input: amountInput,
      output: paymentQrOutput,
    }),
    'payment.slip': defineMethod({
      name: 'payment.slip',
      audience: 'bill-holder',
      input: amountInput,
      output: paymentSlipOutput,
    }),
  },
});
