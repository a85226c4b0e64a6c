// What the billing centre last answered for the customer's visit (the meters, the invoice). A screen
// fetches it when it opens; the steps after it (a submission, a QR code, a slip, its printing) check
// against this copy instead of asking again while it is recent, and when the billing centre goes
// away mid-visit the customer keeps working from it. One visit's copy only, forgotten when the
// visit ends.
import { KioskFailure } from '../api/contract';
import type { CustomerSession, CustomerSessionData } from './customer-session';

interface Copy<T> {
  sessionId: string;
  value: T;
  fetchedAt: number;
  /** The billing centre may know more than the copy (it refused, or its answer was unreadable). */
  stale: boolean;
}

/** The visit a copy is asked for, as the billing centre's request needs it. */
type Visit = Pick<CustomerSessionData, 'sessionId' | 'billingToken'>;

export class VisitCopy<T> {
  private copy: Copy<T> | null = null;

  /**
   * `request` asks the billing centre for the visit's answer; `reuseMs`: how long a fetched copy
   * stands in for a new request (a visit kept going longer by taps fetches afresh).
   */
  constructor(
    private readonly session: CustomerSession,
    private readonly clock: () => number,
    private readonly reuseMs: number,
    private readonly request: (visit: Visit) => Promise<T>,
  ) {
    session.onEnd(() => this.forget());
  }

  /**
   * A new answer of the billing centre, kept for the visit if it is still the current one (an answer
   * that arrives after its visit ended is not kept for anyone). With the billing centre unreachable,
   * the visit's copy whatever its age stands in; any other failure is the caller's.
   */
  async fetch(visit: Visit): Promise<T> {
    try {
      const value = await this.request(visit);
      if (this.session.active?.sessionId === visit.sessionId) this.remember(visit.sessionId, value);
      return value;
    } catch (error) {
      const unreachable =
        error instanceof KioskFailure && (error.error.code === 'billing-unavailable' || error.error.code === 'billing-timeout');
      const kept = unreachable ? this.last(visit.sessionId) : null;
      if (kept) return kept;
      throw error;
    }
  }

  /** This visit's copy while it is recent, else a new answer (see `fetch`). */
  async reuseOrFetch(visit: Visit): Promise<T> {
    return this.fresh(visit.sessionId) ?? (await this.fetch(visit));
  }

  /** A new answer of the billing centre for this visit. */
  remember(sessionId: string, value: T): void {
    this.copy = { sessionId, value, fetchedAt: this.clock(), stale: false };
  }

  /** This visit's copy while it may stand in for a new request, else null. */
  fresh(sessionId: string): T | null {
    const copy = this.of(sessionId);
    if (!copy || copy.stale) return null;
    const age = this.clock() - copy.fetchedAt;
    // A clock set back makes the age negative: the copy's age is then unknown, so fetch again.
    return age >= 0 && age < this.reuseMs ? copy.value : null;
  }

  /** This visit's copy whatever its age: what the customer works from while the billing centre is unreachable. */
  last(sessionId: string): T | null {
    return this.of(sessionId)?.value ?? null;
  }

  /** What this terminal itself changed at the billing centre (its age stays that of the fetch). */
  update(sessionId: string, value: T): void {
    const copy = this.of(sessionId);
    if (copy) copy.value = value;
  }

  /** The next use fetches again; the copy is kept for when the billing centre is unreachable. */
  markStale(sessionId: string): void {
    const copy = this.of(sessionId);
    if (copy) copy.stale = true;
  }

  forget(): void {
    this.copy = null;
  }

  private of(sessionId: string): Copy<T> | null {
    return this.copy?.sessionId === sessionId ? this.copy : null;
  }
}
