// Profile changes as the outbox carries them. The summary keeps contacts masked and never holds
// a password; the password change's payload fields are wiped the moment it is settled.
import { z } from 'zod';
import { passwordChangeSchema, profileUpdateSchema } from '../../core/billing/billing-wire';
import { defineSubmission } from '../../core/outbox/submission-kinds';

export const profileSubmission = defineSubmission({
  kind: 'profile',
  payload: profileUpdateSchema,
  summary: z.discriminatedUnion('change', [
    z.object({ change: z.literal('contacts'), email: z.string().nullable(), phone: z.string().nullable() }),
    z.object({ change: z.literal('notifications'), paperBill: z.boolean(), emailBill: z.boolean() }),
  ]),
  send: (billing, message) => billing.updateProfile(message.accountNumber, message.payload, message.idempotencyKey),
});

/**
 * Password changes are sent to the billing centre at once and never queued (issue 15: no password
 * waits on disk). The kind stays so that a change an older release queued is still delivered, and
 * wiped, after an update.
 */
export const passwordChangeSubmission = defineSubmission({
  kind: 'password-change',
  payload: passwordChangeSchema,
  summary: z.object({ change: z.literal('password') }),
  secretFields: ['currentPassword', 'newPassword'],
  send: async (billing, message) => {
    await billing.changePassword(message.accountNumber, message.payload, message.idempotencyKey);
    return { changed: true };
  },
});
