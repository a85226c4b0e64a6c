// Registration and «Забыли пароль» before login. Both go to the billing centre directly, not through
// the outbox: they need the captcha the customer is looking at now, which is single-use and expires,
// so a delivery "later" could never succeed. Each attempt gets its own idempotency key.
import { randomUUID } from 'node:crypto';
import { KioskFailure } from '../../core/api/contract';
import type { KioskHandlers } from '../kiosk-methods';
import type { KioskServices } from '../../core/kiosk-services';
import type { ReferenceData } from '../../core/billing/billing-wire';
import { checkCaptchaSvg } from '../registration/captcha-svg';
import { consentTimeIsPlausible } from '../registration/registration-fields';
import type { AttemptKind } from '../../core/session/login-limiter';
import { message, type Message, type MessageKey } from '../../core/messages/messages';
import { waitValues } from '../../core/session/wait-text';

type RegistrationHandlers = Pick<
  KioskHandlers,
  'registration.captcha' | 'registration.agreement' | 'registration.checkDetails' | 'registration.register' | 'registration.recoverPassword'
>;

/** The same cache entry and lifetime as the start screen's reference data. */
const REFERENCE_KEY = 'reference-data';
const REFERENCE_TTL_MS = 10 * 60_000;

const REGISTRATION_REFUSALS: Record<string, Message> = {
  'wrong-captcha': message('register.refusals.wrong-captcha'),
  'captcha-expired': message('register.refusals.captcha-expired'),
  'wrong-activation-code': message('register.refusals.wrong-activation-code'),
  'already-registered': message('register.refusals.already-registered'),
  'unknown-account': message('register.refusals.unknown-account'),
  'invalid-email': message('register.refusals.invalid-email'),
  'consent-outdated': message('register.refusals.consent-outdated'),
};

const RECOVERY_REFUSALS: Record<string, Message> = {
  'wrong-captcha': message('recover.refusals.wrong-captcha'),
  'captcha-expired': message('recover.refusals.captcha-expired'),
  'email-mismatch': message('recover.refusals.email-mismatch'),
  'not-registered': message('recover.refusals.not-registered'),
  'unknown-account': message('recover.refusals.unknown-account'),
};

type LimitedKind = Extract<AttemptKind, 'registration' | 'password-reset'>;

/** The refusal when registrations or password resets have failed too often on this terminal. */
const RATE_LIMITED: Record<LimitedKind, MessageKey> = {
  registration: 'register.refusals.rateLimited',
  'password-reset': 'recover.refusals.rateLimited',
};

export function createRegistrationHandlers(services: KioskServices): RegistrationHandlers {
  const { billing, billingLink, referenceCache, logger, clock, config, loginLimiter } = services;

  // Someone trying activation codes or e-mails for many accounts is slowed down per terminal.
  const policy = {
    maxFailuresPerSubject: config.limits.loginFailuresPerAccount,
    maxFailuresPerTerminal: config.limits.registrationFailuresPerTerminal,
    windowMs: config.limits.loginLockoutMinutes * 60_000,
  };
  const limited = async <T>(kind: LimitedKind, accountNumber: string, attempt: () => Promise<T>): Promise<T> => {
    const verdict = loginLimiter.reserve(kind, accountNumber, policy);
    if (!verdict.allowed) {
      throw new KioskFailure({
        code: 'rate-limited',
        retryAfterSeconds: verdict.retryAfterSeconds,
        message: message(RATE_LIMITED[kind], waitValues(verdict.retryAfterSeconds)),
      });
    }
    try {
      const result = await attempt();
      verdict.attempt.succeed();
      return result;
    } catch (error) {
      // Only the billing centre's refusals count (the reservation stays); an outage is nobody's attempt.
      if (!(error instanceof KioskFailure && error.error.code === 'billing-refused')) verdict.attempt.cancel();
      throw error;
    }
  };

  const referenceData = (ttlMs = REFERENCE_TTL_MS) =>
    referenceCache.get<ReferenceData>(REFERENCE_KEY, ttlMs, () => billingLink.call(() => billing.getReferenceData()));

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
        const registered = await limited('registration', request.accountNumber, () =>
          needsLink('register.linkNeeded.registration', () =>
            billingLink.call(() => billing.register(request, randomUUID()), REGISTRATION_REFUSALS),
          ),
        );
        logger.info('account registered at the kiosk', { accountNumber: registered.accountNumber });
        return {
          accountNumber: registered.accountNumber,
          registeredAt: registered.registeredAt,
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

    async 'registration.recoverPassword'(request) {
      const reset = await limited('password-reset', request.accountNumber, () =>
        needsLink('recover.linkNeeded', () =>
          billingLink.call(
            () =>
              billing.requestPasswordReset(
                {
                  accountNumber: request.accountNumber,
                  email: request.email,
                  captchaId: request.captchaId,
                  captchaAnswer: request.captchaAnswer,
                },
                randomUUID(),
              ),
            RECOVERY_REFUSALS,
          ),
        ),
      );
      logger.info('password reset requested at the kiosk', { accountNumber: request.accountNumber });
      return { sentTo: reset.sentTo };
    },
  };
}

/**
 * When the billing centre cannot be reached, says first that this operation needs it: `why` is a
 * message that names the operation and then says what went wrong with the link.
 */
async function needsLink<T>(why: MessageKey, operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (error instanceof KioskFailure && (error.error.code === 'billing-unavailable' || error.error.code === 'billing-timeout')) {
      const failure = error.error.code === 'billing-timeout' ? 'timeout' : 'unavailable';
      throw new KioskFailure({ ...error.error, message: message(why, { failure }) });
    }
    throw error;
  }
}
