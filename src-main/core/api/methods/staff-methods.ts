// The staff screen: PIN login, terminal health, the outbox (retry / mark handled), the audit
// log, and resetting login limits.
import { z } from 'zod';
import { defineMethod } from '../contract';
import { emptyInputSchema } from '../schemas';

export const staffNumberSchema = z
  .string({ error: 'Введите табельный номер' })
  .regex(/^\d{3,8}$/, { error: 'Табельный номер — от 3 до 8 цифр' });
export const pinSchema = z.string({ error: 'Введите PIN-код' }).regex(/^\d{4,8}$/, { error: 'PIN-код — от 4 до 8 цифр' });

const outboxMessageOutput = z.object({
  id: z.number().int(),
  kind: z.string(),
  /** Masked: staff see the last digits, enough to match a customer at the counter. */
  accountNumberMasked: z.string(),
  localReference: z.string(),
  status: z.enum(['pending', 'delivered', 'rejected', 'handled']),
  attempts: z.number().int(),
  createdAt: z.string(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  rejectionCode: z.string().nullable(),
  rejectionMessage: z.string().nullable(),
});

export const staffStatusOutput = z.object({
  staffName: z.string(),
  terminalId: z.string(),
  officeName: z.string(),
  version: z.string(),
  trainingMode: z.boolean(),
  billing: z.object({ online: z.boolean(), url: z.string(), lastContactAt: z.string().nullable(), circuitOpen: z.boolean() }),
  outbox: z.object({
    pending: z.number().int(),
    rejected: z.number().int(),
    delivered: z.number().int(),
    oldestPendingAt: z.string().nullable(),
  }),
  lastHeartbeatAt: z.string().nullable(),
  disk: z.object({ freeBytes: z.number(), totalBytes: z.number() }),
  uptimeSeconds: z.number(),
});

const messageIdInput = z.object({ messageId: z.number().int().positive() }).strict();

export const staffMethods = {
  'staff.login': defineMethod({
    name: 'staff.login',
    audience: 'public',
    input: z.object({ staffNumber: staffNumberSchema, pin: pinSchema }).strict(),
    output: z.object({ staffName: z.string() }),
  }),
  'staff.logout': defineMethod({
    name: 'staff.logout',
    audience: 'public',
    input: emptyInputSchema,
    output: z.object({ loggedOut: z.literal(true) }),
  }),
  'staff.status': defineMethod({ name: 'staff.status', audience: 'staff', input: emptyInputSchema, output: staffStatusOutput }),
  'staff.outbox.list': defineMethod({
    name: 'staff.outbox.list',
    audience: 'staff',
    input: z.object({ status: z.enum(['pending', 'rejected', 'delivered', 'handled']).optional() }).strict(),
    output: z.object({ messages: z.array(outboxMessageOutput) }),
  }),
  'staff.outbox.retry': defineMethod({
    name: 'staff.outbox.retry',
    audience: 'staff',
    input: messageIdInput,
    output: z.object({ status: z.enum(['pending', 'delivered', 'rejected', 'handled']) }),
  }),
  'staff.outbox.markHandled': defineMethod({
    name: 'staff.outbox.markHandled',
    audience: 'staff',
    input: messageIdInput,
    output: z.object({ status: z.literal('handled') }),
  }),
  'staff.audit.list': defineMethod({
    name: 'staff.audit.list',
    audience: 'staff',
    input: emptyInputSchema,
    output: z.object({
      entries: z.array(
        z.object({
          id: z.number().int(),
          at: z.string(),
          staffNumber: z.string(),
          action: z.string(),
          accountNumberMasked: z.string().nullable(),
        }),
      ),
    }),
  }),
  'staff.limits.reset': defineMethod({
    name: 'staff.limits.reset',
    audience: 'staff',
    input: emptyInputSchema,
    output: z.object({ reset: z.literal(true) }),
  }),
} as const;
