// The one customer at the screen. A kiosk serves one person at a time, so the kiosk API session
// is the terminal's single current session; logout (button, idle timeout, crash) ends it.
import crypto from 'node:crypto';

/**
 * How the customer proved who they are: `full` with the password or an SMS code (or staff opened
 * the account), `bill` with the code printed on this month's paper bill, which lets them pay and
 * submit readings but shows nothing personal beyond the bill itself.
 */
export type CustomerAccess = 'full' | 'bill';

export interface CustomerSessionData {
  /** Random id of this visit; print jobs and outbox rows are tagged with it. */
  sessionId: string;
  accountNumber: string;
  billingToken: string;
  access: CustomerAccess;
  startedAt: number;
  /** The last call on the customer's behalf or tap on the screen (`session.keepAlive`). */
  lastActivityAt: number;
}

export class CustomerSession {
  private current: CustomerSessionData | null = null;
  private readonly endListeners = new Set<(ended: CustomerSessionData) => void>();

  constructor(private readonly clock: () => number = Date.now) {}

  get active(): CustomerSessionData | null {
    return this.current;
  }

  begin(accountNumber: string, billingToken: string, access: CustomerAccess = 'full'): CustomerSessionData {
    if (this.current) this.end();
    const now = this.clock();
    this.current = { sessionId: crypto.randomUUID(), accountNumber, billingToken, access, startedAt: now, lastActivityAt: now };
    return this.current;
  }

  /** The customer is still there: a call on their behalf, or the screen was touched. */
  touch(): void {
    if (this.current) this.current.lastActivityAt = this.clock();
  }

  /** Milliseconds since the customer was last seen, or null with nobody logged in. */
  idleMs(): number | null {
    return this.current ? this.clock() - this.current.lastActivityAt : null;
  }

  /** The active session, or a refusal the renderer turns into "please log in". */
  require(): CustomerSessionData {
    if (!this.current) throw new Error('no customer session');
    return this.current;
  }

  /** Ends the visit and lets every holder of the customer's data forget it. */
  end(): CustomerSessionData | null {
    const ended = this.current;
    this.current = null;
    if (ended) for (const listener of this.endListeners) listener(ended);
    return ended;
  }

  onEnd(listener: (ended: CustomerSessionData) => void): () => void {
    this.endListeners.add(listener);
    return () => this.endListeners.delete(listener);
  }
}
