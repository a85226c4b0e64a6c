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
import { formatWait } from '../../core/session/wait-text';

type RegistrationHandlers = Pick<
  KioskHandlers,
  'registration.captcha' | 'registration.agreement' | 'registration.checkDetails' | 'registration.register' | 'registration.recoverPassword'
>;

/** The same cache entry and lifetime as the start screen's reference data. */
const REFERENCE_KEY = 'reference-data';
const REFERENCE_TTL_MS = 10 * 60_000;

const CAPTCHA_REFUSALS: Record<string, string> = {
  'wrong-captcha': 'Код с картинки введён неверно. Введите код с новой картинки.',
  'captcha-expired': 'Код с картинки устарел. Введите код с новой картинки.',
};

const REGISTRATION_REFUSALS: Record<string, string> = {
  ...CAPTCHA_REFUSALS,
  'wrong-activation-code':
    'Код активации не подходит. Проверьте его по квитанции за последний расчётный месяц. Если кода нет, обратитесь к сотруднику офиса.',
  'already-registered': 'Этот лицевой счёт уже зарегистрирован в личном кабинете. Если вы не помните пароль, нажмите «Забыли пароль».',
  'unknown-account': 'Лицевой счёт не найден. Проверьте номер по квитанции.',
  'invalid-email': 'Расчётный центр не принял адрес электронной почты. Проверьте его.',
  'consent-outdated': 'Текст соглашения изменился. Прочитайте его ещё раз и подтвердите согласие.',
};

const RECOVERY_REFUSALS: Record<string, string> = {
  ...CAPTCHA_REFUSALS,
  'email-mismatch': 'Указанный e-mail не совпадает с e-mail, указанным при регистрации.',
  'not-registered':
    'Этот лицевой счёт ещё не зарегистрирован в личном кабинете. Нажмите «Регистрация»: понадобится код активации из последней квитанции.',
  'unknown-account': 'Лицевой счёт не найден. Проверьте номер по квитанции.',
};

const PICTURE_REFUSED =
  'Картинка с кодом пришла из расчётного центра в неверном виде, и терминал не стал её показывать. ' +
  'Нажмите «Обновить картинку» или обратитесь к сотруднику офиса.';

export function createRegistrationHandlers(services: KioskServices): RegistrationHandlers {
  const { billing, billingLink, referenceCache, logger, clock, config, loginLimiter } = services;

  // Someone trying activation codes or e-mails for many accounts is slowed down per terminal.
  const policy = {
    maxFailuresPerSubject: config.limits.loginFailuresPerAccount,
    maxFailuresPerTerminal: config.limits.registrationFailuresPerTerminal,
    windowMs: config.limits.loginLockoutMinutes * 60_000,
  };
  const limited = async <T>(kind: AttemptKind, accountNumber: string, attempt: () => Promise<T>): Promise<T> => {
    const verdict = loginLimiter.reserve(kind, accountNumber, policy);
    if (!verdict.allowed) {
      throw new KioskFailure({
        code: 'rate-limited',
        retryAfterSeconds: verdict.retryAfterSeconds,
        message:
          `Слишком много неудачных попыток ${kind === 'registration' ? 'регистрации' : 'восстановления пароля'} на этом терминале. ` +
          `Повторите через ${formatWait(verdict.retryAfterSeconds)} или обратитесь к сотруднику офиса.`,
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
      const captcha = await needsLink('Картинку с кодом выдаёт расчётный центр.', () => billingLink.call(() => billing.getCaptcha()));
      const verdict = checkCaptchaSvg(captcha.imageSvg);
      if (!verdict.safe) {
        logger.warn('captcha picture refused', { reason: verdict.reason });
        throw new KioskFailure({ code: 'billing-invalid-response', message: PICTURE_REFUSED });
      }
      return { captchaId: captcha.captchaId, imageSvg: captcha.imageSvg, spokenHint: captcha.spokenHint };
    },

    async 'registration.agreement'() {
      const cached = await needsLink('Текст соглашения выдаёт расчётный центр.', () => referenceData());
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
          message: 'Подтвердите согласие на обработку персональных данных ещё раз.',
          fields: { consent: 'Подтвердите согласие ещё раз' },
        });
      }
      try {
        const registered = await limited('registration', request.accountNumber, () =>
          needsLink('Для регистрации нужна связь с расчётным центром.', () =>
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
        needsLink('Для восстановления пароля нужна связь с расчётным центром.', () =>
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

/** When the billing centre cannot be reached, says first that this operation needs it. */
async function needsLink<T>(why: string, operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (error instanceof KioskFailure && (error.error.code === 'billing-unavailable' || error.error.code === 'billing-timeout')) {
      throw new KioskFailure({ ...error.error, message: `${why} ${error.error.message}` });
    }
    throw error;
  }
}
