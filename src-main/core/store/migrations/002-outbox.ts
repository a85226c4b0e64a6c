// The write-ahead outbox: every customer submission is a `submission` (the business record the
// receipt and staff screens read) plus an `outbox_message` (what must reach the billing centre),
// committed together before any network call.
import type { Migration } from './index';

export const migration002Outbox: Migration = {
  version: 2,
  name: 'outbox',
  up(db) {
    db.exec(`
      CREATE TABLE submission (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        account_number TEXT NOT NULL,
        session_id TEXT,
        -- shown to the customer at once, before the billing centre answers: terminal id + sequence
        local_reference TEXT NOT NULL UNIQUE,
        -- what the confirmation and the receipt show; personal parts are wiped after retention
        summary_json TEXT,
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX submission_by_account ON submission (account_number, created_at);

      CREATE TABLE outbox_message (
        id INTEGER PRIMARY KEY,
        submission_id INTEGER NOT NULL REFERENCES submission (id),
        idempotency_key TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        account_number TEXT NOT NULL,
        payload_json TEXT,
        status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'rejected', 'handled')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        delivered_at INTEGER,
        last_error TEXT,
        rejection_code TEXT,
        rejection_message TEXT,
        result_json TEXT,
        handled_by TEXT,
        handled_at INTEGER,
        payload_wiped_at INTEGER
      ) STRICT;
      CREATE INDEX outbox_due ON outbox_message (status, next_attempt_at);
      CREATE INDEX outbox_by_account ON outbox_message (account_number, id);
    `);
  },
};
