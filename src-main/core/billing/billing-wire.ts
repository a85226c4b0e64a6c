// The JSON shapes on the wire between kiosk and billing centre, as zod schemas. The client parses
// every response with these (a billing centre that changes shape is an `invalid-response`, never a
// crash), the reference server checks its own answers with them in tests, and
// `resources/billing-api.openapi.yaml` describes the same shapes for the billing centre's team.
import { z } from 'zod';

const accountNumber = z.string().regex(/^\d{9}$/);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const billingPeriod = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const kopecks = z.number().int();
const instant = z.iso.datetime({ offset: true });

export const wireErrorSchema = z.object({
  code: z.string().max(100),
  message: z.string().max(2000),
  /** Tries left before a one-time check is locked (a wrong bill code or SMS code). */
  attemptsLeft: z.number().int().nonnegative().optional(),
});

// --- sessions ---------------------------------------------------------------------------------

export const loginRequestSchema = z.object({ accountNumber, password: z.string().min(1).max(128) }).strict();
export const loginResponseSchema = z.object({ sessionToken: z.string().min(16).max(200), expiresAt: instant });
export type LoginResponse = z.infer<typeof loginResponseSchema>;

// --- the paper bill and SMS codes: for the customer with no password and no e-mail -------------

/** The «код квитанции»: 4 digits printed on each monthly bill, changing every month. */
export const billSessionRequestSchema = z.object({ accountNumber, billCode: z.string().regex(/^\d{4}$/) }).strict();
export type BillSessionRequest = z.infer<typeof billSessionRequestSchema>;
export const billSessionResponseSchema = z.object({
  sessionToken: z.string().min(16).max(200),
  expiresAt: instant,
  /** The period of the bill the code was printed on: the only period this session shows. */
  billingPeriod,
});
export type BillSessionResponse = z.infer<typeof billSessionResponseSchema>;

export const smsCodeRequestSchema = z.object({ accountNumber }).strict();
export const smsCodeResponseSchema = z.object({
  /** The phone on file the code went to, masked: `+7 (917) ***-**-55`. */
  sentTo: z.string().max(30),
  /** The code is accepted until then (5 minutes). */
  expiresAt: instant,
  /** Seconds until another code may be sent to this account. */
  resendAfterSeconds: z.number().int().nonnegative(),
  /** Wrong codes accepted before the code is burnt. */
  attemptsLeft: z.number().int().positive(),
});
export type SmsCodeResponse = z.infer<typeof smsCodeResponseSchema>;
export const smsLoginRequestSchema = z.object({ accountNumber, code: z.string().regex(/^\d{6}$/) }).strict();

// --- account ----------------------------------------------------------------------------------

export const paymentChannelSchema = z.enum(['bank-online', 'bank-office', 'post', 'kiosk', 'utility-office']);
export type PaymentChannel = z.infer<typeof paymentChannelSchema>;

export const accountSummarySchema = z.object({
  accountNumber,
  holderName: z.string().max(200),
  address: z.string().max(300),
  billingPeriod,
  amountDueKopecks: kopecks.nonnegative(),
  /** Positive: debt; negative: advance (paid ahead). */
  balanceKopecks: kopecks,
  lastPayment: z.object({ amountKopecks: kopecks, paidOn: isoDate }).nullable(),
  paymentDueBy: isoDate,
});
export type AccountSummary = z.infer<typeof accountSummarySchema>;

export const serviceSchema = z.enum(['heating', 'hot-water-water', 'hot-water-heat']);
export type BillingService = z.infer<typeof serviceSchema>;

export const chargeLineSchema = z.object({
  service: serviceSchema,
  /** Display name as printed on the paper bill, e.g. «ГВС (физ.лица), м3 (компонент вода)». */
  serviceName: z.string().max(200),
  unit: z.enum(['Гкал', 'м³']),
  volume: z.number().nonnegative(),
  /** Price of one unit in kopecks (may carry hundredths of a kopeck, as tariffs do). */
  tariffKopecks: z.number().nonnegative(),
  amountKopecks: kopecks,
  /** How the volume was set: meter readings, average consumption, or the norm. */
  basis: z.enum(['meter', 'average', 'norm', 'area']),
});
export type ChargeLine = z.infer<typeof chargeLineSchema>;

export const recalculationSchema = z.object({
  service: serviceSchema,
  reason: z.string().max(500),
  amountKopecks: kopecks,
});

export const paymentSchema = z.object({
  paidOn: isoDate,
  amountKopecks: kopecks.positive(),
  channel: paymentChannelSchema,
});
export type Payment = z.infer<typeof paymentSchema>;

export const statementMonthSchema = z.object({
  period: billingPeriod,
  openingBalanceKopecks: kopecks,
  charges: z.array(chargeLineSchema),
  recalculations: z.array(recalculationSchema),
  penaltiesKopecks: kopecks.nonnegative(),
  /** Charges + recalculations + penalties of the month. */
  chargedKopecks: kopecks,
  payments: z.array(paymentSchema),
  paidKopecks: kopecks.nonnegative(),
  closingBalanceKopecks: kopecks,
});
export type StatementMonth = z.infer<typeof statementMonthSchema>;

export const statementSchema = z.object({
  accountNumber,
  from: billingPeriod,
  to: billingPeriod,
  openingBalanceKopecks: kopecks,
  closingBalanceKopecks: kopecks,
  chargedKopecks: kopecks,
  paidKopecks: kopecks.nonnegative(),
  months: z.array(statementMonthSchema).max(36),
});
export type Statement = z.infer<typeof statementSchema>;

// --- meters and readings ----------------------------------------------------------------------

export const meterSchema = z.object({
  meterId: z.string().max(50),
  service: z.enum(['hot-water', 'heating']),
  unit: z.enum(['м³', 'Гкал']),
  serialNumber: z.string().max(50),
  /** Date the meter was admitted into service (допуск). */
  installedOn: isoDate,
  /** Date the next verification (поверка) is due. */
  verificationDueOn: isoDate,
  /** Whole digits on the dial, so the kiosk can refuse a reading that cannot be on it. */
  integerDigits: z.number().int().min(3).max(9),
  fractionDigits: z.number().int().min(0).max(3),
  lastReading: z.object({ value: z.number().nonnegative(), takenOn: isoDate }).nullable(),
  /** Average monthly consumption over the last 6 months, for the «too high» check. */
  averageMonthlyConsumption: z.number().nonnegative().nullable(),
});
export type Meter = z.infer<typeof meterSchema>;

export const readingWindowSchema = z.object({
  /** Days of the month (inclusive) when readings are accepted. */
  fromDay: z.number().int().min(1).max(31),
  toDay: z.number().int().min(1).max(31),
});
export type ReadingWindow = z.infer<typeof readingWindowSchema>;

export const metersResponseSchema = z.object({
  accountNumber,
  readingWindow: readingWindowSchema,
  meters: z.array(meterSchema),
  /** Submissions of the current window, newest first; the last one counts. */
  submissions: z.array(
    z.object({
      registrationNumber: z.string().max(50),
      acceptedAt: instant,
      readings: z.array(z.object({ meterId: z.string(), value: z.number().nonnegative() })),
    }),
  ),
});
export type MetersResponse = z.infer<typeof metersResponseSchema>;

export const readingsRequestSchema = z
  .object({
    readings: z
      .array(z.object({ meterId: z.string().min(1).max(50), value: z.number().nonnegative().max(1e9) }).strict())
      .min(1)
      .max(20),
    /** When the customer pressed «Передать показания» at the terminal (may be long before delivery). */
    submittedAt: instant,
    /** Set when this submission replaces an earlier one of the same window. */
    correctsRegistrationNumber: z.string().max(50).optional(),
  })
  .strict();
export type ReadingsRequest = z.infer<typeof readingsRequestSchema>;

export const readingsResponseSchema = z.object({
  registrationNumber: z.string().max(50),
  acceptedAt: instant,
  readings: z.array(
    z.object({ meterId: z.string(), previousValue: z.number().nullable(), value: z.number(), consumption: z.number().nullable() }),
  ),
});
export type ReadingsResponse = z.infer<typeof readingsResponseSchema>;

// --- payment ----------------------------------------------------------------------------------

export const payeeSchema = z.object({
  name: z.string().max(160),
  inn: z.string().regex(/^\d{10}$/),
  kpp: z.string().regex(/^\d{9}$/),
  bankName: z.string().max(45),
  bic: z.string().regex(/^\d{9}$/),
  correspondentAccount: z.string().regex(/^\d{20}$/),
  settlementAccount: z.string().regex(/^\d{20}$/),
  address: z.string().max(300),
  phone: z.string().max(50),
});
export type Payee = z.infer<typeof payeeSchema>;

export const invoiceSchema = z.object({
  accountNumber,
  billingPeriod,
  payerName: z.string().max(200),
  address: z.string().max(300),
  amountDueKopecks: kopecks.nonnegative(),
  /** Debt from earlier periods (negative: advance) included in the amount due. */
  previousBalanceKopecks: kopecks,
  breakdown: z.array(z.object({ label: z.string().max(200), amountKopecks: kopecks })),
  paymentDueBy: isoDate,
  payee: payeeSchema,
  purpose: z.string().max(210),
});
export type Invoice = z.infer<typeof invoiceSchema>;

// --- appeals ----------------------------------------------------------------------------------

export const appealRequestSchema = z
  .object({
    topicId: z.string().min(1).max(50),
    text: z.string().min(1).max(2000),
    contactPhone: z.string().max(20).optional(),
    contactEmail: z.string().max(100).optional(),
    submittedAt: instant,
  })
  .strict();
export type AppealRequest = z.infer<typeof appealRequestSchema>;

export const appealSchema = z.object({
  appealNumber: z.string().max(50),
  registeredAt: instant,
  topicId: z.string(),
  topic: z.string(),
  text: z.string(),
  status: z.enum(['registered', 'in-progress', 'answered']),
  answer: z.string().nullable(),
});
export type Appeal = z.infer<typeof appealSchema>;
export const appealListSchema = z.object({ appeals: z.array(appealSchema) });

// --- profile, registration, password ----------------------------------------------------------

export const profileSchema = z.object({
  accountNumber,
  holderName: z.string(),
  address: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  /** Whether the customer still wants the paper bill delivered. */
  paperBill: z.boolean(),
  emailBill: z.boolean(),
});
export type Profile = z.infer<typeof profileSchema>;

export const profileUpdateSchema = z
  .object({
    email: z.string().max(100).nullable().optional(),
    phone: z.string().max(20).nullable().optional(),
    paperBill: z.boolean().optional(),
    emailBill: z.boolean().optional(),
    submittedAt: instant,
  })
  .strict();
export type ProfileUpdate = z.infer<typeof profileUpdateSchema>;

export const passwordChangeSchema = z
  .object({ currentPassword: z.string().min(1).max(128), newPassword: z.string().min(8).max(128), submittedAt: instant })
  .strict();
export type PasswordChange = z.infer<typeof passwordChangeSchema>;

export const captchaSchema = z.object({
  captchaId: z.string().max(100),
  /** An SVG picture of the code (no scripts, no external references). */
  imageSvg: z.string().max(50_000),
  /** The code spelled for a screen reader or read out by staff: the non-visual alternative. */
  spokenHint: z.string().max(200),
  expiresAt: instant,
});
export type Captcha = z.infer<typeof captchaSchema>;

const captchaAnswer = { captchaId: z.string().min(1).max(100), captchaAnswer: z.string().min(1).max(20) };

// As on the utility's website: the password is not chosen at registration but e-mailed to the
// customer, who may change it after the first login. A customer without e-mail has it sent by SMS
// to the mobile number they give.
export const passwordDeliverySchema = z.enum(['email', 'sms']);
export const registrationRequestSchema = z
  .object({
    accountNumber,
    /** Required when the password goes by e-mail; may be left out when it goes by SMS. */
    email: z.string().max(100).optional(),
    phone: z.string().regex(/^\+7\d{10}$/),
    /** Where the first password goes: `email` (the default) or an SMS to `phone`. */
    passwordDelivery: passwordDeliverySchema.optional(),
    activationCode: z.string().regex(/^\d{4}-\d{4}-\d{4}$/),
    ...captchaAnswer,
    /** Which consent text the customer accepted, and when (152-ФЗ). */
    consent: z.object({ textVersion: z.string().max(50), givenAt: instant }).strict(),
  })
  .strict();
export type RegistrationRequest = z.infer<typeof registrationRequestSchema>;
export const registrationResponseSchema = z.object({
  accountNumber,
  registeredAt: instant,
  passwordSentBy: passwordDeliverySchema,
  /** Where the password went, masked: `i*****a@example.ru` or `+7 (917) ***-**-55`. */
  passwordSentTo: z.string(),
});

export const passwordResetRequestSchema = z.object({ accountNumber, email: z.string().max(100), ...captchaAnswer }).strict();
export const passwordResetResponseSchema = z.object({
  /** The e-mail the new password went to, masked (i***a@example.ru). */
  sentTo: z.string(),
});

// --- reference data and terminals -------------------------------------------------------------

export const officeSchema = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string(),
  phone: z.string(),
  hours: z.string(),
  acceptsPayments: z.boolean(),
});

export const referenceDataSchema = z.object({
  utilityName: z.string(),
  utilityShortName: z.string(),
  contactCentrePhone: z.string(),
  website: z.string(),
  announcements: z.array(z.object({ id: z.string(), title: z.string(), text: z.string(), publishedOn: isoDate })),
  offices: z.array(officeSchema),
  /** Where else a customer can pay (banks, post, ATMs), as the paper bill lists them. */
  paymentPlaces: z.array(z.object({ name: z.string(), detail: z.string() })),
  readingWindow: readingWindowSchema,
  appealTopics: z.array(z.object({ id: z.string(), title: z.string() })),
  payee: payeeSchema,
  /** Version and text of the personal-data consent shown at registration. */
  consent: z.object({ textVersion: z.string(), text: z.string() }),
});
export type ReferenceData = z.infer<typeof referenceDataSchema>;

/**
 * A text of the frequent questions in the kiosk's three languages. Russian is always there; a
 * Bashkir or English text the billing centre has not translated yet may be left out, and the kiosk
 * shows the Russian one instead.
 */
export const faqTextSchema = z.object({
  ru: z.string().min(1).max(2000),
  ba: z.string().min(1).max(2000).optional(),
  en: z.string().min(1).max(2000).optional(),
});
export type FaqText = z.infer<typeof faqTextSchema>;

export const faqQuestionSchema = z.object({
  id: z.string().min(1).max(50),
  question: faqTextSchema,
  answer: faqTextSchema,
});

export const faqTopicSchema = z.object({
  id: z.string().min(1).max(50),
  title: faqTextSchema,
  /** The appeal topics (`appealTopics[].id`) whose new appeals these questions are offered before. */
  appealTopicIds: z.array(z.string().max(50)).max(20),
  questions: z.array(faqQuestionSchema).min(1).max(50),
});
export type FaqTopic = z.infer<typeof faqTopicSchema>;

/** «Частые вопросы» of the Виртуальная приёмная, by topic, in every language at once. */
export const faqSchema = z.object({ topics: z.array(faqTopicSchema).max(30) });
export type Faq = z.infer<typeof faqSchema>;

export const heartbeatSchema = z
  .object({
    version: z.string().max(50),
    queueDepth: z.number().int().nonnegative(),
    oldestPendingAgeSeconds: z.number().int().nonnegative().nullable(),
    printerState: z.string().max(50),
    sentAt: instant,
  })
  .strict();
export type Heartbeat = z.infer<typeof heartbeatSchema>;

export const assistedSessionRequestSchema = z
  .object({ accountNumber, staffId: z.string().min(1).max(50), reason: z.string().min(1).max(200) })
  .strict();
