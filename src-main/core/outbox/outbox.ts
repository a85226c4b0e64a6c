// The outbox's storage: a submission and its outbox message are committed in one transaction
// (synchronous=FULL) before anything is sent; the worker then moves the message through
// pending → delivered | rejected, and staff may retry or mark a rejected one handled.
import crypto from 'node:crypto';
import type { KioskDatabase } from '../store/database';
import type { SubmissionKind, SubmissionKinds } from './submission-kinds';

export type OutboxStatus = 'pending' | 'delivered' | 'rejected' | 'handled';

export interface OutboxMessage {
  id: number;
  submissionId: number;
  idempotencyKey: string;
  kind: string;
  accountNumber: string;
  payload: unknown;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: number;
  createdAt: number;
  deliveredAt: number | null;
  lastError: string | null;
  rejectionCode: string | null;
  rejectionMessage: string | null;
  result: unknown;
  localReference: string;
}

export interface EnqueueInput {
  kind: string;
  accountNumber: string;
  sessionId: string | null;
  /** What the billing centre receives. */
  payload: unknown;
  /** What the confirmation screen and receipt show. */
  summary: unknown;
}

export interface Enqueued {
  submissionId: number;
  messageId: number;
  idempotencyKey: string;
  localReference: string;
}

export interface OutboxStats {
  pending: number;
  rejected: number;
  delivered: number;
  oldestPendingAt: number | null;
}

interface OutboxRow {
  id: number;
  submission_id: number;
  idempotency_key: string;
  kind: string;
  account_number: string;
  payload_json: string | null;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: number;
  created_at: number;
  delivered_at: number | null;
  last_error: string | null;
  rejection_code: string | null;
  rejection_message: string | null;
  result_json: string | null;
  local_reference: string;
}

const SELECT_MESSAGE = `SELECT m.*, s.local_reference FROM outbox_message m JOIN submission s ON s.id = m.submission_id`;

export interface OutboxOptions {
  terminalId: string;
  clock?: () => number;
  /** The kinds the features declare: rows are checked against them and listed in `submission_kind`. */
  kinds: SubmissionKinds;
}

/**
 * The enqueue's one transaction, its statements prepared once: preparing three statements and a
 * transaction at every enqueue cost CPU time on the path a customer waits on.
 */
function prepareSubmissionWrite(db: KioskDatabase, terminalId: string) {
  const insertSubmission = db.prepare<[string, string, string | null, string, string, number]>(
    `INSERT INTO submission (kind, account_number, session_id, local_reference, summary_json, created_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const setReference = db.prepare<[string, number]>('UPDATE submission SET local_reference = ? WHERE id = ?');
  const insertMessage = db.prepare<[number, string, string, string, string, number, number]>(
    `INSERT INTO outbox_message (submission_id, idempotency_key, kind, account_number, payload_json, status, next_attempt_at, created_at)
     VALUES (?, ?, ?, ?, ?, 'pending', ?, ?)`,
  );
  return db.transaction((input: EnqueueInput, idempotencyKey: string, payloadJson: string, summaryJson: string, now: number): Enqueued => {
    const submission = insertSubmission.run(
      input.kind,
      input.accountNumber,
      input.sessionId,
      `pending-${idempotencyKey}`,
      summaryJson,
      now,
    );
    const submissionId = Number(submission.lastInsertRowid);
    // A short reference a person can read out: terminal + sequence number.
    const localReference = `${terminalId}-${String(submissionId).padStart(6, '0')}`;
    setReference.run(localReference, submissionId);
    const message = insertMessage.run(submissionId, idempotencyKey, input.kind, input.accountNumber, payloadJson, now, now);
    return { submissionId, messageId: Number(message.lastInsertRowid), idempotencyKey, localReference };
  });
}

export class Outbox {
  private readonly terminalId: string;
  private readonly clock: () => number;
  private readonly kinds: SubmissionKinds;
  private readonly writeSubmission: ReturnType<typeof prepareSubmissionWrite>;

  constructor(
    private readonly db: KioskDatabase,
    options: OutboxOptions,
  ) {
    this.terminalId = options.terminalId;
    this.clock = options.clock ?? Date.now;
    this.kinds = options.kinds;
    // The table's triggers refuse a row of a kind not listed; a new feature's kind is listed here.
    const list = db.prepare('INSERT OR IGNORE INTO submission_kind (name) VALUES (?)');
    db.transaction(() => {
      for (const name of this.kinds.names) list.run(name);
    })();
    this.writeSubmission = prepareSubmissionWrite(db, this.terminalId);
  }

  /** Commits the business record and its outbox message together; nothing is sent yet. */
  enqueue(input: EnqueueInput): Enqueued {
    const now = this.clock();
    const idempotencyKey = crypto.randomUUID();
    const payload = this.kinds.parsePayload(input.kind, input.payload);
    const summary = this.kinds.parseSummary(input.kind, input.summary);
    return this.writeSubmission(input, idempotencyKey, JSON.stringify(payload), JSON.stringify(summary), now);
  }

  /**
   * A submission of this kind from this customer visit, by its local reference, with its delivery
   * state (for receipts). The summary is read back through the kind's schema.
   */
  findOfSession<Summary>(
    kind: SubmissionKind<unknown, Summary>,
    localReference: string,
    accountNumber: string,
    sessionId: string,
  ): { summary: Summary | null; createdAt: number; status: OutboxStatus; result: unknown } | null {
    const row = this.db
      .prepare<
        [string, string, string],
        { kind: string; summary_json: string | null; created_at: number; status: OutboxStatus; result_json: string | null }
      >(
        `SELECT s.kind, s.summary_json, s.created_at, m.status, m.result_json FROM submission s
         JOIN outbox_message m ON m.submission_id = s.id
         WHERE s.local_reference = ? AND s.account_number = ? AND s.session_id = ?`,
      )
      .get(localReference, accountNumber, sessionId);
    if (!row || row.kind !== kind.kind) return null;
    return {
      summary: row.summary_json === null ? null : (this.kinds.parseSummary(row.kind, JSON.parse(row.summary_json)) as Summary),
      createdAt: row.created_at,
      status: row.status,
      result: row.result_json === null ? null : (JSON.parse(row.result_json) as unknown),
    };
  }

  get(id: number): OutboxMessage | null {
    const row = this.db.prepare<[number], OutboxRow>(`${SELECT_MESSAGE} WHERE m.id = ?`).get(id);
    return row ? toMessage(row) : null;
  }

  /**
   * The due pending messages, oldest first, at most one per account and none for an account that
   * has an earlier message still pending or in flight: per-account order is kept.
   */
  due(limit: number, excludeAccounts: ReadonlySet<string> = new Set()): OutboxMessage[] {
    const rows = this.db
      .prepare<[number, number], OutboxRow>(
        `${SELECT_MESSAGE}
         WHERE m.status = 'pending' AND m.next_attempt_at <= ?
           AND NOT EXISTS (SELECT 1 FROM outbox_message p
                           WHERE p.account_number = m.account_number AND p.status = 'pending' AND p.id < m.id)
         ORDER BY m.next_attempt_at, m.id LIMIT ?`,
      )
      .all(this.clock(), limit + excludeAccounts.size);
    return rows
      .filter((row) => !excludeAccounts.has(row.account_number))
      .slice(0, limit)
      .map(toMessage);
  }

  /** When the next pending message becomes due (for the worker's sleep), or null if none. */
  nextDueAt(): number | null {
    const row = this.db
      .prepare<[], { at: number | null }>("SELECT min(next_attempt_at) AS at FROM outbox_message WHERE status = 'pending'")
      .get();
    return row?.at ?? null;
  }

  markDelivered(id: number, result: unknown): void {
    this.db
      .prepare(
        `UPDATE outbox_message SET status = 'delivered', delivered_at = ?, result_json = ?, attempts = attempts + 1, last_error = NULL
         WHERE id = ? AND status = 'pending'`,
      )
      .run(this.clock(), JSON.stringify(result ?? null), id);
    this.wipeSecrets(id);
  }

  markRetry(id: number, error: string, nextAttemptAt: number): void {
    this.db
      .prepare(`UPDATE outbox_message SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ? AND status = 'pending'`)
      .run(error, nextAttemptAt, id);
  }

  /**
   * `code` is the billing centre's refusal code or the terminal's own (`unknown-kind`, `invalid-row`);
   * `message` is the billing centre's own words, when it gave any (the terminal's codes need none:
   * the staff screen names them in the staff member's language).
   */
  markRejected(id: number, code: string, message: string | null): void {
    this.db
      .prepare(
        `UPDATE outbox_message SET status = 'rejected', attempts = attempts + 1, rejection_code = ?, rejection_message = ?, last_error = ?
         WHERE id = ? AND status = 'pending'`,
      )
      .run(code, message, message ? `${code}: ${message}` : code, id);
    this.wipeSecrets(id);
  }

  /** Staff: send a rejected message again (e.g. after the billing centre fixed the account). */
  retryRejected(id: number): boolean {
    const changed = this.db
      .prepare(
        `UPDATE outbox_message SET status = 'pending', next_attempt_at = ?, rejection_code = NULL, rejection_message = NULL
         WHERE id = ? AND status = 'rejected' AND payload_json IS NOT NULL`,
      )
      .run(this.clock(), id);
    return changed.changes === 1;
  }

  /** Staff: a rejected message was dealt with by hand; it stays on record. */
  markHandled(id: number, staffId: string): boolean {
    const changed = this.db
      .prepare(`UPDATE outbox_message SET status = 'handled', handled_by = ?, handled_at = ? WHERE id = ? AND status = 'rejected'`)
      .run(staffId, this.clock(), id);
    return changed.changes === 1;
  }

  /** Sends a pending message at once instead of waiting for its back-off. */
  expedite(id: number): void {
    this.db.prepare(`UPDATE outbox_message SET next_attempt_at = ? WHERE id = ? AND status = 'pending'`).run(this.clock(), id);
  }

  list(options: { status?: OutboxStatus; limit?: number } = {}): OutboxMessage[] {
    const limit = options.limit ?? 100;
    const rows = options.status
      ? this.db
          .prepare<[string, number], OutboxRow>(`${SELECT_MESSAGE} WHERE m.status = ? ORDER BY m.id DESC LIMIT ?`)
          .all(options.status, limit)
      : this.db.prepare<[number], OutboxRow>(`${SELECT_MESSAGE} ORDER BY m.id DESC LIMIT ?`).all(limit);
    return rows.map(toMessage);
  }

  stats(): OutboxStats {
    const row = this.db
      .prepare<[], { pending: number; rejected: number; delivered: number; oldest: number | null }>(
        `SELECT
           coalesce(sum(status = 'pending'), 0) AS pending,
           coalesce(sum(status = 'rejected'), 0) AS rejected,
           coalesce(sum(status = 'delivered'), 0) AS delivered,
           min(CASE WHEN status = 'pending' THEN created_at END) AS oldest
         FROM outbox_message`,
      )
      .get();
    return {
      pending: row?.pending ?? 0,
      rejected: row?.rejected ?? 0,
      delivered: row?.delivered ?? 0,
      oldestPendingAt: row?.oldest ?? null,
    };
  }

  /**
   * Retention: settled messages older than `retentionMs` lose their personal payload and summary;
   * the row stays (status, times, reference) so staff statistics remain. Returns rows wiped.
   */
  wipeSettledOlderThan(retentionMs: number): number {
    const cutoff = this.clock() - retentionMs;
    return this.db.transaction(() => {
      const wiped = this.db
        .prepare(
          `UPDATE outbox_message SET payload_json = NULL, result_json = NULL, payload_wiped_at = ?
           WHERE status IN ('delivered', 'handled') AND payload_wiped_at IS NULL AND coalesce(delivered_at, handled_at, created_at) < ?`,
        )
        .run(this.clock(), cutoff);
      this.db
        .prepare(
          `UPDATE submission SET summary_json = NULL
           WHERE summary_json IS NOT NULL AND id IN (SELECT submission_id FROM outbox_message WHERE payload_wiped_at IS NOT NULL)`,
        )
        .run();
      return wiped.changes;
    })();
  }

  private wipeSecrets(id: number): void {
    const row = this.db
      .prepare<[number], { kind: string; payload_json: string | null }>('SELECT kind, payload_json FROM outbox_message WHERE id = ?')
      .get(id);
    const secrets = row ? this.kinds.get(row.kind).secretFields : undefined;
    if (!row?.payload_json || !secrets) return;
    const payload = JSON.parse(row.payload_json) as Record<string, unknown>;
    for (const field of secrets) delete payload[field];
    this.db.prepare('UPDATE outbox_message SET payload_json = ? WHERE id = ?').run(JSON.stringify(payload), id);
    // In WAL mode the row as first written stays in the -wal file until a checkpoint; a truncating
    // checkpoint removes that copy from the disk (secure_delete zeroes the old bytes in the file).
    try {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      // A reader holds the WAL: the next checkpoint (at the latest at close) removes the copy.
    }
  }
}

function toMessage(row: OutboxRow): OutboxMessage {
  return {
    id: row.id,
    submissionId: row.submission_id,
    idempotencyKey: row.idempotency_key,
    kind: row.kind,
    accountNumber: row.account_number,
    payload: row.payload_json === null ? null : JSON.parse(row.payload_json),
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    createdAt: row.created_at,
    deliveredAt: row.delivered_at,
    lastError: row.last_error,
    rejectionCode: row.rejection_code,
    rejectionMessage: row.rejection_message,
    result: row.result_json === null ? null : JSON.parse(row.result_json),
    localReference: row.local_reference,
  };
}
