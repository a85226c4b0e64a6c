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

/** A schema-3 terminal with a staff member, an audit row and a delivered submission. */
function usedAtVersion3(): KioskDatabase {
  const db = databaseAtVersion(3);
  db.prepare(
    "INSERT INTO staff_member (staff_number, display_name, pin_hash, created_at) VALUES ('1001', 'Петрова А. В.', 'scrypt$…', 5)",
  ).run();
  db.prepare(
    "INSERT INTO audit_log (at, staff_number, action, account_number, details_json) VALUES (100, '1001', 'staff.login', NULL, NULL)",
  ).run();
  db.prepare(
    "INSERT INTO submission (id, kind, account_number, local_reference, summary_json, created_at) VALUES (1, 'readings', '820000003', 'UIS-01-000002', '{}', 10)",
  ).run();
  db.prepare(
    `INSERT INTO outbox_message (submission_id, idempotency_key, kind, account_number, payload_json, status, next_attempt_at, created_at, delivered_at)
     VALUES (1, 'key-2', 'readings', '820000003', NULL, 'delivered', 20, 10, 30)`,
  ).run();
  return db;
}

const insertJob = (db: KioskDatabase, status: string, reprintOf: number | null = null) =>
  db
    .prepare(
      "INSERT INTO print_job (kind, account_number, receipt_json, status, created_at, reprint_of) VALUES ('payment-slip', '820000001', '{}', ?, 50, ?)",
    )
    .run(status, reprintOf);

describe('migration 004: print journal', () => {
  it('adds the print journal to a schema-3 terminal; staff, their audit log and the outbox stay as they were', () => {
    const db = usedAtVersion3();
    const tables = ['staff_member', 'audit_log', 'submission', 'outbox_message'];
    const before = Object.fromEntries(tables.map((table) => [table, allRows(db, table)]));
    migrateTo(db, 4);

    expect(schemaVersion(db)).toBe(4);
    expect(schemaNames(db, 'table')).toContain('print_job');
    expect(schemaNames(db, 'table')).toHaveLength(8);
    for (const [table, rows] of Object.entries(before)) expect(allRows(db, table), table).toEqual(rows);
    // The audit log is still append-only after the migration.
    expect(schemaNames(db, 'trigger')).toEqual(['audit_log_no_delete', 'audit_log_no_update']);
    expect(isStrict(db, 'print_job')).toBe(true);
    expect(columnsOf(db, 'print_job').map(({ name }) => name)).toEqual([
      'id',
      'kind',
      'account_number',
      'session_id',
      'receipt_json',
      'status',
      'printer_state',
      'attempts',
      'created_at',
      'finished_at',
      'reprint_of',
      'receipt_wiped_at',
    ]);
    // A test page belongs to no account; the receipt of a customer is wiped after the visit.
    expect(columnsOf(db, 'print_job').find((column) => column.name === 'account_number')?.notNull).toBe(false);
    expect(columnsOf(db, 'print_job').find((column) => column.name === 'receipt_json')?.notNull).toBe(false);
    expect(indexedColumns(db, 'print_job_by_status')).toEqual(['status', 'created_at']);
    db.close();
  });

  it('records a failed job, its reprint pointing back at it, and only the four outcomes a job can have', () => {
    const db = databaseAtVersion(4);
    insertJob(db, 'failed');
    insertJob(db, 'printed', 1);
    expect(allRows(db, 'print_job')).toMatchObject([
      { id: 1, status: 'failed', attempts: 0, reprint_of: null },
      { id: 2, status: 'printed', attempts: 0, reprint_of: 1 },
    ]);
    for (const status of ['printing', 'not-confirmed']) insertJob(db, status);
    expect(() => insertJob(db, 'lost')).toThrow(/CHECK constraint failed/);
    expect(() => insertJob(db, 'printed', 99)).toThrow(/FOREIGN KEY constraint failed/);
    db.close();
  });
});
