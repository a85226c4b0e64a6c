// How a handler hands a customer's write to the billing centre: commit it to the outbox first
// (the customer's confirmation comes from that commit), then give the worker a few seconds to
// deliver it so the confirmation can honestly say "accepted by the billing centre" or "queued".
import type { BillingClient } from '../billing/billing-client';
import type { Outbox } from './outbox';
import type { DeliveryState, OutboxSender, OutboxWorker } from './outbox-worker';
import type { SubmissionKind, SubmissionKinds } from './submission-kinds';

export interface SubmissionOutcome {
  /** Short reference printed on the receipt even before the billing centre answers (terminal + sequence). */
  localReference: string;
  delivery: DeliveryState;
  /** The billing centre's answer when delivered (e.g. its registration number). */
  result: unknown;
  /** The refusal when rejected: its code, and the billing centre's own words (Russian) when it gave any. */
  rejection: { code: string; message: string | null } | null;
  /** When the customer pressed the button, ISO. */
  submittedAt: string;
}

export interface Accepted {
  submissionId: number;
  messageId: number;
  idempotencyKey: string;
  localReference: string;
  submittedAt: string;
}

/** One sender per declared kind; the payload is parsed with the kind's schema on dequeue. */
export function billingSenders(kinds: SubmissionKinds, billing: BillingClient): Record<string, OutboxSender> {
  return Object.fromEntries(
    kinds.names.map((name) => {
      const kind = kinds.get(name);
      const send: OutboxSender = (message) =>
        kind.send(billing, {
          accountNumber: message.accountNumber,
          idempotencyKey: message.idempotencyKey,
          payload: kinds.parsePayload(name, message.payload),
        });
      return [name, send];
    }),
  );
}

export class CustomerSubmissions {
  constructor(
    private readonly outbox: Outbox,
    private readonly worker: OutboxWorker,
    private readonly deliveryWaitMs: number,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Write-ahead: the submission and its outbox message are committed; nothing is sent yet. */
  accept<Payload, Summary>(
    kind: SubmissionKind<Payload, Summary>,
    accountNumber: string,
    sessionId: string | null,
    buildPayload: (submittedAt: string) => Payload,
    summary: Summary,
  ): Accepted {
    const submittedAt = new Date(this.clock()).toISOString();
    const enqueued = this.outbox.enqueue({ kind: kind.kind, accountNumber, sessionId, payload: buildPayload(submittedAt), summary });
    this.worker.kick();
    return { ...enqueued, submittedAt };
  }

  /** Gives the worker a few seconds to deliver an accepted submission, then reports honestly. */
  async confirm(accepted: Accepted): Promise<SubmissionOutcome> {
    const delivery = await this.worker.deliverSoon(accepted.messageId, this.deliveryWaitMs);
    const message = this.outbox.get(accepted.messageId);
    // The customer reads the refusal on screen and can correct it there; staff need not chase it.
    if (delivery === 'rejected') this.outbox.markHandled(accepted.messageId, 'customer-informed');
    return {
      localReference: accepted.localReference,
      delivery,
      result: delivery === 'delivered' ? (message?.result ?? null) : null,
      rejection:
        delivery === 'rejected' && message ? { code: message.rejectionCode ?? 'rejected', message: message.rejectionMessage } : null,
      submittedAt: accepted.submittedAt,
    };
  }

  async submit<Payload, Summary>(
    kind: SubmissionKind<Payload, Summary>,
    accountNumber: string,
    sessionId: string | null,
    buildPayload: (submittedAt: string) => Payload,
    summary: Summary,
  ): Promise<SubmissionOutcome> {
    return this.confirm(this.accept(kind, accountNumber, sessionId, buildPayload, summary));
  }
}
