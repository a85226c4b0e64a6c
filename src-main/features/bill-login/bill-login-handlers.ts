// Opens a bill session: the billing centre checks the «код квитанции», this terminal counts the
// wrong ones per account and per terminal like wrong passwords, and the scanner's text is checked
// to be this utility's bill against the payee requisites the billing centre publishes.
import { customerLoginPolicy } from '../../core/session/login-limiter';
import { KioskFailure } from '../../core/api/contract';
import type { KioskServices } from '../../core/kiosk-services';
import { message } from '../../core/messages/messages';
import { readReferenceData } from '../../core/reference/reference-data';
import type { KioskHandlers } from '../kiosk-methods';
import { readBillScan } from './bill-scan';

type BillLoginHandlers = Pick<KioskHandlers, 'billSession.open' | 'billSession.readScan'>;

export function createBillLoginHandlers(services: KioskServices): BillLoginHandlers {
  const { billing, billingLink, customerSession, loginLimiter, config, logger } = services;
  const policy = customerLoginPolicy(config.limits);
  // The wait is not in the words: the screen counts `retryAfterSeconds` down beside them, one timer.
  const lockedOut = (retryAfterSeconds: number) =>
    new KioskFailure({ code: 'locked-out', retryAfterSeconds, message: message('billLogin.refusals.lockedOut') });

  return {
    async 'billSession.open'({ accountNumber, billCode }) {
      const verdict = loginLimiter.reserve('bill-code', accountNumber, policy);
      if (!verdict.allowed) throw lockedOut(verdict.retryAfterSeconds);
      let opened;
      try {
        opened = await billingLink.call(() => billing.openBillSession(accountNumber, billCode), {
          'unknown-account': message('billLogin.refusals.unknownAccount'),
        });
      } catch (error) {
        const refusal = error instanceof KioskFailure ? error.error : null;
        if (refusal?.billingCode === 'wrong-bill-code') {
          // The reserved attempt stays a failure; the tighter of the two counts is what the customer hears.
          const after = loginLimiter.check('bill-code', accountNumber, policy);
          if (!after.allowed) throw lockedOut(after.retryAfterSeconds);
          throw new KioskFailure({
            code: 'wrong-credentials',
            message: message('billLogin.refusals.wrongCode', { attemptsLeft: after.failuresLeft }),
          });
        }
        // Anything else checked no code here: an outage, an unknown account, the billing centre's own lockout.
        verdict.attempt.cancel();
        if (refusal?.billingCode === 'too-many-attempts') throw lockedOut(refusal.retryAfterSeconds ?? policy.windowMs / 1000);
        throw error;
      }
      verdict.attempt.succeed();
      customerSession.begin(accountNumber, opened.sessionToken, 'bill');
      logger.info('bill session opened', { accountNumber, billingPeriod: opened.billingPeriod });
      return { accountNumber, billingPeriod: opened.billingPeriod };
    },

    async 'billSession.readScan'({ scanned }) {
      // The requisites come from the cache when the billing centre is down: a scan still fills the number.
      const { value: reference } = await readReferenceData(services);
      const scan = readBillScan(scanned, reference.payee);
      if (scan.ok) return { accountNumber: scan.accountNumber };
      throw new KioskFailure({
        code: 'invalid-input',
        message: message(scan.reason === 'foreign' ? 'billLogin.scan.foreignBill' : 'billLogin.scan.unreadable', {
          utility: reference.utilityShortName,
        }),
      });
    },
  };
}
