// Office staff who may open the staff screen (PINs stored only as scrypt hashes), and the audit
// log of everything they do there. The log is append-only: triggers refuse UPDATE and DELETE.
import type { Migration } from './index';

export const migration003Staff: Migration = {
  version: 3,
  name: 'staff',
  up(db) {
    db.exec(`
      CREATE TABLE staff_member (
        staff_number TEXT PRIMARY KEY,
        display_name TEXT NOT NULL,
        pin_hash TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1))
      ) STRICT;

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        staff_number TEXT NOT NULL,
        action TEXT NOT NULL,
        account_number TEXT,
        details_json TEXT
      ) STRICT;
      CREATE INDEX audit_log_by_time ON audit_log (at);

      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'the audit log cannot be changed'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'the audit log cannot be changed'); END;
    `);
  },
};
