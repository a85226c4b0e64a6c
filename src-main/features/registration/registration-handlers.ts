// Registration in the personal account before login. It goes to the billing centre directly, not
// through the outbox (pre-login-attempts.ts says why). Each attempt gets its own idempotency key.
import { readReferenceData } from '../../core/reference/reference-data';
import { randomUUID } from 'node:crypto';
import { KioskFailure } from '../../core/api/contract';
import type { KioskHandlers } from '../kiosk-methods';
import type { KioskServices } from '../../core/kiosk-services';
import { checkCaptchaSvg } from './captcha-svg';
import { consentTimeIsPlausible } from './registration-fields';
import { message, type Message } from '../../core/messages/messages';
import { createAttemptLimiter, needsLink } from './pre-login-attempts';

type RegistrationHandlers = Pick<
  KioskHandlers,
  'registration.captcha' | 'registration.agreement' | 'registration.checkDetails' | 'registration.register'
>;

const REGISTRATION_REFUSALS: Record<string, Message> = {
  'wrong-captcha': message('register.refusals.wrong-captcha'),
  'captcha-expired': message('register.refusals.captcha-expired'),
  'wrong-activation-code': message('register.refusals.wrong-activation-code'),
  'already-registered': message('register.refusals.already-registered'),
  'unknown-account': message('register.refusals.unknown-account'),
  'invalid-email': message('register.refusals.invalid-email'),
  'consent-outdated': message('register.refusals.consent-outdated'),
};

export function createRegistrationHandlers(services: KioskServices): RegistrationHandlers {
  const { billing, billingLink, logger, clock } = services;

  const limited = createAttemptLimiter(services, 'registration', 'register.refusals.rateLimited');

  const referenceData = (ttlMs?: number) => readReferenceData(services, ttlMs);

  return {
    async 'registration.captcha'() {
      const captcha = await needsLink('register.linkNeeded.captcha', () => billingLink.call(() => billing.getCaptcha()));
      const verdict = checkCaptchaSvg(captcha.imageSvg);
      if (!verdict.safe) {
        logger.warn('captcha picture refused', { reason: verdict.reason });
        throw new KioskFailure({ code: 'billing-invalid-response', message: message('register.refusals.pictureRefused') });
      }
      return { captchaId: captcha.captchaId, imageSvg: captcha.imageSvg, spokenHint: captcha.spokenHint };
    },

    async 'registration.agreement'() {
      const cached = await needsLink('register.linkNeeded.agreement', () => referenceData());
      return { textVersion: cached.value.consent.textVersion, text: cached.value.consent.text };
    },

    async 'registration.checkDetails'() {
      // The dispatcher has already checked every field against the method's schema.
      return { valid: true as const };
    },

    async 'registration.register'(request) {
      if (!consentTimeIsPlausible(request.consent.givenAt, clock())) {
        throw new KioskFailure({
          code: 'invalid-input',
          message: message('register.refusals.consentAgain'),
          fields: { consent: message('register.fieldErrors.consentAgain') },
        });
      }
      try {
        const registered = await limited(request.accountNumber, () =>
          needsLink('register.linkNeeded.registration', () =>
            billingLink.call(() => billing.register(request, randomUUID()), REGISTRATION_REFUSALS),
          ),
        );
        logger.info('account registered at the kiosk', { accountNumber: registered.accountNumber });
        return {
          accountNumber: registered.accountNumber,
          registeredAt: registered.registeredAt,
          passwordSentBy: registered.passwordSentBy,
          passwordSentTo: registered.passwordSentTo,
        };
      } catch (error) {
        if (error instanceof KioskFailure && error.error.billingCode === 'consent-outdated') {
          // The next «registration.agreement» must show the new text, not the cached one.
          await referenceData(0).catch(() => undefined);
        }
        throw error;
      }
    },
  };
}
