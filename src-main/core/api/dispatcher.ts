// The one place every kiosk API call passes through, whichever transport carried it: look up the
// declared method, check who may call it, validate the input, run the handler, validate the output.
import type { z } from 'zod';
import { actsOnAccount, KioskFailure, type HandlersFor, type KioskError, type KioskMethodMap, type KioskResult } from './contract';
import type { Logger } from '../logging/logger';
import { isMessageKey } from '../messages/message-catalog';
import { message, type Message } from '../messages/messages';
import type { CustomerAccess } from '../session/customer-session';

/** Who is on the other side of the screen right now; decides which audiences may call. */
export interface CallerState {
  /** `full` after a password or SMS login (or staff assisting), `bill` with the paper bill only. */
  customerAccess(): CustomerAccess | null;
  staffLoggedIn(): boolean;
}

export type KioskDispatch = (methodName: string, rawInput: unknown) => Promise<KioskResult<unknown>>;

const INTERNAL_ERROR: KioskError = { code: 'internal', message: message('errors.internal') };

export function createDispatcher<M extends KioskMethodMap>(
  methods: M,
  handlers: HandlersFor<M>,
  caller: CallerState,
  logger: Logger,
): KioskDispatch {
  return async (methodName, rawInput) => {
    const contract = Object.hasOwn(methods, methodName) ? methods[methodName] : undefined;
    if (!contract) {
      return { ok: false, error: { code: 'unknown-method', message: message('errors.unknown-method') } };
    }
    if (actsOnAccount(contract.audience)) {
      const access = caller.customerAccess();
      if (access === 'bill' && contract.audience === 'customer') {
        return { ok: false, error: { code: 'full-login-required', message: message('errors.full-login-required') } };
      }
      if (access === null && !caller.staffLoggedIn()) {
        return { ok: false, error: { code: 'not-logged-in', message: message('errors.not-logged-in') } };
      }
    }
    if (contract.audience === 'staff' && !caller.staffLoggedIn()) {
      return { ok: false, error: { code: 'staff-only', message: message('errors.staff-only') } };
    }

    // Input is read only for a caller the method is for: someone not logged in learns nothing of its fields.
    const parsed = contract.input.safeParse(rawInput ?? {});
    if (!parsed.success) return { ok: false, error: validationError(parsed.error) };

    const handler = handlers[methodName] as (input: unknown) => Promise<unknown>;
    let value: unknown;
    try {
      value = await handler(parsed.data);
    } catch (error) {
      if (error instanceof KioskFailure) return { ok: false, error: error.error };
      logger.error('handler failed', { method: methodName, error });
      return { ok: false, error: INTERNAL_ERROR };
    }
    const checked = contract.output.safeParse(value);
    if (!checked.success) {
      // Our own bug, not the customer's: log the shape problem, show the generic message.
      logger.error('handler returned a value that breaks its contract', {
        method: methodName,
        issues: checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
      });
      return { ok: false, error: INTERNAL_ERROR };
    }
    return { ok: true, value: checked.data };
  };
}

/** Turns zod issues into one customer message plus a message per field. */
export function validationError(error: z.ZodError): KioskError {
  const fields: Record<string, Message> = {};
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? issue.path.map(String).join('.') : '_';
    // Schema messages written for customers are catalog keys; zod's own defaults are English and
    // technical, so those are replaced by a neutral «check this field».
    fields[field] ??= message(isMessageKey(issue.message) ? issue.message : 'errors.checkField');
  }
  const first = Object.values(fields)[0];
  return {
    code: 'invalid-input',
    message: first && first.key !== 'errors.checkField' ? first : message('errors.invalid-input'),
    fields,
  };
}
