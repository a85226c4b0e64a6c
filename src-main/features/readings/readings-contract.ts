// Передать показания: the account's meters with their verification state and the month's reading
// window, and the submission (write-ahead through the outbox), including a correction of this
// month's earlier submission. The consumption a reading gives is the screen's own check
// (`reading-checks.ts`, shared with the core), so typing and «Рассчитать расход» ask nothing here.
import { z } from 'zod';
import { defineContract, defineMethod } from '../../core/api/contract';
import { billingPeriodSchema, emptyInputSchema, isoDateSchema, messageSchema, refusal } from '../../core/api/schemas';

const meterIdSchema = z
  .string(refusal('readings.fieldErrors.meterMissing'))
  .min(1, refusal('readings.fieldErrors.meterMissing'))
  .max(50, refusal('readings.fieldErrors.meterMissing'));

/** A reading as typed on the keypad («123,456»); a number is accepted too. The core checks it. */
const readingValueSchema = z.union(
  [z.string().max(20, refusal('readings.fieldErrors.readingTooLong')), z.number()],
  refusal('readings.problemNotANumber'),
);

const readingsInputSchema = z
  .array(z.object({ meterId: meterIdSchema, value: readingValueSchema }).strict(), refusal('readings.fieldErrors.readingsRequired'))
  .min(1, refusal('readings.fieldErrors.atLeastOne'))
  .max(20, refusal('readings.fieldErrors.tooMany'));

const registrationNumberSchema = z.string().min(1).max(50, refusal('readings.fieldErrors.registrationNumber'));

export const verificationStateSchema = z.enum(['valid', 'expiring', 'expired']);

export const readingWindowOutput = z.object({
  fromDay: z.number().int(),
  toDay: z.number().int(),
  /** Whether readings are accepted today (the terminal's date in Ufa). */
  openToday: z.boolean(),
  /** The billing period readings passed now (or in the next window) count for. */
  countsForPeriod: billingPeriodSchema,
  opensOn: isoDateSchema,
  closesOn: isoDateSchema,
});

export const meterOutput = z.object({
  meterId: z.string(),
  service: z.enum(['hot-water', 'heating']),
  unit: z.enum(['м³', 'Гкал']),
  serialNumber: z.string(),
  /** Date of admission into service (допуск). */
  installedOn: isoDateSchema,
  /** Date the verification (поверка) is due. */
  verificationDueOn: isoDateSchema,
  verificationState: verificationStateSchema,
  /** Days until the verification is due; negative when it is past. */
  daysLeft: z.number().int(),
  integerDigits: z.number().int(),
  fractionDigits: z.number().int(),
  lastReading: z.object({ value: z.number(), takenOn: isoDateSchema }).nullable(),
  averageMonthlyConsumption: z.number().nullable(),
  /** False when the verification expired: readings of this meter are not accepted. */
  acceptsReadings: z.boolean(),
});

export const readingsMetersOutput = z.object({
  /** The terminal's date in Ufa, against which verification and the window are judged. */
  today: isoDateSchema,
  readingWindow: readingWindowOutput,
  meters: z.array(meterOutput),
  /** This month's submissions, newest first: the last one counts. */
  submissions: z.array(
    z.object({
      registrationNumber: z.string(),
      acceptedAt: z.string(),
      readings: z.array(z.object({ meterId: z.string(), value: z.number() })),
    }),
  ),
});

export const readingsSubmitOutput = z.object({
  /** 'delivered': the billing centre registered it; 'pending': kept by the terminal, sent when the link is back. */
  delivery: z.enum(['delivered', 'pending']),
  /** The billing centre's registration number, when delivered. */
  registrationNumber: z.string().nullable(),
  /** The terminal's own reference, printed even before the billing centre answers. */
  localReference: z.string(),
  /** When the customer pressed «Передать показания», ISO. */
  submittedAt: z.string(),
  /** When the billing centre registered it, ISO; null while pending. */
  acceptedAt: z.string().nullable(),
  countsForPeriod: billingPeriodSchema,
  /** The registration number this submission corrects, if it is a correction. */
  corrects: z.string().nullable(),
  lines: z.array(
    z.object({
      meterId: z.string(),
      serialNumber: z.string(),
      unit: z.enum(['м³', 'Гкал']),
      previous: z.number().nullable(),
      value: z.number(),
      consumption: z.number().nullable(),
    }),
  ),
  /** The confirmation, with the number it was registered under. */
  message: messageSchema,
  /**
   * What `readings.meters` gives now, this submission among this month's once registered: the
   * screen shows it without asking again (the core builds it from the meters it already holds).
   */
  updatedMeters: readingsMetersOutput,
});

/** The confirmation of readings submitted in this visit, by their local reference. */
export const readingsConfirmationDocument = z
  .object({ type: z.literal('readings-confirmation'), localReference: z.string().min(1).max(40) })
  .strict();

export const readingsContract = defineContract({
  documents: [readingsConfirmationDocument],
  methods: {
    'readings.meters': defineMethod({
      name: 'readings.meters',
      audience: 'bill-holder',
      input: emptyInputSchema,
      output: readingsMetersOutput,
    }),
    'readings.submit': defineMethod({
      name: 'readings.submit',
      audience: 'bill-holder',
      input: z
        .object({
          readings: readingsInputSchema,
          /** The customer confirmed a consumption far above the usual. */
          confirmHighConsumption: z.boolean().optional(),
          /** This month's submission that these readings correct. */
          correctsRegistrationNumber: registrationNumberSchema.optional(),
        })
        .strict(),
      output: readingsSubmitOutput,
    }),
  },
});
