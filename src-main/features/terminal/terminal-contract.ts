// Methods the start screen needs before anyone logs in: what this terminal is and what to announce.
import { z } from 'zod';
import { defineContract, defineMethod } from '../../core/api/contract';
import { emptyInputSchema, isoDateSchema } from '../../core/api/schemas';
import { ORIENTATIONS } from '../../core/config/config-fields';

export const terminalStatusOutput = z.object({
  terminalId: z.string(),
  officeName: z.string(),
  version: z.string(),
  /** True when the kiosk talks to its own in-process reference billing server. */
  trainingMode: z.boolean(),
  billingOnline: z.boolean(),
  /** The configured layout: `auto` follows the screen's shape, the other two force it. */
  orientation: z.enum(ORIENTATIONS),
  idleTimeoutSeconds: z.number().int().positive(),
  idleWarningSeconds: z.number().int().positive(),
  languages: z.array(z.enum(['ru', 'ba', 'en'])),
});

export const announcementSchema = z.object({
  id: z.string(),
  title: z.string(),
  text: z.string(),
  publishedOn: isoDateSchema,
});

export const startScreenOutput = z.object({
  utilityName: z.string(),
  utilityShortName: z.string(),
  contactCentrePhone: z.string(),
  announcements: z.array(announcementSchema),
  /** True when the data came from the local cache because the billing centre did not answer. */
  fromCache: z.boolean(),
});

export const terminalContract = defineContract({
  methods: {
    'terminal.status': defineMethod({
      name: 'terminal.status',
      audience: 'public',
      input: emptyInputSchema,
      output: terminalStatusOutput,
    }),
    'reference.startScreen': defineMethod({
      name: 'reference.startScreen',
      audience: 'public',
      input: emptyInputSchema,
      output: startScreenOutput,
    }),
  },
});
