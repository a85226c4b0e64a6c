// The staff screen: PIN login, terminal health, the outbox (retry / mark handled), the print
// journal (reprint, test page), assisted service, settings, restart and exit, the audit log, and
// resetting login limits.
import { z } from 'zod';
import { ASSIST_REASON_CODES } from '../staff/assisted-service';
import { auditEventSchema } from './audit-events';
import { editableSettingsSchema, SETTING_NAMES } from './staff-settings-schema';
import { defineContract, defineMethod } from '../../core/api/contract';
import { accountNumberSchema, emptyInputSchema, messageSchema, refusal } from '../../core/api/schemas';

export const staffNumberSchema = z
  .string(refusal('staff.errors.staffNumberRequired'))
  .regex(/^\d{3,8}$/, refusal('staff.errors.staffNumberFormat'));
export const pinSchema = z.string(refusal('staff.errors.pinRequired')).regex(/^\d{4,8}$/, refusal('staff.errors.pinFormat'));

const outboxMessageOutput = z.object({
  id: z.number().int(),
  kind: z.string(),
  /** Masked: staff see the last digits, enough to match a customer at the counter. */
  accountNumberMasked: z.string(),
  localReference: z.string(),
  status: z.enum(['pending', 'delivered', 'rejected', 'handled']),
  attempts: z.number().int(),
  createdAt: z.string(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  rejectionCode: z.string().nullable(),
  rejectionMessage: z.string().nullable(),
});

export const printerStatusOutput = z.object({
  state: z.enum(['ready', 'paper-out', 'cover-open', 'offline', 'not-responding', 'unknown']),
  paperNearEnd: z.boolean(),
  /** False for one-way links (a device file, the receipts folder), whose state cannot be asked. */
  twoWay: z.boolean(),
  description: z.string(),
  checkedAt: z.string(),
});

export const staffStatusOutput = z.object({
  staffName: z.string(),
  terminalId: z.string(),
  officeName: z.string(),
  version: z.string(),
  trainingMode: z.boolean(),
  billing: z.object({ online: z.boolean(), url: z.string(), lastContactAt: z.string().nullable(), circuitOpen: z.boolean() }),
  outbox: z.object({
    pending: z.number().int(),
    rejected: z.number().int(),
    delivered: z.number().int(),
    oldestPendingAt: z.string().nullable(),
  }),
  lastHeartbeatAt: z.string().nullable(),
  printer: printerStatusOutput,
  disk: z.object({ freeBytes: z.number(), totalBytes: z.number() }),
  uptimeSeconds: z.number(),
  /** Voice mode's speech engine: its version when it works, otherwise what to fix (a catalog message). */
  voice: z.object({ available: z.boolean(), detail: messageSchema }),
  /** The billing centre's payee failed the kiosk's requisite checks, so payment QR codes are withheld; null while it passes. */
  payeeRequisitesRefused: z.object({ problems: z.array(z.string()), at: z.string() }).nullable(),
});

const printJobOutput = z.object({
  id: z.number().int(),
  /** The receipt kind (payment-slip, readings-confirmation, statement, appeal-ticket, test-page, …). */
  kind: z.string(),
  accountNumberMasked: z.string().nullable(),
  status: z.enum(['printing', 'printed', 'failed', 'not-confirmed']),
  printerState: z.string().nullable(),
  createdAt: z.string(),
  reprintOf: z.number().int().nullable(),
  /** False once the receipt's content was wiped (retention, or the customer's unprinted job at logout). */
  reprintable: z.boolean(),
});

const printOutcomeOutput = z.object({
  jobId: z.number().int(),
  status: z.enum(['printing', 'printed', 'failed', 'not-confirmed']),
  printerState: z.string(),
  message: messageSchema.nullable(),
});

const settingsFieldNames = z.enum(SETTING_NAMES as [string, ...string[]]);

const messageIdInput = z.object({ messageId: z.number().int().positive() }).strict();

export const staffContract = defineContract({
  methods: {
    'staff.login': defineMethod({
      name: 'staff.login',
      audience: 'public',
      input: z.object({ staffNumber: staffNumberSchema, pin: pinSchema }).strict(),
      output: z.object({ staffName: z.string() }),
    }),
    'staff.logout': defineMethod({
      name: 'staff.logout',
      audience: 'public',
      input: emptyInputSchema,
      output: z.object({ loggedOut: z.literal(true) }),
    }),
    'staff.status': defineMethod({ name: 'staff.status', audience: 'staff', input: emptyInputSchema, output: staffStatusOutput }),
    'staff.outbox.list': defineMethod({
      name: 'staff.outbox.list',
      audience: 'staff',
      input: z.object({ status: z.enum(['pending', 'rejected', 'delivered', 'handled']).optional() }).strict(),
      output: z.object({ messages: z.array(outboxMessageOutput) }),
    }),
    'staff.outbox.retry': defineMethod({
      name: 'staff.outbox.retry',
      audience: 'staff',
      input: messageIdInput,
      output: z.object({ status: z.enum(['pending', 'delivered', 'rejected', 'handled']) }),
    }),
    'staff.outbox.markHandled': defineMethod({
      name: 'staff.outbox.markHandled',
      audience: 'staff',
      input: messageIdInput,
      output: z.object({ status: z.literal('handled') }),
    }),
    'staff.audit.list': defineMethod({
      name: 'staff.audit.list',
      audience: 'staff',
      input: emptyInputSchema,
      output: z.object({
        entries: z.array(
          z.object({
            id: z.number().int(),
            at: z.string(),
            staffNumber: z.string(),
            /** The member's name from the staff list; null for a number no longer on it. */
            staffName: z.string().nullable(),
            /** The account's last four digits: enough to match a customer at the counter, shown masked. */
            accountLastDigits: z
              .string()
              .regex(/^\d{4}$/)
              .nullable(),
            /** What was done, with its typed details; the screen words each kind in the staff member's language. */
            event: auditEventSchema,
          }),
        ),
      }),
    }),
    'staff.limits.reset': defineMethod({
      name: 'staff.limits.reset',
      audience: 'staff',
      input: emptyInputSchema,
      output: z.object({ reset: z.literal(true) }),
    }),
    'staff.printer.status': defineMethod({
      name: 'staff.printer.status',
      audience: 'staff',
      input: emptyInputSchema,
      output: printerStatusOutput,
    }),
    'staff.print.journal': defineMethod({
      name: 'staff.print.journal',
      audience: 'staff',
      input: emptyInputSchema,
      output: z.object({ jobs: z.array(printJobOutput) }),
    }),
    'staff.print.reprint': defineMethod({
      name: 'staff.print.reprint',
      audience: 'staff',
      input: z.object({ jobId: z.number().int().positive() }).strict(),
      output: printOutcomeOutput,
    }),
    'staff.print.testPage': defineMethod({
      name: 'staff.print.testPage',
      audience: 'staff',
      input: emptyInputSchema,
      output: printOutcomeOutput,
    }),
    'staff.assist.open': defineMethod({
      name: 'staff.assist.open',
      audience: 'staff',
      input: z
        .object({
          accountNumber: accountNumberSchema,
          reason: z.enum(ASSIST_REASON_CODES, refusal('staff.errors.assistReason')),
        })
        .strict(),
      output: z.object({ accountNumberMasked: z.string() }),
    }),
    'staff.assist.end': defineMethod({
      name: 'staff.assist.end',
      audience: 'staff',
      input: emptyInputSchema,
      output: z.object({ ended: z.literal(true) }),
    }),
    'staff.settings.get': defineMethod({
      name: 'staff.settings.get',
      audience: 'staff',
      input: emptyInputSchema,
      output: z.object({
        values: editableSettingsSchema,
        /** Settings an environment variable overrides: saving changes the file, not the running kiosk. */
        overriddenByEnvironment: z.array(settingsFieldNames),
      }),
    }),
    'staff.settings.save': defineMethod({
      name: 'staff.settings.save',
      audience: 'staff',
      input: editableSettingsSchema,
      output: z.object({ changed: z.array(settingsFieldNames), restarting: z.boolean() }),
    }),
    'staff.restart': defineMethod({
      name: 'staff.restart',
      audience: 'staff',
      input: emptyInputSchema,
      output: z.object({ restarting: z.boolean() }),
    }),
    'staff.exit': defineMethod({
      name: 'staff.exit',
      audience: 'staff',
      input: emptyInputSchema,
      output: z.object({ exiting: z.boolean() }),
    }),
  },
});
