// How the kiosk classifies a failed call to the billing centre. The outbox worker retries
// `unavailable`/`timeout`/`invalid-response`, keeps and retries `unauthorized` (the terminal key refused) with back-off, and records
// `refused` as a rejected row with the billing centre's reason.
export type BillingErrorKind = 'unavailable' | 'timeout' | 'invalid-response' | 'unauthorized' | 'refused';

export class BillingError extends Error {
  readonly kind: BillingErrorKind;
  /** HTTP status, when the billing centre answered at all. */
  readonly status: number | undefined;
  /** The billing centre's machine code for a refusal, e.g. `wrong-credentials`, `outside-window`. */
  readonly billingCode: string | undefined;
  /** The billing centre's human text for a refusal (Russian). */
  readonly billingMessage: string | undefined;
  /** Seconds the billing centre asked us to wait (Retry-After), if any. */
  readonly retryAfterSeconds: number | undefined;
  /** Tries left after a wrong bill code or SMS code, when the billing centre says. */
  readonly attemptsLeft: number | undefined;

  constructor(
    kind: BillingErrorKind,
    detail: {
      status?: number;
      billingCode?: string;
      billingMessage?: string;
      retryAfterSeconds?: number;
      attemptsLeft?: number;
      cause?: unknown;
    } = {},
  ) {
    super(`billing ${kind}${detail.status ? ` (HTTP ${detail.status})` : ''}${detail.billingCode ? `: ${detail.billingCode}` : ''}`, {
      cause: detail.cause,
    });
    this.name = 'BillingError';
    this.kind = kind;
    this.status = detail.status;
    this.billingCode = detail.billingCode;
    this.billingMessage = detail.billingMessage;
    this.retryAfterSeconds = detail.retryAfterSeconds;
    this.attemptsLeft = detail.attemptsLeft;
  }

  /**
   * A 429 that names its reason (`too-many-attempts`, `sms-resend-too-early`): the billing centre
   * answered and said «not yet». The outbox still retries it like an outage (nothing is lost), but
   * the link is up and the customer hears the reason, not «no connection».
   */
  get isNamedWait(): boolean {
    return this.kind === 'unavailable' && this.status === 429 && this.billingCode !== undefined;
  }
}
