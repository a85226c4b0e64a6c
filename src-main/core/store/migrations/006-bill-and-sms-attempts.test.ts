import { describe, expect, it } from 'vitest';
import type { KioskDatabase } from '../database';
import { allRows, databaseAtVersion, indexedColumns, isStrict, migrateTo, schemaNames, schemaVersion } from './migration-test-kit';

const insertAttempt = (db: KioskDatabase, kind: string) =>
  db.prepare('INSERT INTO login_attempt (kind, subject_hash, attempted_at, succeeded) VALUES (?, ?, 100, 0)').run(kind, `hash-${kind}`);

describe('migration 006: bill-code and SMS-code attempts', () => {
  it('keeps every attempt of a schema-5 terminal, with its lockout indexes', () => {
    const db = databaseAtVersion(5);
    insertAttempt(db, 'customer');
    insertAttempt(db, 'staff');
    db.prepare("INSERT INTO login_attempt (kind, subject_hash, attempted_at, succeeded) VALUES ('registration', 'h', 7, 1)").run();
    const before = allRows(db, 'login_attempt');
    migrateTo(db, 6);

    expect(schemaVersion(db)).toBe(6);
    expect(allRows(db, 'login_attempt')).toEqual(before);
    expect(isStrict(db, 'login_attempt')).toBe(true);
    expect(schemaNames(db, 'table')).not.toContain('login_attempt_new');
    expect(indexedColumns(db, 'login_attempt_by_subject')).toEqual(['kind', 'subject_hash', 'attempted_at']);
    expect(indexedColumns(db, 'login_attempt_by_time')).toEqual(['kind', 'attempted_at']);
    db.close();
  });

  it('takes the two new kinds and still refuses a kind nobody counts', () => {
    const before = databaseAtVersion(5);
    expect(() => insertAttempt(before, 'bill-code')).toThrow(/CHECK constraint/);
    before.close();

    const db = databaseAtVersion(6);
    expect(() => insertAttempt(db, 'bill-code')).not.toThrow();
    expect(() => insertAttempt(db, 'sms-code')).not.toThrow();
    expect(() => insertAttempt(db, 'bill')).toThrow(/CHECK constraint/);
    db.close();
  });
});
