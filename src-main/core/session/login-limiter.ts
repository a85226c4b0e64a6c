// Counts failed logins on this terminal and decides lockouts: per account (someone guessing one
// password) and per terminal across accounts (someone trying many accounts). Subjects are stored
// as keyed hashes, so the table of attempts names no account.
import crypto from 'node:crypto';
import type { KioskDatabase } from '../store/database';

export type AttemptKind = 'customer' | 'staff' | 'registration' | 'password-reset' | 'bill-code' | 'sms-code';

export interface LimitPolicy {
  /** Failures in a row (since the last success) that lock one subject. */
  maxFailuresPerSubject: number;
  /** Failures across all subjects within the window that lock the whole terminal. */
  maxFailuresPerTerminal: number;
  windowMs: number;
}

/**
 * The limits of a customer's secrets (password, SMS code, bill code, the current password at a
 * change), from the configuration; `maxFailuresPerTerminal` may be another of its limits.
 */
export function customerLoginPolicy(
  limits: { loginFailuresPerAccount: number; loginFailuresPerTerminal: number; loginLockoutMinutes: number },
  maxFailuresPerTerminal = limits.loginFailuresPerTerminal,
): LimitPolicy {
  return { maxFailuresPerSubject: limits.loginFailuresPerAccount, maxFailuresPerTerminal, windowMs: limits.loginLockoutMinutes * 60_000 };
}

export type LimitVerdict =
  { allowed: true; failuresLeft: number } | { allowed: false; retryAfterSeconds: number; scope: 'subject' | 'terminal' };

/**
 * An attempt already counted as a failure while its secret is being checked. `succeed()` turns it
 * into a success, `cancel()` forgets it (the check never happened, e.g. the billing centre was
 * down); a wrong secret leaves it as it is.
 */
export interface ReservedAttempt {
  succeed(): void;
  cancel(): void;
}

export type ReservationVerdict =
  | { allowed: true; failuresLeft: number; attempt: ReservedAttempt }
  | { allowed: false; retryAfterSeconds: number; scope: 'subject' | 'terminal' };

export class LoginLimiter {
  private readonly secret: string;

  constructor(
    private readonly db: KioskDatabase,
    private readonly clock: () => number = Date.now,
  ) {
    this.secret = loadOrCreateSecret(db);
  }

  check(kind: AttemptKind, subject: string, policy: LimitPolicy): LimitVerdict {
    const now = this.clock();
    const since = now - policy.windowMs;
    const terminal = this.db
      .prepare<[string, number], { failures: number; oldest: number | null }>(
        `SELECT count(*) AS failures, min(attempted_at) AS oldest FROM login_attempt
         WHERE kind = ? AND attempted_at > ? AND succeeded = 0`,
      )
      .get(kind, since);
    if (terminal && terminal.failures >= policy.maxFailuresPerTerminal && terminal.oldest !== null) {
      return { allowed: false, scope: 'terminal', retryAfterSeconds: secondsUntil(terminal.oldest + policy.windowMs, now) };
    }
    const failures = this.consecutiveFailures(kind, subject, since);
    if (failures.count >= policy.maxFailuresPerSubject && failures.last !== null) {
      return { allowed: false, scope: 'subject', retryAfterSeconds: secondsUntil(failures.last + policy.windowMs, now) };
    }
    return { allowed: true, failuresLeft: policy.maxFailuresPerSubject - failures.count };
  }

  /**
   * Checks the limits and, when allowed, records the attempt as a failure in the same synchronous
   * step, before the slow comparison of the secret. Guesses sent at once are therefore counted as
   * they arrive: a burst of N never has more than the limit checked, whatever N is.
   */
  reserve(kind: AttemptKind, subject: string, policy: LimitPolicy): ReservationVerdict {
    return this.db.transaction((): ReservationVerdict => {
      const verdict = this.check(kind, subject, policy);
      if (!verdict.allowed) return verdict;
      const id = Number(
        this.db
          .prepare('INSERT INTO login_attempt (kind, subject_hash, attempted_at, succeeded) VALUES (?, ?, ?, 0)')
          .run(kind, this.hash(subject), this.clock()).lastInsertRowid,
      );
      return {
        allowed: true,
        failuresLeft: verdict.failuresLeft,
        attempt: {
          succeed: () => void this.db.prepare('UPDATE login_attempt SET succeeded = 1 WHERE id = ?').run(id),
          cancel: () => void this.db.prepare('DELETE FROM login_attempt WHERE id = ?').run(id),
        },
      };
    })();
  }

  /** Ends a subject's run of counted attempts (a login that followed them), as a reserved attempt's `succeed()` does. */
  recordSuccess(kind: AttemptKind, subject: string): void {
    this.db
      .prepare('INSERT INTO login_attempt (kind, subject_hash, attempted_at, succeeded) VALUES (?, ?, ?, 1)')
      .run(kind, this.hash(subject), this.clock());
  }

  /** Staff "reset limits": forgets every failure of one kind (or all kinds). */
  reset(kind?: AttemptKind): void {
    if (kind) this.db.prepare('DELETE FROM login_attempt WHERE kind = ?').run(kind);
    else this.db.prepare('DELETE FROM login_attempt').run();
  }

  /** Drops attempts older than a day: lockouts never look further back. */
  prune(olderThanMs = 24 * 60 * 60 * 1000): void {
    this.db.prepare('DELETE FROM login_attempt WHERE attempted_at < ?').run(this.clock() - olderThanMs);
  }

  private consecutiveFailures(kind: AttemptKind, subject: string, since: number): { count: number; last: number | null } {
    const rows = this.db
      .prepare<[string, string, number], { attempted_at: number; succeeded: number }>(
        `SELECT attempted_at, succeeded FROM login_attempt
         WHERE kind = ? AND subject_hash = ? AND attempted_at > ?
         ORDER BY attempted_at DESC, id DESC LIMIT 200`,
      )
      .all(kind, this.hash(subject), since);
    let count = 0;
    for (const row of rows) {
      if (row.succeeded) break;
      count += 1;
    }
    return { count, last: rows[0] && !rows[0].succeeded ? rows[0].attempted_at : null };
  }

  private hash(subject: string): string {
    return crypto.createHmac('sha256', this.secret).update(subject).digest('base64url');
  }
}

function secondsUntil(at: number, now: number): number {
  return Math.max(1, Math.ceil((at - now) / 1000));
}

function loadOrCreateSecret(db: KioskDatabase): string {
  const row = db.prepare<[], { value: string }>("SELECT value FROM terminal_setting WHERE name = 'subject-hash-secret'").get();
  if (row) return row.value;
  const secret = crypto.randomBytes(32).toString('base64url');
  db.prepare("INSERT INTO terminal_setting (name, value) VALUES ('subject-hash-secret', ?)").run(secret);
  return secret;
}
