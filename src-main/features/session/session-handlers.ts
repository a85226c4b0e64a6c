// Customer login with lockouts, and logout that forgets the customer.
import { customerLoginPolicy } from '../../core/session/login-limiter';
import { KioskFailure } from '../../core/api/contract';
import type { KioskHandlers } from '../kiosk-methods';
import type { KioskServices } from '../../core/kiosk-services';
import type { CustomerSessionData } from '../../core/session/customer-session';
import { message } from '../../core/messages/messages';

type SessionHandlers = Pick<KioskHandlers, 'session.login' | 'session.keepAlive' | 'session.logout'>;

/**
 * The customer's own ways out (the button, the idle timeout on the screen, crash recovery, the
 * core's own idle expiry) end the visit alike: their unprinted receipts are dropped and the billing
 * session is closed. (Staff taking over keep the receipts: see staff-handlers.ts.)
 */
export function endCustomerVisit(services: KioskServices): CustomerSessionData | null {
  const ended = services.customerSession.end();
  if (ended) {
    services.printing.forgetUnprintedOfSession(ended.sessionId);
    // Best effort: the local session is already gone; the billing token expires by itself.
    services.billing.logout(ended.billingToken).catch(() => undefined);
  }
  return ended;
}

export function createSessionHandlers(services: KioskServices): SessionHandlers {
  const { billing, billingLink, customerSession, loginLimiter, config, logger } = services;
  const policy = customerLoginPolicy(config.limits);

  // The wait is not in the words: the screen counts `retryAfterSeconds` down beside them, one timer.
  const lockedOut = (retryAfterSeconds: number, scope: 'subject' | 'terminal') =>
    new KioskFailure({
      code: 'locked-out',
      retryAfterSeconds,
      message:
        scope === 'subject'
          ? message('login.refusals.lockedOutAccount', { failures: policy.maxFailuresPerSubject })
          : message('login.refusals.lockedOutTerminal'),
    });

  return {
    async 'session.login'({ accountNumber, password }) {
      const verdict = loginLimiter.reserve('customer', accountNumber, policy);
      if (!verdict.allowed) throw lockedOut(verdict.retryAfterSeconds, verdict.scope);

      let login: { sessionToken: string };
      try {
        login = await billingLink.call(() => billing.login(accountNumber, password), {
          'not-registered': message('login.refusals.notRegistered'),
        });
      } catch (error) {
        if (error instanceof KioskFailure && error.error.billingCode === 'wrong-credentials') {
          // The reserved attempt stays a failure.
          const after = loginLimiter.check('customer', accountNumber, policy);
          if (!after.allowed) throw lockedOut(after.retryAfterSeconds, after.scope);
          throw new KioskFailure({
            code: 'wrong-credentials',
            message: message('errors.wrong-credentials', { attemptsLeft: after.failuresLeft }),
          });
        }
        verdict.attempt.cancel();
        throw error;
      }
      verdict.attempt.succeed();
      customerSession.begin(accountNumber, login.sessionToken);
      logger.info('customer logged in', { accountNumber });
      return { accountNumber };
    },

    async 'session.keepAlive'() {
      customerSession.touch();
      return { active: customerSession.active !== null };
    },

    async 'session.logout'() {
      const ended = endCustomerVisit(services);
      if (ended) logger.info('customer logged out', { accountNumber: ended.accountNumber });
      return { loggedOut: true as const };
    },
  };
}
