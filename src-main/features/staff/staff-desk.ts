// Office staff at the terminal: PIN login with lockouts, the one staff session, and the audit log
// every staff action is written to (append-only; the database refuses edits).
import { KioskFailure } from '../../core/api/contract';
import type { LimitPolicy, LoginLimiter } from '../../core/session/login-limiter';
import { message } from '../../core/messages/messages';
import type { KioskDatabase } from '../../core/store/database';
import { hashSecret, verifySecret } from '../../core/security/secret-hash';
import { isAccountMethodName, type AccountMethodName } from '../kiosk-methods';
import { readAuditEvent, storedAuditEvent, type AuditEvent, type StaffAuditEvent } from './audit-events';

export interface StaffMemberSeed {
  staffNumber: string;
  displayName: string;
  /** `scrypt$…` as made by `hashSecret`, or a plain PIN for the training-mode demo member only. */
  pinHash: string;
}

export interface StaffSession {
  staffNumber: string;
  displayName: string;
  startedAt: number;
}

export interface AuditEntry {
  id: number;
  at: number;
  staffNumber: string;
  /** The member's name as the staff list has it; null for a number no longer on the list. */
  staffName: string | null;
  accountNumber: string | null;
  event: AuditEvent;
}

/** A staff session nobody has used for this long ends by itself (the screen's idle guard is much shorter). */
export const STAFF_SESSION_IDLE_MS = 15 * 60_000;

export class StaffDesk {
  private current: StaffSession | null = null;
  private lastUsedAt = 0;

  constructor(
    private readonly db: KioskDatabase,
    private readonly limiter: LoginLimiter,
    private readonly policy: LimitPolicy,
    private readonly clock: () => number = Date.now,
    private readonly sessionIdleMs: number = STAFF_SESSION_IDLE_MS,
  ) {}

  /** The staff member on duty; a session left unused too long is closed (and audited) here. */
  get session(): StaffSession | null {
    if (this.current && this.clock() - this.lastUsedAt > this.sessionIdleMs) {
      this.auditAs(this.current.staffNumber, { action: 'staff.logout', reason: 'inactivity' });
      this.current = null;
    }
    return this.current;
  }

  /**
   * Adds members that are not there yet. An existing member's PIN is never overwritten here; their
   * name follows the staff list, which is what the audit log shows beside the number.
   */
  ensureMembers(members: readonly StaffMemberSeed[]): void {
    const insert = this.db.prepare(
      'INSERT INTO staff_member (staff_number, display_name, pin_hash, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (staff_number) DO NOTHING',
    );
    const rename = this.db.prepare('UPDATE staff_member SET display_name = ? WHERE staff_number = ? AND display_name <> ?');
    for (const member of members) {
      const exists = this.db.prepare('SELECT 1 FROM staff_member WHERE staff_number = ?').get(member.staffNumber);
      if (exists) {
        rename.run(member.displayName, member.staffNumber, member.displayName);
        continue;
      }
      const pinHash = member.pinHash.startsWith('scrypt$') ? member.pinHash : hashSecret(member.pinHash);
      insert.run(member.staffNumber, member.displayName, pinHash, this.clock());
    }
  }

  async login(staffNumber: string, pin: string): Promise<StaffSession> {
    const verdict = this.limiter.reserve('staff', staffNumber, this.policy);
    if (!verdict.allowed) {
      throw new KioskFailure({
        code: 'locked-out',
        retryAfterSeconds: verdict.retryAfterSeconds,
        // The wait is not in the words: the screen counts `retryAfterSeconds` down beside them.
        message: message('staff.errors.locked-out'),
      });
    }
    const member = this.db
      .prepare<[string], { display_name: string; pin_hash: string; disabled: number }>(
        'SELECT display_name, pin_hash, disabled FROM staff_member WHERE staff_number = ?',
      )
      .get(staffNumber);
    // Verify against a dummy hash when the number is unknown, so timing does not tell which numbers exist.
    const ok = (await verifySecret(pin, member?.pin_hash ?? getDummyHash())) && member !== undefined && member.disabled === 0;
    if (ok) verdict.attempt.succeed();
    if (!ok || !member) {
      const after = this.limiter.check('staff', staffNumber, this.policy);
      throw new KioskFailure({
        code: after.allowed ? 'wrong-credentials' : 'locked-out',
        ...(after.allowed ? {} : { retryAfterSeconds: after.retryAfterSeconds }),
        message: after.allowed
          ? message('staff.errors.wrong-credentials', { attemptsLeft: after.failuresLeft })
          : message('staff.errors.locked-out'),
      });
    }
    this.current = { staffNumber, displayName: member.display_name, startedAt: this.clock() };
    this.lastUsedAt = this.clock();
    this.audit({ action: 'staff.login' });
    return this.current;
  }

  logout(): void {
    if (!this.session) return;
    this.audit({ action: 'staff.logout' });
    this.current = null;
  }

  /** The staff member on duty, or a refusal for a method that needs one. */
  require(): StaffSession {
    const session = this.session;
    if (!session) throw new KioskFailure({ code: 'staff-only', message: message('errors.staff-only') });
    this.lastUsedAt = this.clock();
    return session;
  }

  /** Writes an action of the staff member on duty to the append-only audit log. */
  audit(event: StaffAuditEvent, accountNumber: string | null = null): void {
    this.auditAs(this.require().staffNumber, event, accountNumber);
  }

  /** Writes an action in a named staff member's name (e.g. the end of their assisted visit after their session closed). */
  auditAs(staffNumber: string, event: StaffAuditEvent, accountNumber: string | null = null): void {
    const { action, details } = storedAuditEvent(event);
    this.insertAuditRow(staffNumber, action, accountNumber, details);
  }

  /** Writes a call staff made on a customer's account during assisted service, with its outcome (`ok` or the refusal's code). */
  auditAssistedCall(staffNumber: string, method: AccountMethodName, accountNumber: string, outcome: string): void {
    this.insertAuditRow(staffNumber, method, accountNumber, { assisted: true, outcome });
  }

  /** The newest entries first, each read back as a typed event with the staff member's name. */
  auditTrail(limit = 100): AuditEntry[] {
    return this.db
      .prepare<
        [number],
        {
          id: number;
          at: number;
          staff_number: string;
          display_name: string | null;
          action: string;
          account_number: string | null;
          details_json: string | null;
        }
      >(
        `SELECT audit_log.*, staff_member.display_name FROM audit_log
           LEFT JOIN staff_member ON staff_member.staff_number = audit_log.staff_number
         ORDER BY audit_log.id DESC LIMIT ?`,
      )
      .all(limit)
      .map((row) => ({
        id: row.id,
        at: row.at,
        staffNumber: row.staff_number,
        staffName: row.display_name,
        accountNumber: row.account_number,
        event: readAuditEvent(row.action, parseDetails(row.details_json), isAccountMethodName),
      }));
  }

  private insertAuditRow(staffNumber: string, action: string, accountNumber: string | null, details: unknown): void {
    this.db
      .prepare('INSERT INTO audit_log (at, staff_number, action, account_number, details_json) VALUES (?, ?, ?, ?, ?)')
      .run(this.clock(), staffNumber, action, accountNumber, details === null ? null : JSON.stringify(details));
  }
}

/** A row's details; text that is not JSON (not written by this kiosk) reads as none, and the row as unreadable. */
function parseDetails(json: string | null): unknown {
  if (json === null) return null;
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

// A valid hash of a random PIN with the same parameters, computed on first use (not at start-up:
// scrypt with OWASP parameters takes a noticeable fraction of a second).
let dummyHash: string | undefined;
function getDummyHash(): string {
  dummyHash ??= hashSecret(Math.random().toString(36));
  return dummyHash;
}
