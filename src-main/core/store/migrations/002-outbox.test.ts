import { describe, expect, it } from 'vitest';
import type { KioskDatabase } from '../database';
import {
  allRows,
  columnsOf,
  databaseAtVersion,
  indexedColumns,
  isStrict,
  migrateTo,
  schemaNames,
  schemaVersion,
} from './migration-test-kit';

/** A schema-1 terminal that has been in use: attempts, its subject key and cached announcements. */
function usedAtVersion1(): KioskDatabase {
  const db = databaseAtVersion(1);
  db.prepare(
    "INSERT INTO login_attempt (kind, subject_hash, attempted_at, succeeded) VALUES ('customer', 'h1', 1000, 0), ('staff', 'h2', 2000, 1)",
  ).run();
  db.prepare("INSERT INTO terminal_setting (name, value) VALUES ('subject-key', 'secret')").run();
  db.prepare('INSERT INTO reference_cache (cache_key, value_json, fetched_at) VALUES (?, ?, ?)').run(
    'announcements',
    '[{"title":"Отключение"}]',
    3000,
  );
  return db;
}

function insertSubmission(db: KioskDatabase, id: number, localReference: string): void {
  db.prepare(
    "INSERT INTO submission (id, kind, account_number, local_reference, summary_json, created_at) VALUES (?, 'readings', '820000001', ?, '{}', 10)",
  ).run(id, localReference);
}

const insertMessage = (db: KioskDatabase, submissionId: number, key: string, status = 'pending') =>
  db
    .prepare(
      `INSERT INTO outbox_message (submission_id, idempotency_key, kind, account_number, payload_json, status, next_attempt_at, created_at)
       VALUES (?, ?, 'readings', '820000001', '{}', ?, 10, 10)`,
    )
    .run(submissionId, key, status);

describe('migration 002: outbox', () => {
  it('adds the submission and outbox tables to a schema-1 terminal and keeps its rows as they were', () => {
    const db = usedAtVersion1();
    const before = Object.fromEntries(['login_attempt', 'terminal_setting', 'reference_cache'].map((table) => [table, allRows(db, table)]));
    migrateTo(db, 2);

    expect(schemaVersion(db)).toBe(2);
    expect(schemaNames(db, 'table')).toEqual(['login_attempt', 'outbox_message', 'reference_cache', 'submission', 'terminal_setting']);
    for (const [table, rows] of Object.entries(before)) expect(allRows(db, table), table).toEqual(rows);
    expect(isStrict(db, 'submission')).toBe(true);
    expect(isStrict(db, 'outbox_message')).toBe(true);
    expect(columnsOf(db, 'submission').map(({ name }) => name)).toEqual([
      'id',
      'kind',
      'account_number',
      'session_id',
      'local_reference',
      'summary_json',
      'created_at',
    ]);
    const outbox = columnsOf(db, 'outbox_message');
    expect(outbox.map(({ name }) => name)).toEqual([
      'id',
      'submission_id',
      'idempotency_key',
      'kind',
      'account_number',
      'payload_json',
      'status',
      'attempts',
      'next_attempt_at',
      'created_at',
      'delivered_at',
      'last_error',
      'rejection_code',
      'rejection_message',
      'result_json',
      'handled_by',
      'handled_at',
      'payload_wiped_at',
    ]);
    // A payload can be wiped after delivery; what must reach the billing centre never lacks a status.
    expect(outbox.find((column) => column.name === 'payload_json')?.notNull).toBe(false);
    expect(outbox.find((column) => column.name === 'status')?.notNull).toBe(true);
    // The worker picks due messages by status and time; staff and retention look them up per account.
    expect(indexedColumns(db, 'outbox_due')).toEqual(['status', 'next_attempt_at']);
    expect(indexedColumns(db, 'outbox_by_account')).toEqual(['account_number', 'id']);
    expect(indexedColumns(db, 'submission_by_account')).toEqual(['account_number', 'created_at']);
    db.close();
  });

  it('ties every message to its submission, sends each idempotency key once and knows only four statuses', () => {
    const db = databaseAtVersion(2);
    insertSubmission(db, 1, 'UIS-01-000001');
    insertMessage(db, 1, 'key-1');
    expect(allRows(db, 'outbox_message')).toMatchObject([{ submission_id: 1, status: 'pending', attempts: 0, delivered_at: null }]);

    // foreign_keys is on: a message for no submission cannot be written.
    expect(() => insertMessage(db, 99, 'key-2')).toThrow(/FOREIGN KEY constraint failed/);
    expect(() => insertMessage(db, 1, 'key-1')).toThrow(/UNIQUE constraint failed: outbox_message.idempotency_key/);
    expect(() => insertSubmission(db, 2, 'UIS-01-000001')).toThrow(/UNIQUE constraint failed: submission.local_reference/);
    for (const status of ['delivered', 'rejected', 'handled']) insertMessage(db, 1, `key-${status}`, status);
    expect(() => insertMessage(db, 1, 'key-lost', 'lost')).toThrow(/CHECK constraint failed/);
    db.close();
  });
});
