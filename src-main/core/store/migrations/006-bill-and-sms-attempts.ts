// Two more kinds of counted attempts, for the customer with no password: a wrong «код квитанции»
// (bill sessions) and a request for an SMS code (each one sends a paid SMS to someone's phone).
// SQLite cannot change a CHECK constraint in place, so the table is rebuilt with every row kept.
import type { Migration } from './index';

export const migration006BillAndSmsAttempts: Migration = {
  version: 6,
  name: 'bill-and-sms-attempts',
  up(db) {
    db.exec(`
      CREATE TABLE login_attempt_new (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('customer', 'staff', 'registration', 'password-reset', 'bill-code', 'sms-code')),
        -- the account or staff number tried; hashed so the log of attempts names nobody
        subject_hash TEXT NOT NULL,
        attempted_at INTEGER NOT NULL,
        succeeded INTEGER NOT NULL CHECK (succeeded IN (0, 1))
      ) STRICT;
      INSERT INTO login_attempt_new (id, kind, subject_hash, attempted_at, succeeded)
        SELECT id, kind, subject_hash, attempted_at, succeeded FROM login_attempt;
      DROP TABLE login_attempt;
      ALTER TABLE login_attempt_new RENAME TO login_attempt;
      CREATE INDEX login_attempt_by_subject ON login_attempt (kind, subject_hash, attempted_at);
      CREATE INDEX login_attempt_by_time ON login_attempt (kind, attempted_at);
    `);
  },
};
