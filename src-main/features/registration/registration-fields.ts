// The fields of the registration and «Забыли пароль» forms, as the utility's website has them, with
// the catalog key of the customer-facing message for each refusal. The kiosk API methods are built from these.
import { z } from 'zod';
import { refusal } from '../../core/api/schemas';

/** The mobile phone as the billing centre stores it: +7 and ten digits. */
export const phoneSchema = z
  .string(refusal('register.fieldErrors.phoneRequired'))
  .regex(/^\+7\d{10}$/, refusal('register.fieldErrors.phoneFormat'));

/** The activation code printed on the last bill: twelve digits in groups of four. */
export const activationCodeSchema = z
  .string(refusal('register.fieldErrors.activationCodeRequired'))
  .regex(/^\d{4}-\d{4}-\d{4}$/, refusal('register.fieldErrors.activationCodeFormat'));

/** The customer's e-mail, checked with zod's e-mail rule after trimming spaces. */
export const emailSchema = z
  .string(refusal('register.fieldErrors.emailRequired'))
  .trim()
  .min(1, refusal('register.fieldErrors.emailRequired'))
  .max(100, refusal('register.fieldErrors.emailTooLong'))
  .pipe(z.email(refusal('register.fieldErrors.emailCheck')));

/** The answer to the captcha picture: Latin letters and digits as drawn. */
export const captchaAnswerSchema = z
  .string(refusal('register.fieldErrors.captchaRequired'))
  .trim()
  .min(1, refusal('register.fieldErrors.captchaRequired'))
  .max(20, refusal('register.fieldErrors.captchaTooLong'))
  .regex(/^[A-Za-z0-9]+$/, refusal('register.fieldErrors.captchaFormat'))
  .transform((answer) => answer.toUpperCase());

export const captchaIdSchema = z
  .string(refusal('register.fieldErrors.captchaRefresh'))
  .min(1, refusal('register.fieldErrors.captchaRefresh'))
  .max(100, refusal('register.fieldErrors.captchaRefresh'));

const CONSENT = refusal('register.fieldErrors.consent');

/**
 * The separate consent to the processing of personal data (152-ФЗ): which text version the customer
 * accepted and when. Without it a registration is not sent.
 */
export const consentSchema = z
  .object(
    {
      textVersion: z.string(CONSENT).min(1, CONSENT).max(50, CONSENT),
      givenAt: z.iso.datetime({ offset: true, ...CONSENT }),
    },
    CONSENT,
  )
  .strict();

/** Largest gap allowed between the consent's time and now: a consent "from the future" is refused. */
export const CONSENT_CLOCK_TOLERANCE_MS = 60_000;

/** Whether the consent was given at a believable moment: not ahead of the kiosk's clock, not from a previous day. */
export function consentTimeIsPlausible(givenAt: string, now: number): boolean {
  const at = Date.parse(givenAt);
  if (!Number.isFinite(at)) return false;
  return at <= now + CONSENT_CLOCK_TOLERANCE_MS && now - at <= 24 * 60 * 60_000;
}
