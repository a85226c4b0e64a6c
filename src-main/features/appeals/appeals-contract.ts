// Виртуальная приёмная: the topics to choose from, the customer's earlier appeals with the utility's
// answers, and a new appeal (topic, text, where to send the answer).
import { z } from 'zod';
import { defineContract, defineMethod } from '../../core/api/contract';
import { emptyInputSchema, refusal } from '../../core/api/schemas';

/** Longest appeal text, as the billing centre accepts it (the catalogs' `appeals.fieldErrors.textTooLong` says the number). */
export const APPEAL_TEXT_MAX_LENGTH = 2000;

export const appealStatusSchema = z.enum(['registered', 'in-progress', 'answered']);

export const appealViewSchema = z.object({
  appealNumber: z.string(),
  /** When the billing centre registered it, ISO instant. */
  registeredAt: z.string(),
  topicId: z.string(),
  topic: z.string(),
  text: z.string(),
  status: appealStatusSchema,
  /** The utility's answer once it is given. */
  answer: z.string().nullable(),
});

/** Masked contacts from the customer's profile, offered as the default place for the answer. */
export const maskedContactsSchema = z.object({
  phoneMasked: z.string().nullable(),
  emailMasked: z.string().nullable(),
});

/** The ticket of an appeal sent in this visit, by its local reference. */
export const appealTicketDocument = z.object({ type: z.literal('appeal-ticket'), localReference: z.string().min(1).max(40) }).strict();

export const appealsContract = defineContract({
  documents: [appealTicketDocument],
  methods: {
    'appeals.topics': defineMethod({
      name: 'appeals.topics',
      audience: 'customer',
      input: emptyInputSchema,
      output: z.object({
        topics: z.array(z.object({ id: z.string(), title: z.string() })),
        /** Null when the profile could not be read (the billing centre did not answer). */
        profileContacts: maskedContactsSchema.nullable(),
      }),
    }),
    'appeals.list': defineMethod({
      name: 'appeals.list',
      audience: 'customer',
      input: emptyInputSchema,
      output: z.object({
        appeals: z.array(appealViewSchema),
        /** Appeals accepted by this terminal and still waiting to reach the billing centre. */
        waiting: z.array(z.object({ localReference: z.string(), topic: z.string(), text: z.string(), submittedAt: z.string() })),
      }),
    }),
    'appeals.submit': defineMethod({
      name: 'appeals.submit',
      audience: 'customer',
      input: z
        .object({
          /** Checked against the reference topics by the handler (empty: none chosen yet). */
          topicId: z.string(refusal('appeals.fieldErrors.topicRequired')).max(50, refusal('appeals.refusals.topic-unknown')),
          text: z
            .string(refusal('appeals.fieldErrors.textRequired'))
            .max(APPEAL_TEXT_MAX_LENGTH, refusal('appeals.fieldErrors.textTooLong')),
          /**
           * Where to send the answer: `profile` (the kiosk's default, so nothing personal has to be
           * typed at a public screen) copies the phone and e-mail of the customer's profile into the
           * appeal; `entered` takes the phone and/or e-mail below, at least one. Omitted: `entered`
           * when a contact is given, `profile` otherwise.
           */
          answerTo: z.enum(['profile', 'entered']).optional(),
          contactPhone: z.string().max(20, refusal('errors.phone.check')).optional(),
          contactEmail: z.string().max(100, refusal('errors.email.tooLong')).optional(),
        })
        .strict(),
      output: z.object({
        delivery: z.enum(['delivered', 'pending']),
        /** The billing centre's number; null while the appeal waits in the terminal's queue. */
        appealNumber: z.string().nullable(),
        /** The terminal's own reference, valid at once. */
        localReference: z.string(),
        submittedAt: z.string(),
        /** Where the answer will go, masked; null fields when the billing centre will use the profile on file. */
        answerTo: maskedContactsSchema,
      }),
    }),
  },
});
