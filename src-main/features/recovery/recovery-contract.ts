// «Забыли пароль» at the kiosk: the account number, the e-mail given at registration and the
// captcha; the billing centre e-mails a new password.
import { z } from 'zod';
import { defineContract, defineMethod } from '../../core/api/contract';
import { accountNumberSchema } from '../../core/api/schemas';
import { emailSchema } from '../registration/registration-fields';
import { captchaAnswer } from '../registration/registration-contract';

export const recoveryContract = defineContract({
  methods: {
    'recovery.requestPassword': defineMethod({
      name: 'recovery.requestPassword',
      audience: 'public',
      input: z.object({ accountNumber: accountNumberSchema, email: emailSchema, ...captchaAnswer }).strict(),
      output: z.object({
        /** The e-mail the new password went to, masked. */
        sentTo: z.string(),
      }),
    }),
  },
});
