// Registration in the personal account, at the kiosk before anyone logs in. As on the utility's
// website the password is not chosen here: the billing centre e-mails it.
import { z } from 'zod';
import { defineContract, defineMethod } from '../../core/api/contract';
import { accountNumberSchema, emptyInputSchema } from '../../core/api/schemas';
import { activationCodeSchema, captchaAnswerSchema, captchaIdSchema, consentSchema, emailSchema, phoneSchema } from './registration-fields';

/** The registration details of the first step, checked before the agreement and the captcha. */
const registrationDetails = {
  accountNumber: accountNumberSchema,
  email: emailSchema,
  phone: phoneSchema,
  activationCode: activationCodeSchema,
};

export const captchaAnswer = { captchaId: captchaIdSchema, captchaAnswer: captchaAnswerSchema };

export const registrationContract = defineContract({
  methods: {
    /** A fresh captcha picture (checked to be a plain SVG) and its code spelled out for those who cannot read it. */
    'registration.captcha': defineMethod({
      name: 'registration.captcha',
      audience: 'public',
      input: emptyInputSchema,
      output: z.object({ captchaId: z.string(), imageSvg: z.string(), spokenHint: z.string() }),
    }),
    /** The usage agreement and personal-data consent text, in full, with its version. */
    'registration.agreement': defineMethod({
      name: 'registration.agreement',
      audience: 'public',
      input: emptyInputSchema,
      output: z.object({ textVersion: z.string(), text: z.string() }),
    }),
    /** Checks the first step's fields (nothing is sent to the billing centre). */
    'registration.checkDetails': defineMethod({
      name: 'registration.checkDetails',
      audience: 'public',
      input: z.object(registrationDetails).strict(),
      output: z.object({ valid: z.literal(true) }),
    }),
    'registration.register': defineMethod({
      name: 'registration.register',
      audience: 'public',
      input: z.object({ ...registrationDetails, ...captchaAnswer, consent: consentSchema }).strict(),
      output: z.object({
        accountNumber: accountNumberSchema,
        registeredAt: z.string(),
        /** The e-mail the password went to, masked (i*****a@example.ru). */
        passwordSentTo: z.string(),
      }),
    }),
  },
});
