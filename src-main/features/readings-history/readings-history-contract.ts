// «Мои показания»: what the billing centre has accepted from this account — the last accepted
// reading of each meter and this month's submissions with their registration numbers — and the
// readings this terminal still holds for delivery. Reads only.
import { z } from 'zod';
import { defineContract, defineMethod } from '../../core/api/contract';
import { emptyInputSchema, isoDateSchema } from '../../core/api/schemas';

const historyReading = z.object({
  serialNumber: z.string(),
  unit: z.enum(['м³', 'Гкал']),
  value: z.number().nonnegative(),
  /** The meter's precision, so the screen shows «416,260», not «416,26». */
  fractionDigits: z.number().int().min(0).max(3),
});

export const readingsHistoryOutput = z.object({
  meters: z.array(
    z.object({
      serialNumber: z.string(),
      service: z.enum(['hot-water', 'heating']),
      unit: z.enum(['м³', 'Гкал']),
      fractionDigits: z.number().int().min(0).max(3),
      lastAccepted: z.object({ value: z.number().nonnegative(), takenOn: isoDateSchema }).nullable(),
    }),
  ),
  /** This month's submissions the billing centre registered, newest first; the last one counts. */
  accepted: z.array(z.object({ registrationNumber: z.string(), acceptedAt: z.string(), readings: z.array(historyReading) })),
  /** Submitted at this terminal and not yet delivered, oldest first. */
  waiting: z.array(z.object({ localReference: z.string(), submittedAt: z.string(), readings: z.array(historyReading) })),
});

export const readingsHistoryContract = defineContract({
  methods: {
    'readings.history': defineMethod({
      name: 'readings.history',
      audience: 'customer',
      input: emptyInputSchema,
      output: readingsHistoryOutput,
    }),
  },
});
