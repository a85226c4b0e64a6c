// Личная информация: the profile with masked contacts, changes of contacts and bill delivery, and a
// password change. Every write goes through the outbox; the passwords of a change are secret
// fields the outbox wipes once the billing centre has answered, and are never logged.
import { customerLoginPolicy } from '../../core/session/login-limiter';
import { randomUUID } from 'node:crypto';
import { KioskFailure } from '../../core/api/contract';
import type { KioskHandlers } from '../kiosk-methods';
import type { KioskServices } from '../../core/kiosk-services';
import { profileSchema, type Profile } from '../../core/billing/billing-wire';
import type { SubmissionOutcome } from '../../core/outbox/customer-submissions';
import { formatPhone, maskEmail, maskPhone, normalizeEmail, normalizeMobilePhone } from '../profile/contact-rules';
import { PASSWORD_PROBLEM_FIELD, PASSWORD_PROBLEM_MESSAGE, passwordChangeProblems } from '../profile/password-rules';
import { profileSubmission } from './profile-submissions';
import { billingWords } from '../../core/billing/billing-link';
import { message, type Message } from '../../core/messages/messages';
import { waitValues } from '../../core/session/wait-text';

type ProfileHandlers = Pick<
  KioskHandlers,
  'profile.get' | 'profile.updateContacts' | 'profile.updateNotifications' | 'profile.changePassword'
>;

type ProfileRefusal = 'nothing-to-change' | 'email-invalid' | 'phone-invalid' | 'email-bill-without-email';

const REFUSALS: Record<ProfileRefusal, { field: string; message: Message }> = {
  'nothing-to-change': { field: 'email', message: message('profile.refusals.nothing-to-change') },
  'email-invalid': { field: 'email', message: message('profile.refusals.email-invalid') },
  'phone-invalid': { field: 'phone', message: message('profile.refusals.phone-invalid') },
  'email-bill-without-email': { field: 'emailBill', message: message('profile.refusals.email-bill-without-email') },
};

function refusal(reasons: ProfileRefusal[]): KioskFailure {
  const fields: Record<string, Message> = {};
  for (const reason of reasons) fields[REFUSALS[reason].field] ??= REFUSALS[reason].message;
  const first = reasons[0] as ProfileRefusal;
  return new KioskFailure({ code: 'invalid-input', message: REFUSALS[first].message, fields });
}

export function profileView(profile: Profile) {
  return {
    accountNumber: profile.accountNumber,
    holderName: profile.holderName,
    address: profile.address,
    email: profile.email,
    emailMasked: profile.email ? maskEmail(profile.email) : null,
    phone: profile.phone,
    phoneFormatted: profile.phone ? formatPhone(profile.phone) : null,
    phoneMasked: profile.phone ? maskPhone(profile.phone) : null,
    paperBill: profile.paperBill,
    emailBill: profile.emailBill,
  };
}

/** A refused write becomes the billing centre's reason on screen; others report where they are. */
function settledWrite(outcome: SubmissionOutcome) {
  if (outcome.delivery === 'rejected') {
    throw new KioskFailure({
      code: 'billing-refused',
      message: billingWords(outcome.rejection?.message, message('profile.refusals.changeRefused')),
      ...(outcome.rejection ? { billingCode: outcome.rejection.code } : {}),
    });
  }
  const profile = outcome.delivery === 'delivered' ? profileSchema.safeParse(outcome.result) : null;
  return {
    delivery: outcome.delivery,
    localReference: outcome.localReference,
    profile: profile?.success ? profileView(profile.data) : null,
  };
}

export function createProfileHandlers(services: KioskServices): ProfileHandlers {
  const { billing, billingLink, submissions, loginLimiter, config, logger, clock } = services;
  // Guessing the current password through «Сменить пароль» counts like guessing it at login.
  const policy = customerLoginPolicy(config.limits);

  const lockedOut = (retryAfterSeconds: number) =>
    new KioskFailure({
      code: 'locked-out',
      retryAfterSeconds,
      message: message('profile.refusals.lockedOut', { failures: policy.maxFailuresPerSubject, ...waitValues(retryAfterSeconds) }),
    });

  return {
    async 'profile.get'() {
      const session = services.requireCustomer();
      return profileView(await billingLink.call(() => billing.getProfile(session.billingToken)));
    },

    async 'profile.updateContacts'(input) {
      const session = services.requireCustomer();
      const typedEmail = input.email?.trim() ?? '';
      const typedPhone = input.phone?.trim() ?? '';
      if (!typedEmail && !typedPhone) throw refusal(['nothing-to-change']);
      const problems: ProfileRefusal[] = [];
      const email = typedEmail ? normalizeEmail(typedEmail) : null;
      const phone = typedPhone ? normalizeMobilePhone(typedPhone) : null;
      if (typedEmail && !email) problems.push('email-invalid');
      if (typedPhone && !phone) problems.push('phone-invalid');
      if (problems.length > 0) throw refusal(problems);

      const outcome = await submissions.submit(
        profileSubmission,
        session.accountNumber,
        session.sessionId,
        (submittedAt) => ({ ...(email ? { email } : {}), ...(phone ? { phone } : {}), submittedAt }),
        { change: 'contacts', email: email ? maskEmail(email) : null, phone: phone ? maskPhone(phone) : null },
      );
      logger.info('profile contacts change submitted', { localReference: outcome.localReference, delivery: outcome.delivery });
      return settledWrite(outcome);
    },

    async 'profile.updateNotifications'({ paperBill, emailBill }) {
      const session = services.requireCustomer();
      if (emailBill) {
        // A bill by e-mail needs an address; if the billing centre cannot be asked now, it decides on delivery.
        const profile = await billingLink
          .call(() => billing.getProfile(session.billingToken))
          .catch((error: unknown) => {
            if (error instanceof KioskFailure && (error.error.code === 'billing-unavailable' || error.error.code === 'billing-timeout')) {
              return null;
            }
            throw error;
          });
        if (profile && !profile.email) throw refusal(['email-bill-without-email']);
      }
      const outcome = await submissions.submit(
        profileSubmission,
        session.accountNumber,
        session.sessionId,
        (submittedAt) => ({ paperBill, emailBill, submittedAt }),
        { change: 'notifications', paperBill, emailBill },
      );
      logger.info('profile notifications change submitted', { localReference: outcome.localReference, delivery: outcome.delivery });
      return settledWrite(outcome);
    },

    async 'profile.changePassword'({ currentPassword, newPassword, repeatPassword }) {
      const session = services.requireCustomer();
      const problems = passwordChangeProblems({ currentPassword, newPassword, repeatPassword });
      if (problems.length > 0) {
        const fields: Record<string, Message> = {};
        for (const problem of problems) fields[PASSWORD_PROBLEM_FIELD[problem]] ??= PASSWORD_PROBLEM_MESSAGE[problem];
        const first = problems[0]!;
        throw new KioskFailure({ code: 'invalid-input', message: PASSWORD_PROBLEM_MESSAGE[first], fields });
      }

      // The current password is a secret checked by the billing centre: reserved like a login.
      const verdict = loginLimiter.reserve('customer', session.accountNumber, policy);
      if (!verdict.allowed) throw lockedOut(verdict.retryAfterSeconds);

      // Sent at once and never written to this terminal's disk: a change the billing centre cannot
      // take now is refused plainly, so neither password waits in the store for the link to return.
      try {
        await billingLink.call(() =>
          billing.changePassword(
            session.accountNumber,
            { currentPassword, newPassword, submittedAt: new Date(clock()).toISOString() },
            randomUUID(),
          ),
        );
      } catch (error) {
        const refusal = error instanceof KioskFailure ? error.error : null;
        if (refusal?.billingCode === 'wrong-password') {
          const after = loginLimiter.check('customer', session.accountNumber, policy);
          if (!after.allowed) throw lockedOut(after.retryAfterSeconds);
          throw new KioskFailure({
            code: 'billing-refused',
            billingCode: 'wrong-password',
            fields: { currentPassword: message('profile.refusals.wrongPasswordField') },
            message: message('profile.refusals.wrong-password', { attemptsLeft: after.failuresLeft }),
          });
        }
        verdict.attempt.cancel();
        if (refusal?.code === 'billing-unavailable') throw new KioskFailure({ ...refusal, message: message('profile.refusals.needsLink') });
        // Sent, but no answer in time: the billing centre may have changed it.
        if (refusal?.code === 'billing-timeout')
          throw new KioskFailure({ ...refusal, message: message('profile.refusals.passwordUnconfirmed') });
        // Refused without the billing centre's own words: say what was refused.
        if (refusal?.code === 'billing-refused' && refusal.message.key === 'errors.billing-refused') {
          throw new KioskFailure({ ...refusal, message: message('profile.refusals.passwordRefused') });
        }
        throw error;
      }
      verdict.attempt.succeed();
      logger.info('password changed', { accountNumber: session.accountNumber });
      return { changed: true as const };
    },
  };
}
