// Field schemas shared by several kiosk API methods, with the catalog key of the customer-facing
// message for each refusal (the renderer shows these next to the field).
import { z } from 'zod';
import { isMessageKey } from '../messages/message-catalog';
import type { Message, MessageKey } from '../messages/messages';

/**
 * A zod check's message as a catalog key, typed so that a misspelt key fails the type check; the
 * dispatcher turns it into the field's message: `.min(1, refusal('errors.password.required'))`.
 */
export function refusal(key: MessageKey): { error: MessageKey } {
  return { error: key };
}

/** A message in a method's output (a printer problem, a confirmation): a catalog key and its values. */
export const messageSchema: z.ZodType<Message> = z.object({
  key: z.custom<MessageKey>((key) => typeof key === 'string' && isMessageKey(key)),
  values: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

/** A 9-digit personal account number (лицевой счёт). */
export const accountNumberSchema = z.string(refusal('errors.account.required')).regex(/^\d{9}$/, refusal('errors.account.digits'));

export const passwordSchema = z
  .string(refusal('errors.password.required'))
  .min(1, refusal('errors.password.required'))
  .max(128, refusal('errors.password.tooLong'));

/** Money is integer kopecks everywhere except the formatter. */
export const kopecksSchema = z.number().int();

/** A calendar date as ISO `YYYY-MM-DD`. */
export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** A billing period as ISO `YYYY-MM`. */
export const billingPeriodSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, refusal('errors.period.format'));

export const emptyInputSchema = z.object({}).strict();
