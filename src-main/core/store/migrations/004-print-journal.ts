// The print journal: every print job, what it was for, for which account, and how it ended, so a
// job the printer could not print is never lost and staff can reprint it.
import type { Migration } from './index';

export const migration004PrintJournal: Migration = {
  version: 4,
  name: 'print-journal',
  up(db) {
    db.exec(`
      CREATE TABLE print_job (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        account_number TEXT,
        session_id TEXT,
        -- the receipt model (not the bytes): a reprint lays it out again for the current printer
        receipt_json TEXT,
        status TEXT NOT NULL CHECK (status IN ('printing', 'printed', 'failed', 'not-confirmed')),
        printer_state TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        finished_at INTEGER,
        reprint_of INTEGER REFERENCES print_job (id),
        receipt_wiped_at INTEGER
      ) STRICT;
      CREATE INDEX print_job_by_status ON print_job (status, created_at);
    `);
  },
};
