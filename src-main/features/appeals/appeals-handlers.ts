// Виртуальная приёмная: topics from the reference data (cached for offline use), the customer's
// appeals with the utility's answers, and a new appeal written ahead to the outbox and delivered.
import { KioskFailure } from '../../core/api/contract';
import type { KioskHandlers } from '../kiosk-methods';
import type { KioskServices } from '../../core/kiosk-services';
import { appealSchema, type AppealRequest, type ReferenceData } from '../../core/billing/billing-wire';
import { appealSubmission } from './appeal-submission';
import { maskEmail, maskPhone, normalizeCallbackPhone, normalizeEmail } from '../profile/contact-rules';
import { billingWords } from '../../core/billing/billing-link';
import { message, type Message } from '../../core/messages/messages';

type AppealHandlers = Pick<KioskHandlers, 'appeals.topics' | 'appeals.list' | 'appeals.submit'>;

/** Same cache entry and lifetime as the start screen's reference data. */
const REFERENCE_KEY = 'reference-data';
const REFERENCE_TTL_MS = 10 * 60_000;

/** The billing centre's own format for a contact phone. */
const WIRE_PHONE = /^\+7\d{10}$/;

type AppealRefusal = 'topic-unknown' | 'text-empty' | 'phone-invalid' | 'email-invalid' | 'contact-empty' | 'contact-missing';

const REFUSALS: Record<AppealRefusal, { field: string; message: Message }> = {
  'topic-unknown': { field: 'topicId', message: message('appeals.refusals.topic-unknown') },
  'text-empty': { field: 'text', message: message('appeals.refusals.text-empty') },
  'phone-invalid': { field: 'contactPhone', message: message('appeals.refusals.phone-invalid') },
  'email-invalid': { field: 'contactEmail', message: message('appeals.refusals.email-invalid') },
  'contact-empty': { field: 'contactPhone', message: message('appeals.refusals.contact-empty') },
  'contact-missing': { field: 'contactPhone', message: message('appeals.refusals.contact-missing') },
};

function refusal(reasons: AppealRefusal[]): KioskFailure {
  const fields: Record<string, Message> = {};
  for (const reason of reasons) fields[REFUSALS[reason].field] ??= REFUSALS[reason].message;
  const first = reasons[0] as AppealRefusal;
  return new KioskFailure({ code: 'invalid-input', message: REFUSALS[first].message, fields });
}

function isUnreachable(error: unknown): boolean {
  return error instanceof KioskFailure && (error.error.code === 'billing-unavailable' || error.error.code === 'billing-timeout');
}

export function createAppealHandlers(services: KioskServices): AppealHandlers {
  const { billing, billingLink, referenceCache, submissions, outbox, logger } = services;

  const topics = async (): Promise<ReferenceData['appealTopics']> => {
    const cached = await referenceCache.get(REFERENCE_KEY, REFERENCE_TTL_MS, () => billingLink.call(() => billing.getReferenceData()));
    return cached.value.appealTopics;
  };

  /** The profile's contacts, or null when the billing centre does not answer (other failures surface). */
  const profileContacts = async (billingToken: string): Promise<{ phone: string | null; email: string | null } | null> => {
    try {
      const profile = await billingLink.call(() => billing.getProfile(billingToken));
      return { phone: profile.phone, email: profile.email };
    } catch (error) {
      if (isUnreachable(error)) return null;
      throw error;
    }
  };

  return {
    async 'appeals.topics'() {
      const session = services.requireCustomer();
      const [list, contacts] = await Promise.all([topics(), profileContacts(session.billingToken)]);
      return {
        topics: list.map(({ id, title }) => ({ id, title })),
        profileContacts: contacts && {
          phoneMasked: contacts.phone ? maskPhone(contacts.phone) : null,
          emailMasked: contacts.email ? maskEmail(contacts.email) : null,
        },
      };
    },

    async 'appeals.list'() {
      const session = services.requireCustomer();
      const appeals = await billingLink.call(() => billing.getAppeals(session.billingToken));
      const waitingMessages = outbox
        .list({ status: 'pending', limit: 100 })
        .filter((message) => message.kind === 'appeal' && message.accountNumber === session.accountNumber);
      const titles = waitingMessages.length > 0 ? await topics().catch(() => []) : [];
      return {
        appeals: appeals.map(({ appealNumber, registeredAt, topicId, topic, text, status, answer }) => ({
          appealNumber,
          registeredAt,
          topicId,
          topic,
          text,
          status,
          answer,
        })),
        waiting: waitingMessages.map((message) => {
          const payload = message.payload as AppealRequest;
          return {
            localReference: message.localReference,
            topic: titles.find((topic) => topic.id === payload.topicId)?.title ?? payload.topicId,
            text: payload.text,
            submittedAt: payload.submittedAt,
          };
        }),
      };
    },

    async 'appeals.submit'(input) {
      const session = services.requireCustomer();
      const problems: AppealRefusal[] = [];
      const text = input.text.trim();
      // Without the list (no cache and no link) the billing centre checks the topic on delivery.
      const list = await topics().catch((error: unknown) => {
        if (isUnreachable(error)) return null;
        throw error;
      });
      const topic = list?.find((candidate) => candidate.id === input.topicId);
      if (!input.topicId || (list && !topic)) problems.push('topic-unknown');
      if (text.length === 0) problems.push('text-empty');

      const typedPhone = input.contactPhone?.trim() ?? '';
      const typedEmail = input.contactEmail?.trim() ?? '';
      let contactPhone: string | undefined;
      let contactEmail: string | undefined;
      if (typedPhone) {
        contactPhone = normalizeCallbackPhone(typedPhone) ?? undefined;
        if (!contactPhone) problems.push('phone-invalid');
      }
      if (typedEmail) {
        contactEmail = normalizeEmail(typedEmail) ?? undefined;
        if (!contactEmail) problems.push('email-invalid');
      }
      const answerTo = input.answerTo ?? (typedPhone || typedEmail ? 'entered' : 'profile');
      if (answerTo === 'entered' && !typedPhone && !typedEmail) problems.push('contact-empty');
      if (answerTo === 'profile' && (typedPhone || typedEmail)) {
        throw new KioskFailure({
          code: 'invalid-input',
          message: message('appeals.refusals.answerToUnclear'),
        });
      }
      if (problems.length > 0) throw refusal(problems);

      if (answerTo === 'profile') {
        // The default: answer to the contacts in the profile. They are copied into the appeal, so the
        // answer goes where the customer expects even if the profile changes later. If the billing
        // centre cannot be asked now, the appeal goes without them and it answers to what it has on file.
        const contacts = await profileContacts(session.billingToken);
        if (contacts) {
          contactPhone = contacts.phone && WIRE_PHONE.test(contacts.phone) ? contacts.phone : undefined;
          contactEmail = contacts.email ? (normalizeEmail(contacts.email) ?? undefined) : undefined;
          if (!contactPhone && !contactEmail) throw refusal(['contact-missing']);
        }
      }

      const answerContacts = {
        phoneMasked: contactPhone ? maskPhone(contactPhone) : null,
        emailMasked: contactEmail ? maskEmail(contactEmail) : null,
      };
      const outcome = await submissions.submit(
        appealSubmission,
        session.accountNumber,
        session.sessionId,
        (submittedAt) => ({ topicId: input.topicId, text, contactPhone, contactEmail, submittedAt }),
        { topic: topic?.title ?? input.topicId, answerTo: answerContacts },
      );
      logger.info('appeal submitted', { localReference: outcome.localReference, delivery: outcome.delivery });

      if (outcome.delivery === 'rejected') {
        throw new KioskFailure({
          code: 'billing-refused',
          message: billingWords(outcome.rejection?.message, message('appeals.refusals.notAccepted')),
          ...(outcome.rejection ? { billingCode: outcome.rejection.code } : {}),
        });
      }
      const registered = outcome.delivery === 'delivered' ? appealSchema.safeParse(outcome.result) : null;
      return {
        delivery: outcome.delivery,
        appealNumber: registered?.success ? registered.data.appealNumber : null,
        localReference: outcome.localReference,
        submittedAt: outcome.submittedAt,
        answerTo: answerContacts,
      };
    },
  };
}
