// Receipts at the kiosk: what a document will look like on paper, printing it, and printing it
// again after the printer's trouble is fixed. The customer can print only their own documents.
import { z } from 'zod';
import { defineMethod } from '../contract';
import { billingPeriodSchema, kopecksSchema } from '../schemas';

export const printableDocumentSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('payment-slip'), amountKopecks: kopecksSchema }).strict(),
  z.object({ type: z.literal('statement'), from: billingPeriodSchema, to: billingPeriodSchema }).strict(),
  z.object({ type: z.literal('readings-confirmation'), localReference: z.string().min(1).max(40) }).strict(),
  z.object({ type: z.literal('appeal-ticket'), localReference: z.string().min(1).max(40) }).strict(),
]);
export type PrintableDocument = z.infer<typeof printableDocumentSchema>;

export const printOutcomeOutput = z.object({
  jobId: z.number().int(),
  status: z.enum(['printing', 'printed', 'failed', 'not-confirmed']),
  printerState: z.enum(['ready', 'paper-out', 'cover-open', 'offline', 'not-responding', 'unknown']),
  /** Russian text for the customer when the receipt did not (or may not have) come out. */
  message: z.string().nullable(),
});

export const printMethods = {
  'print.preview': defineMethod({
    name: 'print.preview',
    audience: 'customer',
    input: z.object({ document: printableDocumentSchema }).strict(),
    output: z.object({ columns: z.number().int(), lines: z.array(z.string()), qrPayloads: z.array(z.string()) }),
  }),
  'print.document': defineMethod({
    name: 'print.document',
    audience: 'customer',
    input: z.object({ document: printableDocumentSchema }).strict(),
    output: printOutcomeOutput,
  }),
  'print.retry': defineMethod({
    name: 'print.retry',
    audience: 'customer',
    input: z.object({ jobId: z.number().int().positive() }).strict(),
    output: printOutcomeOutput,
  }),
} as const;
