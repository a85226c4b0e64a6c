// The fields of the registration and «Забыли пароль» forms, as the utility's website has them, with
// the customer-facing Russian message for each refusal. The kiosk API methods are built from these.
import { z } from 'zod';

/** The mobile phone as the billing centre stores it: +7 and ten digits. */
export const phoneSchema = z
  .string({ error: 'Введите номер мобильного телефона' })
  .regex(/^\+7\d{10}$/, { error: 'Номер мобильного телефона: +7 и 10 цифр, например +7 (917) 555-55-55' });

/** The activation code printed on the last bill: twelve digits in groups of four. */
export const activationCodeSchema = z
  .string({ error: 'Введите код активации с последней квитанции' })
  .regex(/^\d{4}-\d{4}-\d{4}$/, { error: 'Код активации состоит из 12 цифр, например 1234-1234-1234. Он указан в последней квитанции' });

export const EMAIL_MESSAGE = 'Проверьте адрес электронной почты, например ivanova@example.ru';

/** The customer's e-mail, checked with zod's e-mail rule after trimming spaces. */
export const emailSchema = z
  .string({ error: 'Введите адрес электронной почты' })
  .trim()
  .min(1, { error: 'Введите адрес электронной почты' })
  .max(100, { error: 'Адрес электронной почты слишком длинный' })
  .pipe(z.email({ error: EMAIL_MESSAGE }));

/** The answer to the captcha picture: Latin letters and digits as drawn. */
export const captchaAnswerSchema = z
  .string({ error: 'Введите код с картинки' })
  .trim()
  .min(1, { error: 'Введите код с картинки' })
  .max(20, { error: 'Код с картинки слишком длинный' })
  .regex(/^[A-Za-z0-9]+$/, { error: 'Код с картинки состоит из латинских букв и цифр' })
  .transform((answer) => answer.toUpperCase());

export const captchaIdSchema = z
  .string({ error: 'Обновите картинку с кодом' })
  .min(1, { error: 'Обновите картинку с кодом' })
  .max(100, { error: 'Обновите картинку с кодом' });

const CONSENT_MESSAGE = 'Чтобы зарегистрироваться, прочитайте соглашение и подтвердите согласие на обработку персональных данных';

/**
 * The separate consent to the processing of personal data (152-ФЗ): which text version the customer
 * accepted and when. Without it a registration is not sent.
 */
export const consentSchema = z
  .object(
    {
      textVersion: z.string({ error: CONSENT_MESSAGE }).min(1, { error: CONSENT_MESSAGE }).max(50, { error: CONSENT_MESSAGE }),
      givenAt: z.iso.datetime({ offset: true, error: CONSENT_MESSAGE }),
    },
    { error: CONSENT_MESSAGE },
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
