// Per-install settings, login attempts (for per-account and per-terminal lockouts) and the reference-data cache that
// lets the start screen work while the billing centre is unreachable.
import type { Migration } from './index';

export const migration001Initial: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE login_attempt (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('customer', 'staff', 'registration', 'password-reset')),
        -- the account or staff number tried; hashed so the log of attempts names nobody
        subject_hash TEXT NOT NULL,
        attempted_at INTEGER NOT NULL,
        succeeded INTEGER NOT NULL CHECK (succeeded IN (0, 1))
      ) STRICT;
      CREATE INDEX login_attempt_by_subject ON login_attempt (kind, subject_hash, attempted_at);
      CREATE INDEX login_attempt_by_time ON login_attempt (kind, attempted_at);

      -- per-install values such as the secret that keys subject hashes
      CREATE TABLE terminal_setting (
        name TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE reference_cache (
        cache_key TEXT PRIMARY KEY,
        value_json TEXT NOT NULL,
        fetched_at INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
