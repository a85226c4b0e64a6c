// How a handler hands a customer's write to the billing centre: commit it to the outbox first
// (the customer's confirmation comes from that commit), then give the worker a few seconds to
// deliver it so the confirmation can honestly say "accepted by the billing centre" or "queued".
import type { BillingClient } from '../billing/billing-client';
import type { AppealRequest, PasswordChange, ProfileUpdate, ReadingsRequest } from '../billing/billing-wire';
import type { Outbox } from './outbox';
import type { DeliveryState, OutboxSender, OutboxWorker } from './outbox-worker';

/** What each kind of submission sends to the billing centre. */
export interface SubmissionPayloads {
  readings: ReadingsRequest;
  appeal: AppealRequest;
  profile: ProfileUpdate;
  'password-change': PasswordChange;
}
export type SubmissionKind = keyof SubmissionPayloads;

/** Payload fields never kept after delivery or rejection. */
export const SUBMISSION_SECRET_FIELDS: Readonly<Record<string, readonly string[]>> = {
  'password-change': ['currentPassword', 'newPassword'],
};

export interface SubmissionOutcome {
  /** Short reference printed on the receipt even before the billing centre answers (terminal + sequence). */
  localReference: string;
  delivery: DeliveryState;
  /** The billing centre's answer when delivered (e.g. its registration number). */
  result: unknown;
  /** The billing centre's refusal when rejected. */
  rejection: { code: string; message: string } | null;
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

export function billingSenders(billing: BillingClient): Record<SubmissionKind, OutboxSender> {
  return {
    readings: (message) => billing.submitReadings(message.accountNumber, message.payload as ReadingsRequest, message.idempotencyKey),
    appeal: (message) => billing.submitAppeal(message.accountNumber, message.payload as AppealRequest, message.idempotencyKey),
    profile: (message) => billing.updateProfile(message.accountNumber, message.payload as ProfileUpdate, message.idempotencyKey),
    'password-change': async (message) => {
      await billing.changePassword(message.accountNumber, message.payload as PasswordChange, message.idempotencyKey);
      return { changed: true };
    },
  };
}

export class CustomerSubmissions {
  constructor(
    private readonly outbox: Outbox,
    private readonly worker: OutboxWorker,
    private readonly deliveryWaitMs: number,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Write-ahead: the submission and its outbox message are committed; nothing is sent yet. */
  accept<K extends SubmissionKind>(
    kind: K,
    accountNumber: string,
    sessionId: string | null,
    buildPayload: (submittedAt: string) => SubmissionPayloads[K],
    summary: unknown,
  ): Accepted {
    const submittedAt = new Date(this.clock()).toISOString();
    const enqueued = this.outbox.enqueue({ kind, accountNumber, sessionId, payload: buildPayload(submittedAt), summary });
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
        delivery === 'rejected' && message
          ? { code: message.rejectionCode ?? 'rejected', message: message.rejectionMessage ?? 'Расчётный центр отклонил операцию.' }
          : null,
      submittedAt: accepted.submittedAt,
    };
  }

  async submit<K extends SubmissionKind>(
    kind: K,
    accountNumber: string,
    sessionId: string | null,
    buildPayload: (submittedAt: string) => SubmissionPayloads[K],
    summary: unknown,
  ): Promise<SubmissionOutcome> {
    return this.confirm(this.accept(kind, accountNumber, sessionId, buildPayload, summary));
  }
}
