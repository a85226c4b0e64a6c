import { describe, expect, it } from 'vitest';
import type { KioskDatabase } from '../database';
import { allRows, databaseAtVersion, migrateTo, schemaNames, schemaVersion } from './migration-test-kit';

/** A schema-4 terminal with a delivered reading and a pending appeal in the outbox. */
function usedAtVersion4(): KioskDatabase {
  const db = databaseAtVersion(4);
  db.prepare(
    "INSERT INTO submission (id, kind, account_number, local_reference, summary_json, created_at) VALUES (1, 'readings', '820000003', 'UIS-01-000001', '{}', 10), (2, 'appeal', '820000001', 'UIS-01-000002', '{}', 11)",
  ).run();
  db.prepare(
    `INSERT INTO outbox_message (submission_id, idempotency_key, kind, account_number, payload_json, status, next_attempt_at, created_at)
     VALUES (1, 'key-1', 'readings', '820000003', NULL, 'delivered', 20, 10), (2, 'key-2', 'appeal', '820000001', '{}', 'pending', 20, 11)`,
  ).run();
  return db;
}

const insertSubmission = (db: KioskDatabase, kind: string) =>
  db
    .prepare("INSERT INTO submission (kind, account_number, local_reference, created_at) VALUES (?, '820000001', ?, 50)")
    .run(kind, `ref-${kind}-${Math.random()}`);

describe('migration 005: submission kinds', () => {
  it('lists the four kinds of the first release and keeps every row of a schema-4 outbox', () => {
    const db = usedAtVersion4();
    const before = { submission: allRows(db, 'submission'), outbox_message: allRows(db, 'outbox_message') };
    migrateTo(db, 5);

    expect(schemaVersion(db)).toBe(5);
    expect(allRows(db, 'submission_kind')).toEqual([
      { name: 'appeal' },
      { name: 'password-change' },
      { name: 'profile' },
      { name: 'readings' },
    ]);
    expect(allRows(db, 'submission')).toEqual(before.submission);
    expect(allRows(db, 'outbox_message')).toEqual(before.outbox_message);
    expect(schemaNames(db, 'trigger')).toEqual(expect.arrayContaining(['outbox_message_kind_listed', 'submission_kind_listed']));
    db.close();
  });

  it('refuses a submission or an outbox message of a kind that is not listed, and takes one once it is', () => {
    const db = databaseAtVersion(5);
    expect(() => insertSubmission(db, 'readings')).not.toThrow();
    expect(() => insertSubmission(db, 'reading')).toThrow(/unknown submission kind/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO outbox_message (submission_id, idempotency_key, kind, account_number, payload_json, status, next_attempt_at, created_at)
           VALUES (1, 'k', 'typo', '820000001', '{}', 'pending', 0, 0)`,
        )
        .run(),
    ).toThrow(/unknown submission kind/);
    db.prepare("INSERT INTO submission_kind (name) VALUES ('bill-readings')").run();
    expect(() => insertSubmission(db, 'bill-readings')).not.toThrow();
    db.close();
  });

  it('keeps a kind an older release wrote even if it is not one of the four', () => {
    const db = databaseAtVersion(4);
    insertSubmission(db, 'legacy-kind');
    migrateTo(db, 5);
    expect(allRows(db, 'submission_kind')).toContainEqual({ name: 'legacy-kind' });
    db.close();
  });
});
