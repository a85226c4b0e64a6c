// Delivers outbox messages to the billing centre: in order per account, several accounts at a
// time, exponential back-off with full jitter, a circuit breaker while the billing centre is
// down, and a classification of every failure (retry, or reject with a reason).
import { BillingError } from '../billing/billing-error';
import type { Logger } from '../logging/logger';
import { SubmissionKindError } from './submission-kinds';
import type { Outbox, OutboxMessage, OutboxStats } from './outbox';

/** Sends one message; throws BillingError on failure. Returns what the billing centre confirmed. */
export type OutboxSender = (message: OutboxMessage) => Promise<unknown>;

export interface OutboxWorkerOptions {
  outbox: Outbox;
  senders: Readonly<Record<string, OutboxSender>>;
  logger: Logger;
  clock?: () => number;
  random?: () => number;
  /** Told whether the billing centre was reachable, after every attempt. */
  onReachability?: (reachable: boolean) => void;
  concurrency?: number;
  backoff?: { baseMs: number; capMs: number };
  breaker?: { failureThreshold: number; cooldownMs: number };
  /** Longest sleep between polls when nothing is due (new messages wake the worker anyway). */
  idlePollMs?: number;
}

export type DeliveryState = 'delivered' | 'pending' | 'rejected';

export class OutboxWorker {
  private readonly outbox: Outbox;
  private readonly clock: () => number;
  private readonly random: () => number;
  private readonly concurrency: number;
  private readonly backoff: { baseMs: number; capMs: number };
  private readonly breaker: { failureThreshold: number; cooldownMs: number };
  private readonly idlePollMs: number;
  private readonly inFlight = new Map<number, { accountNumber: string; done: Promise<void> }>();
  private readonly settledListeners = new Set<(id: number) => void>();
  private consecutiveFailures = 0;
  private breakerOpenUntil = 0;
  private running = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pumping = false;

  constructor(private readonly options: OutboxWorkerOptions) {
    this.outbox = options.outbox;
    this.clock = options.clock ?? Date.now;
    this.random = options.random ?? Math.random;
    this.concurrency = options.concurrency ?? 4;
    this.backoff = options.backoff ?? { baseMs: 1_000, capMs: 5 * 60_000 };
    this.breaker = options.breaker ?? { failureThreshold: 5, cooldownMs: 30_000 };
    this.idlePollMs = options.idlePollMs ?? 30_000;
  }

  /** Starts delivering, beginning with whatever was left pending by the previous run. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.kick();
  }

  /** Stops taking new messages and waits up to `graceMs` for the ones in flight. */
  async stop(graceMs = 3_000): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    const inFlight = [...this.inFlight.values()].map((entry) => entry.done);
    await Promise.race([Promise.allSettled(inFlight), new Promise((resolve) => setTimeout(resolve, graceMs))]);
  }

  /** Something was enqueued or made due: look at the outbox now. */
  kick(): void {
    // Every enqueue, expedite and settled attempt passes here.
    this.noteChange();
    if (!this.running) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.pump(), 0);
  }

  get circuitOpen(): boolean {
    return this.clock() < this.breakerOpenUntil;
  }

  // --- change listeners (kiosk events, core/events/core-events.ts) ---
  private readonly changeListeners = new Set<(stats: OutboxStats) => void>();
  private lastStatsKey = '';

  /** Told the outbox's counts whenever they changed since last told; returns the function that unsubscribes. */
  onChange(listener: (stats: OutboxStats) => void): () => void {
    this.changeListeners.add(listener);
    return () => {
      this.changeListeners.delete(listener);
    };
  }

  private noteChange(): void {
    if (this.changeListeners.size === 0) return;
    let stats: OutboxStats;
    try {
      stats = this.outbox.stats();
    } catch {
      return; // The store closed under a late attempt while the core shut down.
    }
    const key = `${stats.pending}/${stats.rejected}/${stats.oldestPendingAt}`;
    if (key === this.lastStatsKey) return;
    this.lastStatsKey = key;
    for (const listener of [...this.changeListeners]) listener(stats);
  }
  // --- end of change listeners ---

  /**
   * Delivers one message now if the billing centre answers within `waitMs`, so the customer's
   * confirmation can honestly say "delivered"; otherwise it stays queued and the answer is "pending".
   */
  async deliverSoon(messageId: number, waitMs: number): Promise<DeliveryState> {
    this.outbox.expedite(messageId);
    const settled = new Promise<void>((resolve) => {
      const listener = (id: number) => {
        if (id === messageId) {
          this.settledListeners.delete(listener);
          resolve();
        }
      };
      this.settledListeners.add(listener);
      setTimeout(() => {
        this.settledListeners.delete(listener);
        resolve();
      }, waitMs);
    });
    this.kick();
    await settled;
    const status = this.outbox.get(messageId)?.status;
    return status === 'delivered' ? 'delivered' : status === 'rejected' ? 'rejected' : 'pending';
  }

  private async pump(): Promise<void> {
    if (!this.running || this.pumping) return;
    this.pumping = true;
    try {
      const now = this.clock();
      if (now < this.breakerOpenUntil) {
        this.schedule(this.breakerOpenUntil - now);
        return;
      }
      const free = this.concurrency - this.inFlight.size;
      // Half-open breaker: after the cool-down, one message tests the line before the rest follow.
      const allowed = this.consecutiveFailures >= this.breaker.failureThreshold ? Math.min(free, this.inFlight.size === 0 ? 1 : 0) : free;
      if (allowed > 0) {
        const busyAccounts = new Set([...this.inFlight.values()].map((entry) => entry.accountNumber));
        for (const message of this.outbox.due(allowed, busyAccounts)) this.launch(message);
      }
      if (this.inFlight.size === 0) {
        const nextDueAt = this.outbox.nextDueAt();
        this.schedule(nextDueAt === null ? this.idlePollMs : Math.max(0, nextDueAt - this.clock()));
      }
    } catch (error) {
      this.options.logger.error('outbox worker failed to read the outbox', { error });
      this.schedule(this.backoff.baseMs);
    } finally {
      this.pumping = false;
    }
  }

  private schedule(delayMs: number): void {
    if (!this.running) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.pump(), Math.min(delayMs, this.idlePollMs));
  }

  private launch(message: OutboxMessage): void {
    const done = this.attempt(message).finally(() => {
      this.inFlight.delete(message.id);
      for (const listener of [...this.settledListeners]) listener(message.id);
      this.kick();
    });
    this.inFlight.set(message.id, { accountNumber: message.accountNumber, done });
  }

  private async attempt(message: OutboxMessage): Promise<void> {
    const sender = this.options.senders[message.kind];
    if (!sender) {
      this.options.logger.error('outbox message of an unknown kind', { messageId: message.id, kind: message.kind });
      this.outbox.markRejected(message.id, 'unknown-kind', null);
      return;
    }
    try {
      const result = await sender(message);
      this.outbox.markDelivered(message.id, result);
      this.consecutiveFailures = 0;
      this.options.onReachability?.(true);
    } catch (error) {
      if (error instanceof SubmissionKindError) {
        // The row no longer matches its kind's schema: sending it again would fail the same way.
        this.options.logger.error('outbox message breaks its kind schema', { messageId: message.id, kind: message.kind, error });
        this.outbox.markRejected(message.id, 'invalid-row', null);
        return;
      }
      this.handleFailure(message, error);
    }
  }

  private handleFailure(message: OutboxMessage, error: unknown): void {
    const billingError = error instanceof BillingError ? error : null;
    if (billingError?.kind === 'refused') {
      // The billing centre answered and said no: retrying would only say no again.
      this.options.onReachability?.(true);
      this.consecutiveFailures = 0;
      this.outbox.markRejected(
        message.id,
        billingError.billingCode ?? `http-${billingError.status ?? 'unknown'}`,
        billingError.billingMessage ?? null,
      );
      this.options.logger.warn('outbox message rejected', {
        id: message.id,
        kind: message.kind,
        billingCode: billingError.billingCode,
        reason: billingError.billingMessage,
      });
      return;
    }
    if (billingError?.kind === 'unauthorized') {
      this.options.onReachability?.(true);
      // Writes are signed with the terminal key alone, so there is no session to renew: the key is
      // wrong or revoked until staff fix the configuration. Kept and retried with back-off meanwhile.
      this.options.logger.error('billing centre refuses the terminal key', { id: message.id, kind: message.kind });
      this.outbox.markRetry(message.id, 'unauthorized: terminal key refused', this.clock() + this.retryDelay(message));
      return;
    }
    // Unreachable, timed out, a 5xx, a garbled answer, or a bug on our side: keep it and retry later.
    this.consecutiveFailures += 1;
    this.options.onReachability?.(
      billingError?.isNamedWait === true || !(billingError?.kind === 'unavailable' || billingError?.kind === 'timeout'),
    );
    if (this.consecutiveFailures >= this.breaker.failureThreshold) this.breakerOpenUntil = this.clock() + this.breaker.cooldownMs;
    const delay = this.retryDelay(message);
    const description = billingError ? billingError.message : error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    this.outbox.markRetry(message.id, description, this.clock() + delay);
  }

  /** Exponential back-off with full jitter (AWS architecture blog): random in [0, min(cap, base·2^attempts)). */
  private retryDelay(message: OutboxMessage): number {
    const exponent = Math.min(message.attempts, 30);
    const ceiling = Math.min(this.backoff.capMs, this.backoff.baseMs * 2 ** exponent);
    return Math.floor(this.random() * ceiling);
  }
}
