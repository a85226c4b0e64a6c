// Registration in the personal account, at the kiosk before anyone logs in. As on the utility's
// website the password is not chosen here: the billing centre e-mails it, or sends it by SMS to the
// mobile phone given, for the customer with no e-mail.
import { z } from 'zod';
import { defineContract, defineMethod } from '../../core/api/contract';
import { accountNumberSchema, emptyInputSchema } from '../../core/api/schemas';
import { activationCodeSchema, captchaAnswerSchema, captchaIdSchema, consentSchema, emailSchema, phoneSchema } from './registration-fields';

/** The registration details of the first step, checked before the agreement and the captcha. */
const registrationDetails = {
  accountNumber: accountNumberSchema,
  /** Where the first password goes; e-mail unless the customer chose SMS. */
  passwordDelivery: z.enum(['email', 'sms']).default('email'),
  /** Needed only when the password goes by e-mail. */
  email: emailSchema.optional(),
  phone: phoneSchema,
  activationCode: activationCodeSchema,
};

/** The e-mail is asked for only when the password goes there; an SMS needs a mobile number. */
function deliveryIsPossible(
  details: { passwordDelivery: 'email' | 'sms'; email?: string | undefined; phone: string },
  context: z.RefinementCtx,
) {
  if (details.passwordDelivery === 'email' && !details.email) {
    context.addIssue({ code: 'custom', path: ['email'], message: 'register.fieldErrors.emailRequired' });
  }
  if (details.passwordDelivery === 'sms' && !/^\+79\d{9}$/.test(details.phone)) {
    context.addIssue({ code: 'custom', path: ['phone'], message: 'register.fieldErrors.phoneNotMobile' });
  }
}

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
      input: z.object(registrationDetails).strict().superRefine(deliveryIsPossible),
      output: z.object({ valid: z.literal(true) }),
    }),
    'registration.register': defineMethod({
      name: 'registration.register',
      audience: 'public',
      input: z
        .object({ ...registrationDetails, ...captchaAnswer, consent: consentSchema })
        .strict()
        .superRefine(deliveryIsPossible),
      output: z.object({
        accountNumber: accountNumberSchema,
        registeredAt: z.string(),
        passwordSentBy: z.enum(['email', 'sms']),
        /** Where the password went, masked: `i*****a@example.ru` or `+7 (917) ***-**-55`. */
        passwordSentTo: z.string(),
      }),
    }),
  },
});
