// «Забыли пароль»: the billing centre e-mails a new password to the address given at registration.
// Like registration it goes to the billing centre at once and is limited per account and terminal
// (pre-login-attempts.ts); its captcha comes from `registration.captcha`.
import { randomUUID } from 'node:crypto';
import type { KioskHandlers } from '../kiosk-methods';
import type { KioskServices } from '../../core/kiosk-services';
import { message, type Message } from '../../core/messages/messages';
import { createAttemptLimiter, needsLink } from '../registration/pre-login-attempts';

const RECOVERY_REFUSALS: Record<string, Message> = {
  'wrong-captcha': message('recover.refusals.wrong-captcha'),
  'captcha-expired': message('recover.refusals.captcha-expired'),
  'email-mismatch': message('recover.refusals.email-mismatch'),
  'not-registered': message('recover.refusals.not-registered'),
  'unknown-account': message('recover.refusals.unknown-account'),
};

export function createRecoveryHandlers(services: KioskServices): Pick<KioskHandlers, 'recovery.requestPassword'> {
  const { billing, billingLink, logger } = services;
  const limited = createAttemptLimiter(services, 'password-reset', 'recover.refusals.rateLimited');
  return {
    async 'recovery.requestPassword'(request) {
      const reset = await limited(request.accountNumber, () =>
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
