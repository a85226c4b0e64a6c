// What registration and password recovery share before login: both send the customer's attempt to
// the billing centre straight away (the captcha is single-use and expires, so the outbox's "later"
// could never succeed), both are limited per account and per terminal when the billing centre
// refuses them, and both say first which operation needed the billing centre when it is down.
import { KioskFailure } from '../../core/api/contract';
import type { KioskServices } from '../../core/kiosk-services';
import { customerLoginPolicy, type AttemptKind } from '../../core/session/login-limiter';
import { message, type MessageKey } from '../../core/messages/messages';
import { waitValues } from '../../core/session/wait-text';

export type LimitedKind = Extract<AttemptKind, 'registration' | 'password-reset'>;

/** Runs attempts of `kind` under the terminal's limits; the refusal when they are used up is `rateLimited`. */
export function createAttemptLimiter(services: KioskServices, kind: LimitedKind, rateLimited: MessageKey) {
  const { config, loginLimiter } = services;
  // Someone trying activation codes or e-mails for many accounts is slowed down per terminal.
  const policy = customerLoginPolicy(config.limits, config.limits.registrationFailuresPerTerminal);
  return async function limited<T>(accountNumber: string, attempt: () => Promise<T>): Promise<T> {
    const verdict = loginLimiter.reserve(kind, accountNumber, policy);
    if (!verdict.allowed) {
      throw new KioskFailure({
        code: 'rate-limited',
        retryAfterSeconds: verdict.retryAfterSeconds,
        message: message(rateLimited, waitValues(verdict.retryAfterSeconds)),
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
}

/**
 * When the billing centre cannot be reached, says first that this operation needs it: `why` is a
 * message that names the operation and then says what went wrong with the link.
 */
export async function needsLink<T>(why: MessageKey, operation: () => Promise<T>): Promise<T> {
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
