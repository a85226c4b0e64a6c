// Личная информация: the holder's details with contacts (masked on screen until revealed), changes
// of e-mail, phone and how bills are delivered, and a change of password.
import { z } from 'zod';
import { defineContract, defineMethod } from '../../core/api/contract';
import { accountNumberSchema, emptyInputSchema, refusal } from '../../core/api/schemas';
import type { MessageKey } from '../../core/messages/messages';

export const profileViewSchema = z.object({
  accountNumber: accountNumberSchema,
  holderName: z.string(),
  address: z.string(),
  email: z.string().nullable(),
  /** `i***a@example.ru`: what the screen shows until the customer asks to see the whole address. */
  emailMasked: z.string().nullable(),
  /** `+79175550101`. */
  phone: z.string().nullable(),
  /** `+7 917 555-01-01`. */
  phoneFormatted: z.string().nullable(),
  /** `+7 917 ***-**-01`. */
  phoneMasked: z.string().nullable(),
  /** Paper bill delivered by post. */
  paperBill: z.boolean(),
  /** Bill sent by e-mail. */
  emailBill: z.boolean(),
});

const writeOutput = z.object({
  delivery: z.enum(['delivered', 'pending']),
  localReference: z.string(),
  /** The profile as the billing centre now holds it; null while the change waits in the queue. */
  profile: profileViewSchema.nullable(),
});

const secret = (missing: MessageKey) => z.string(refusal(missing)).max(128, refusal('profile.fieldErrors.passwordTooLong'));

export const profileContract = defineContract({
  methods: {
    'profile.get': defineMethod({
      name: 'profile.get',
      audience: 'customer',
      input: emptyInputSchema,
      output: profileViewSchema,
    }),
    'profile.updateContacts': defineMethod({
      name: 'profile.updateContacts',
      audience: 'customer',
      input: z
        .object({
          email: z.string().max(200, refusal('errors.email.tooLong')).optional(),
          phone: z.string().max(30, refusal('errors.phone.check')).optional(),
        })
        .strict(),
      output: writeOutput,
    }),
    'profile.updateNotifications': defineMethod({
      name: 'profile.updateNotifications',
      audience: 'customer',
      input: z.object({ paperBill: z.boolean(), emailBill: z.boolean() }).strict(),
      output: writeOutput,
    }),
    'profile.changePassword': defineMethod({
      name: 'profile.changePassword',
      audience: 'customer',
      input: z
        .object({
          currentPassword: secret('profile.refusals.current-missing'),
          newPassword: secret('profile.fieldErrors.newMissing'),
          repeatPassword: secret('profile.fieldErrors.repeatMissing'),
        })
        .strict(),
      /** Changed at the billing centre: a password is never queued on this terminal. */
      output: z.object({ changed: z.literal(true) }),
    }),
  },
});
