// What the audit log records: each staff action by name with its typed details, and every call
// staff make on a customer's account during assisted service. Node-free: the staff contract sends
// these events to the staff screen, which words each kind from the catalog.
import { z } from 'zod';
import type { AccountMethodName } from '../kiosk-methods';
import { ASSIST_REASON_CODES } from './assisted-service';

const printStatus = z.enum(['printing', 'printed', 'failed', 'not-confirmed']);
const assistReason = z.enum(ASSIST_REASON_CODES);
/** A setting's value before and after a change, as the configuration holds it. */
const settingValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/**
 * A staff action as it is written. The stored row keeps `action` in its own column and the other
 * fields as its details, so rows written before these schemas existed read the same way.
 */
export const staffAuditEventSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('staff.login') }),
  /** `reason` is set when the session closed by itself after nobody used it. */
  z.object({ action: z.literal('staff.logout'), reason: z.literal('inactivity').optional() }),
  z.object({ action: z.literal('outbox.retry'), messageId: z.number().int(), kind: z.string() }),
  z.object({
    action: z.literal('outbox.mark-handled'),
    messageId: z.number().int(),
    kind: z.string(),
    rejectionCode: z.string().nullable(),
  }),
  z.object({ action: z.literal('limits.reset') }),
  z.object({ action: z.literal('print.reprint'), jobId: z.number().int(), reprintJobId: z.number().int(), status: printStatus }),
  z.object({ action: z.literal('print.test-page'), jobId: z.number().int(), status: printStatus }),
  z.object({ action: z.literal('training-bill.print'), jobId: z.number().int(), status: printStatus }),
  z.object({ action: z.literal('assist.open'), reason: assistReason }),
  /** `code`: the billing centre's refusal code, or the terminal's own error code. */
  z.object({ action: z.literal('assist.refused'), reason: assistReason, code: z.string() }),
  z.object({ action: z.literal('assist.end'), minutes: z.number().int().nonnegative() }),
  /** Each changed setting by name: its value before and after. */
  z.object({ action: z.literal('settings.save'), changed: z.record(z.string(), z.tuple([settingValue, settingValue])) }),
  z.object({ action: z.literal('kiosk.restart') }),
  z.object({ action: z.literal('kiosk.exit') }),
]);
export type StaffAuditEvent = z.infer<typeof staffAuditEventSchema>;
export type StaffAuditAction = StaffAuditEvent['action'];

/** The stored details of an assisted-service call: the row's action is the method's name. */
const assistedCallDetailsSchema = z.object({ assisted: z.literal(true), outcome: z.string() });

/** What the staff screen gets of one audit row: a staff action, an assisted call, or a row it cannot read. */
export const auditEventSchema = z.union([
  staffAuditEventSchema,
  z.object({
    action: z.literal('assisted-call'),
    /**
     * A method on a customer's account (the core checks the name). Typed as a plain string: the
     * method list's types include this contract, so naming them here would be circular.
     */
    method: z.string(),
    /** `ok`, or the refusal's code (`invalid-input`, `billing-unavailable`, …). */
    outcome: z.string(),
  }),
  /** A row this version cannot read (written by another version): shown by its stored action name. */
  z.object({ action: z.literal('unreadable'), storedAction: z.string() }),
]);
export type AuditEvent = z.infer<typeof auditEventSchema>;

/** A staff action as its row stores it: the action name, and the details as JSON (null when there are none). */
export function storedAuditEvent(event: StaffAuditEvent): { action: StaffAuditAction; details: unknown } {
  if (event.action === 'settings.save') return { action: event.action, details: event.changed };
  const { action, ...details } = event;
  return { action, details: Object.keys(details).length === 0 ? null : details };
}

/**
 * Reads a stored row back as an event. `isAccountMethod` says which action names are methods on a
 * customer's account (the core's method list). Anything that does not parse, such as a row written
 * by another version, becomes `unreadable` rather than failing the whole log.
 */
export function readAuditEvent(action: string, details: unknown, isAccountMethod: (name: string) => name is AccountMethodName): AuditEvent {
  if (isAccountMethod(action)) {
    const call = assistedCallDetailsSchema.safeParse(details);
    return call.success
      ? { action: 'assisted-call', method: action, outcome: call.data.outcome }
      : { action: 'unreadable', storedAction: action };
  }
  const candidate =
    action === 'settings.save'
      ? { action, changed: details }
      : { ...(typeof details === 'object' && details !== null && !Array.isArray(details) ? details : {}), action };
  const parsed = staffAuditEventSchema.safeParse(candidate);
  return parsed.success ? parsed.data : { action: 'unreadable', storedAction: action };
}
