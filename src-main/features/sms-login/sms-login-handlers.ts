// The SMS code login. Asking for a code sends a paid SMS to someone's phone, so asking is counted
// per account and per terminal; a wrong code counts with wrong passwords, because both are guesses
// at the same account. The billing centre burns a code after three wrong tries and says so.
import { customerLoginPolicy } from '../../core/session/login-limiter';
import { KioskFailure } from '../../core/api/contract';
import type { KioskServices } from '../../core/kiosk-services';
import { message, type Message } from '../../core/messages/messages';
import type { KioskHandlers } from '../kiosk-methods';

type SmsLoginHandlers = Pick<KioskHandlers, 'smsLogin.requestCode' | 'smsLogin.verify' | 'smsLogin.trainingInbox'>;

const REQUEST_REFUSALS: Record<string, Message> = {
  'unknown-account': message('smsLogin.refusals.unknownAccount'),
  'no-phone': message('smsLogin.refusals.noPhone'),
  'sms-undeliverable': message('smsLogin.refusals.undeliverable'),
};

const VERIFY_REFUSALS: Record<string, Message> = {
  'sms-code-expired': message('smsLogin.refusals.expired'),
};

export function createSmsLoginHandlers(services: KioskServices): SmsLoginHandlers {
  const { billing, billingLink, customerSession, loginLimiter, config, logger, clock } = services;
  const loginPolicy = customerLoginPolicy(config.limits);
  // Codes asked for, not codes entered: a few per account (the 60 s between them is the billing
  // centre's), more per terminal, in the same window as login lockouts.
  const requestPolicy = { ...loginPolicy, maxFailuresPerTerminal: config.limits.registrationFailuresPerTerminal };
  // The wait is not in the words: the screen counts `retryAfterSeconds` down beside them, one timer.
  const wait = (key: 'smsLogin.refusals.tooManyRequests' | 'smsLogin.refusals.lockedOut', retryAfterSeconds: number) =>
    new KioskFailure({ code: 'locked-out', retryAfterSeconds, message: message(key) });

  return {
    async 'smsLogin.requestCode'({ accountNumber }) {
      const verdict = loginLimiter.reserve('sms-code', accountNumber, requestPolicy);
      if (!verdict.allowed) throw wait('smsLogin.refusals.tooManyRequests', verdict.retryAfterSeconds);
      try {
        const sent = await billingLink.call(() => billing.requestSmsCode(accountNumber), REQUEST_REFUSALS);
        // A sent SMS stays counted: each one costs and reaches a phone. The count resets after the login.
        logger.info('SMS code sent', { accountNumber });
        return {
          sentTo: sent.sentTo,
          validForSeconds: Math.max(0, Math.round((Date.parse(sent.expiresAt) - clock()) / 1000)),
          resendAfterSeconds: sent.resendAfterSeconds,
          attemptsLeft: sent.attemptsLeft,
        };
      } catch (error) {
        verdict.attempt.cancel();
        if (error instanceof KioskFailure && error.error.billingCode === 'sms-resend-too-early') {
          const seconds = error.error.retryAfterSeconds ?? 60;
          throw new KioskFailure({
            code: 'rate-limited',
            retryAfterSeconds: seconds,
            message: message('smsLogin.refusals.resendTooEarly'),
          });
        }
        throw error;
      }
    },

    async 'smsLogin.verify'({ accountNumber, code }) {
      const verdict = loginLimiter.reserve('customer', accountNumber, loginPolicy);
      if (!verdict.allowed) throw wait('smsLogin.refusals.lockedOut', verdict.retryAfterSeconds);
      let login;
      try {
        login = await billingLink.call(() => billing.loginWithSmsCode(accountNumber, code), VERIFY_REFUSALS);
      } catch (error) {
        const refusal = error instanceof KioskFailure ? error.error : null;
        if (refusal?.billingCode === 'wrong-sms-code') {
          const after = loginLimiter.check('customer', accountNumber, loginPolicy);
          if (!after.allowed) throw wait('smsLogin.refusals.lockedOut', after.retryAfterSeconds);
          throw new KioskFailure({ code: 'wrong-credentials', message: message('smsLogin.refusals.wrongCode') });
        }
        // The billing centre burnt the code after its third wrong try: a new code is the way on.
        if (refusal?.billingCode === 'too-many-attempts') {
          throw new KioskFailure({
            code: 'billing-refused',
            billingCode: 'too-many-attempts',
            message: message('smsLogin.refusals.codeBurnt'),
          });
        }
        if (refusal?.billingCode !== 'sms-code-expired') verdict.attempt.cancel();
        throw error;
      }
      verdict.attempt.succeed();
      loginLimiter.recordSuccess('sms-code', accountNumber);
      customerSession.begin(accountNumber, login.sessionToken);
      logger.info('customer logged in with an SMS code', { accountNumber });
      return { accountNumber };
    },

    async 'smsLogin.trainingInbox'({ accountNumber }) {
      const inbox = services.trainingSmsInbox;
      if (!inbox) throw new KioskFailure({ code: 'not-found', message: message('smsLogin.trainingOnly') });
      return { messages: inbox(accountNumber).slice(0, 3) };
    },
  };
}
