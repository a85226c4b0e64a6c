// Receipts at the kiosk: what a document will look like on paper, printing it, and printing it
// again after the printer's trouble is fixed. The customer can print only their own documents.
// Which documents exist is each feature's own declaration; the list of features hands them in.
import { z } from 'zod';
import { defineContract, defineMethod } from '../../core/api/contract';
import type { DocumentInputSchema } from '../../core/api/contract';
import { messageSchema } from '../../core/api/schemas';

export const printOutcomeOutput = z.object({
  jobId: z.number().int(),
  status: z.enum(['printing', 'printed', 'failed', 'not-confirmed']),
  printerState: z.enum(['ready', 'paper-out', 'cover-open', 'offline', 'not-responding', 'unknown']),
  /** What the customer reads when the receipt did not (or may not have) come out. */
  message: messageSchema.nullable(),
});

export function printingContract<const D extends readonly DocumentInputSchema[]>(documents: D) {
  const [first, ...rest] = documents;
  if (!first) throw new Error('no printable documents');
  const printableDocumentSchema = z.discriminatedUnion('type', [first, ...rest] as unknown as [D[number], ...D[number][]]);
  return defineContract({
    methods: {
      'print.preview': defineMethod({
        name: 'print.preview',
        audience: 'bill-holder',
        input: z.object({ document: printableDocumentSchema }).strict(),
        output: z.object({
          columns: z.number().int(),
          /** The lines the printer prints, with the customer's account number masked as on every screen. */
          lines: z.array(z.string()),
          qrPayloads: z.array(z.string()),
          /** The estimated length on paper in millimetres, for «займёт около 0,7 м бумаги». */
          paperMm: z.number().int().nonnegative(),
        }),
      }),
      'print.document': defineMethod({
        name: 'print.document',
        audience: 'bill-holder',
        input: z.object({ document: printableDocumentSchema }).strict(),
        output: printOutcomeOutput,
      }),
      'print.retry': defineMethod({
        name: 'print.retry',
        audience: 'bill-holder',
        input: z.object({ jobId: z.number().int().positive() }).strict(),
        output: printOutcomeOutput,
      }),
    },
  });
}
