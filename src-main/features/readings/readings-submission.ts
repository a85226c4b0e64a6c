// Readings as the outbox carries them: what the billing centre receives, and what the confirmation
// and its receipt show (the meters with previous, new and consumption, as typed).
import { z } from 'zod';
import { readingsRequestSchema } from '../../core/billing/billing-wire';
import { defineSubmission } from '../../core/outbox/submission-kinds';

export const readingsSummarySchema = z.object({
  countsForPeriod: z.string().nullable(),
  corrects: z.string().nullable().optional(),
  lines: z.array(
    z.object({
      meterId: z.string().optional(),
      serialNumber: z.string(),
      unit: z.string(),
      previous: z.number().nullable(),
      /** As the customer typed it, in the meter's precision («416,260»). */
      value: z.union([z.string(), z.number()]),
      consumption: z.number().nullable(),
    }),
  ),
});

export const readingsSubmission = defineSubmission({
  kind: 'readings',
  payload: readingsRequestSchema,
  summary: readingsSummarySchema,
  send: (billing, message) => billing.submitReadings(message.accountNumber, message.payload, message.idempotencyKey),
});
