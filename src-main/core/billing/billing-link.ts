// Whether the billing centre answered lately. Every call through `BillingLink.call` updates it, so
// the start screen's status indicator and the heartbeat tell the truth without extra probes.
import { KioskFailure } from '../api/contract';
import { message, type Message } from '../messages/messages';
import { BillingError } from './billing-error';

export const CONTACT_CENTRE_PHONE = '8-800-250-52-80';

export class BillingLink {
  private lastOutcome: { online: boolean; at: number } | null = null;
  private readonly listeners = new Set<(online: boolean) => void>();

  constructor(private readonly clock: () => number = Date.now) {}

  get online(): boolean {
    return this.lastOutcome?.online ?? true;
  }

  get lastContactAt(): number | null {
    return this.lastOutcome?.online ? this.lastOutcome.at : null;
  }

  onChange(listener: (online: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Records whether the billing centre was reachable; a refusal still means it answered. */
  record(reachable: boolean): void {
    const changed = this.online !== reachable;
    this.lastOutcome = { online: reachable, at: this.clock() };
    if (changed) for (const listener of this.listeners) listener(reachable);
  }

  /** Runs one billing call, records reachability, and turns failures into customer messages. */
  async call<T>(operation: () => Promise<T>, refusalMessages: Record<string, Message> = {}): Promise<T> {
    try {
      const value = await operation();
      this.record(true);
      return value;
    } catch (error) {
      if (error instanceof BillingError) {
        this.record(error.isNamedWait || !(error.kind === 'unavailable' || error.kind === 'timeout'));
      }
      throw toKioskFailure(error, refusalMessages);
    }
  }
}

/**
 * The billing centre's own words for a refusal are Russian only: they are what Russian shows, and
 * the other languages say that it refused (`errors.billingRefusedText`).
 */
export function billingWords(text: string | null | undefined, otherwise: Message): Message {
  return text ? message('errors.billingRefusedText', { billingText: text }) : otherwise;
}

/** Maps any failure of a billing call to a customer-ready refusal; known refusal codes get their own message. */
export function toKioskFailure(error: unknown, refusalMessages: Record<string, Message> = {}): KioskFailure {
  if (error instanceof KioskFailure) return error;
  if (!(error instanceof BillingError)) return new KioskFailure({ code: 'internal', message: message('errors.internalAskStaff') });
  if (error.isNamedWait) return refusalOf(error, refusalMessages);
  switch (error.kind) {
    case 'unavailable':
      return new KioskFailure({ code: 'billing-unavailable', message: message('errors.billing-unavailable') });
    case 'timeout':
      return new KioskFailure({ code: 'billing-timeout', message: message('errors.billing-timeout') });
    case 'invalid-response':
      return new KioskFailure({ code: 'billing-invalid-response', message: message('errors.billing-invalid-response') });
    case 'unauthorized':
      return new KioskFailure({ code: 'session-expired', message: message('errors.session-expired') });
    case 'refused':
      return refusalOf(error, refusalMessages);
  }
}

function refusalOf(error: BillingError, refusalMessages: Record<string, Message>): KioskFailure {
  const known = error.billingCode ? refusalMessages[error.billingCode] : undefined;
  return new KioskFailure({
    code: 'billing-refused',
    message: known ?? billingWords(error.billingMessage, message('errors.billing-refused')),
    ...(error.billingCode ? { billingCode: error.billingCode } : {}),
    ...(error.retryAfterSeconds ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
  });
}
