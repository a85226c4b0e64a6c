// «Войти по коду из SMS»: a full login for the customer with no password. The billing centre sends
// a 6-digit code to the phone on file (valid 5 minutes, 3 tries, a new one after 60 s); the code
// opens the same session a password does.
import { z } from 'zod';
import { defineContract, defineMethod } from '../../core/api/contract';
import { accountNumberSchema, refusal } from '../../core/api/schemas';

export const smsCodeSchema = z.string(refusal('smsLogin.errors.codeDigits')).regex(/^\d{6}$/, refusal('smsLogin.errors.codeDigits'));

export const smsLoginContract = defineContract({
  methods: {
    'smsLogin.requestCode': defineMethod({
      name: 'smsLogin.requestCode',
      audience: 'public',
      input: z.object({ accountNumber: accountNumberSchema }).strict(),
      output: z.object({
        /** The phone the code went to, masked: `+7 (917) ***-**-55`. */
        sentTo: z.string(),
        /** Seconds the code stays valid. */
        validForSeconds: z.number().int().nonnegative(),
        /** Seconds until another code may be asked for: the screen counts them down. */
        resendAfterSeconds: z.number().int().nonnegative(),
        attemptsLeft: z.number().int().positive(),
      }),
    }),
    'smsLogin.verify': defineMethod({
      name: 'smsLogin.verify',
      audience: 'public',
      input: z.object({ accountNumber: accountNumberSchema, code: smsCodeSchema }).strict(),
      output: z.object({ accountNumber: accountNumberSchema }),
    }),
    /**
     * Training mode only: the SMS the reference billing centre "sent" to this account's phone,
     * shown on the screen because a trainee has no such phone. Refused outside training mode.
     */
    'smsLogin.trainingInbox': defineMethod({
      name: 'smsLogin.trainingInbox',
      audience: 'public',
      input: z.object({ accountNumber: accountNumberSchema }).strict(),
      output: z.object({ messages: z.array(z.object({ text: z.string(), sentAt: z.string() })) }),
    }),
  },
});
