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

/** A schema-2 terminal with a queued submission and its settings. */
function usedAtVersion2(): KioskDatabase {
  const db = databaseAtVersion(2);
  db.prepare("INSERT INTO terminal_setting (name, value) VALUES ('subject-key', 'secret')").run();
  db.prepare(
    "INSERT INTO submission (id, kind, account_number, local_reference, summary_json, created_at) VALUES (1, 'appeal', '820000002', 'UIS-01-000007', '{}', 10)",
  ).run();
  db.prepare(
    `INSERT INTO outbox_message (submission_id, idempotency_key, kind, account_number, payload_json, status, next_attempt_at, created_at)
     VALUES (1, 'key-7', 'appeal', '820000002', '{"text":"нет воды"}', 'pending', 20, 10)`,
  ).run();
  return db;
}

const audit = (db: KioskDatabase, action: string) =>
  db
    .prepare("INSERT INTO audit_log (at, staff_number, action, account_number, details_json) VALUES (100, '1001', ?, '820000002', NULL)")
    .run(action);

describe('migration 003: staff', () => {
  it('adds staff members and the audit log to a schema-2 terminal and leaves the queued submission alone', () => {
    const db = usedAtVersion2();
    const before = Object.fromEntries(['terminal_setting', 'submission', 'outbox_message'].map((table) => [table, allRows(db, table)]));
    migrateTo(db, 3);

    expect(schemaVersion(db)).toBe(3);
    expect(schemaNames(db, 'table')).toEqual(expect.arrayContaining(['staff_member', 'audit_log']));
    expect(schemaNames(db, 'table')).toHaveLength(7);
    for (const [table, rows] of Object.entries(before)) expect(allRows(db, table), table).toEqual(rows);
    expect(isStrict(db, 'staff_member')).toBe(true);
    expect(isStrict(db, 'audit_log')).toBe(true);
    expect(columnsOf(db, 'staff_member').map(({ name, primaryKey }) => [name, primaryKey])).toEqual([
      ['staff_number', true],
      ['display_name', false],
      ['pin_hash', false],
      ['created_at', false],
      ['disabled', false],
    ]);
    expect(columnsOf(db, 'audit_log').map(({ name }) => name)).toEqual([
      'id',
      'at',
      'staff_number',
      'action',
      'account_number',
      'details_json',
    ]);
    expect(indexedColumns(db, 'audit_log_by_time')).toEqual(['at']);
    expect(schemaNames(db, 'trigger')).toEqual(['audit_log_no_delete', 'audit_log_no_update']);
    db.close();
  });

  it('keeps staff enabled unless disabled, and the audit log append-only: no update, no delete', () => {
    const db = databaseAtVersion(3);
    db.prepare(
      "INSERT INTO staff_member (staff_number, display_name, pin_hash, created_at) VALUES ('1001', 'Петрова А. В.', 'scrypt$…', 5)",
    ).run();
    expect(allRows(db, 'staff_member')).toMatchObject([{ staff_number: '1001', disabled: 0 }]);
    expect(() => db.prepare("UPDATE staff_member SET disabled = 2 WHERE staff_number = '1001'").run()).toThrow(/CHECK constraint failed/);

    audit(db, 'staff.login');
    audit(db, 'assist.open');
    expect(() => db.prepare("UPDATE audit_log SET action = 'nothing' WHERE id = 1").run()).toThrow('the audit log cannot be changed');
    expect(() => db.prepare('DELETE FROM audit_log WHERE id = 2').run()).toThrow('the audit log cannot be changed');
    expect(allRows(db, 'audit_log')).toMatchObject([{ action: 'staff.login' }, { action: 'assist.open' }]);
    db.close();
  });
});
