// The meters of the customer's visit as the billing centre last gave them. «Передать показания»
// fetches them when the screen opens; the submission a minute later checks against this copy
// instead of asking again, and when the billing centre goes away mid-visit the customer keeps
// working from it. One visit's copy only, forgotten when the visit ends.
import type { MetersResponse } from '../../core/billing/billing-wire';

/**
 * How long a fetched copy stands in for a new request. A customer types and sends a reading within
 * a minute or two of opening the screen. What the copy holds changes when readings are registered
 * (this terminal adds its own, see `withSubmission`) or when the office changes a meter, which a
 * visit this short will hardly meet; the billing centre checks the readings again on delivery
 * anyway. A visit kept going longer by taps fetches afresh for its submission.
 */
export const METERS_REUSE_MS = 2 * 60 * 1000;

type Submission = MetersResponse['submissions'][number];

interface Copy {
  sessionId: string;
  response: MetersResponse;
  fetchedAt: number;
  /** The billing centre may know more than the copy (it refused, or its answer was unreadable). */
  stale: boolean;
}

export class VisitMeters {
  private copy: Copy | null = null;

  constructor(private readonly clock: () => number) {}

  /** A new answer of the billing centre for this visit. */
  remember(sessionId: string, response: MetersResponse): void {
    this.copy = { sessionId, response, fetchedAt: this.clock(), stale: false };
  }

  /** This visit's copy while it may stand in for a new request, else null. */
  fresh(sessionId: string): MetersResponse | null {
    const copy = this.of(sessionId);
    if (!copy || copy.stale) return null;
    const age = this.clock() - copy.fetchedAt;
    // A clock set back makes the age negative: the copy's age is then unknown, so fetch again.
    return age >= 0 && age < METERS_REUSE_MS ? copy.response : null;
  }

  /** This visit's copy whatever its age: what the customer works from while the billing centre is unreachable. */
  last(sessionId: string): MetersResponse | null {
    return this.of(sessionId)?.response ?? null;
  }

  /** What this terminal itself changed at the billing centre (its age stays that of the fetch). */
  update(sessionId: string, response: MetersResponse): void {
    const copy = this.of(sessionId);
    if (copy) copy.response = response;
  }

  /** The next use fetches again; the copy is kept for when the billing centre is unreachable. */
  markStale(sessionId: string): void {
    const copy = this.of(sessionId);
    if (copy) copy.stale = true;
  }

  forget(): void {
    this.copy = null;
  }

  private of(sessionId: string): Copy | null {
    return this.copy?.sessionId === sessionId ? this.copy : null;
  }
}

/**
 * The meters answer as the billing centre gives it once it registered `submission`: this month's
 * submissions newest first, the new one on top. Nothing else moves: the last reading and the average
 * are those of the months before (a correction is judged against last month's reading, too).
 */
export function withSubmission(response: MetersResponse, submission: Submission): MetersResponse {
  return { ...response, submissions: [submission, ...response.submissions] };
}
