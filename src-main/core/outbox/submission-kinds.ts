// The kinds of customer submission the outbox carries, each declared by its feature: the payload
// the billing centre receives and the summary the receipt shows, both as schemas, the payload
// fields that are secrets, and how to send it. Rows are parsed with these schemas on enqueue, on
// dequeue and on read-back, so a row the code no longer understands fails loudly, not silently.
import type { z } from 'zod';
import type { BillingClient } from '../billing/billing-client';

export interface SubmissionKind<Payload = unknown, Summary = unknown> {
  /** Stored in `submission.kind` and `outbox_message.kind`; listed in the `submission_kind` table. */
  readonly kind: string;
  readonly payload: z.ZodType<Payload>;
  readonly summary: z.ZodType<Summary>;
  /** Payload fields never kept after delivery or rejection (passwords). */
  readonly secretFields?: readonly string[];
  send(billing: BillingClient, message: { accountNumber: string; idempotencyKey: string; payload: Payload }): Promise<unknown>;
}

export function defineSubmission<Payload, Summary>(kind: SubmissionKind<Payload, Summary>): SubmissionKind<Payload, Summary> {
  return kind;
}

/** A row whose kind no feature declares, or whose content breaks the kind's schema. */
export class SubmissionKindError extends Error {
  override readonly name = 'SubmissionKindError';
}

export class SubmissionKinds {
  private readonly byName = new Map<string, SubmissionKind>();

  constructor(kinds: readonly SubmissionKind[]) {
    for (const kind of kinds) {
      if (this.byName.has(kind.kind)) throw new SubmissionKindError(`submission kind «${kind.kind}» is declared twice`);
      this.byName.set(kind.kind, kind as SubmissionKind);
    }
  }

  get names(): string[] {
    return [...this.byName.keys()];
  }

  get(kind: string): SubmissionKind {
    const found = this.byName.get(kind);
    if (!found) throw new SubmissionKindError(`unknown submission kind «${kind}»`);
    return found;
  }

  parsePayload(kind: string, payload: unknown): unknown {
    return this.parse(kind, 'payload', payload);
  }

  parseSummary(kind: string, summary: unknown): unknown {
    return this.parse(kind, 'summary', summary);
  }

  private parse(kind: string, part: 'payload' | 'summary', value: unknown): unknown {
    const parsed = this.get(kind)[part].safeParse(value);
    if (!parsed.success) {
      const where = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
      throw new SubmissionKindError(`${kind} ${part} breaks its schema: ${where}`);
    }
    return parsed.data;
  }
}
