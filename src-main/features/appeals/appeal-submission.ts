// An appeal as the outbox carries it: the text and answer contacts for the billing centre, the
// topic and masked contacts for the confirmation and the ticket.
import { z } from 'zod';
import { appealRequestSchema } from '../../core/billing/billing-wire';
import { defineSubmission } from '../../core/outbox/submission-kinds';

export const appealSummarySchema = z.object({
  topic: z.string(),
  answerTo: z.object({ phoneMasked: z.string().nullable(), emailMasked: z.string().nullable() }).optional(),
});

export const appealSubmission = defineSubmission({
  kind: 'appeal',
  payload: appealRequestSchema,
  summary: appealSummarySchema,
  send: (billing, message) => billing.submitAppeal(message.accountNumber, message.payload, message.idempotencyKey),
});
