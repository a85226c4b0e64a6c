// The reference billing server's own SQLite database: accounts, the ledger (charges,
// recalculations, penalties, payments), meters and readings, and what the API writes (sessions,
// idempotency records, appeals, registrations, heartbeats). STRICT tables, WAL, one file.
import Database from 'better-sqlite3';

export type BillingDatabase = Database.Database;

const SCHEMA_V1 = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

CREATE TABLE account (
  account_number TEXT PRIMARY KEY,
  holder_name TEXT NOT NULL,
  address TEXT NOT NULL,
  dwelling TEXT NOT NULL CHECK (dwelling IN ('flat', 'house')),
  area_m2 REAL NOT NULL,
  residents INTEGER NOT NULL,
  email TEXT,
  phone TEXT,
  activation_code TEXT NOT NULL,
  password_hash TEXT,
  registered_at TEXT,
  paper_bill INTEGER NOT NULL DEFAULT 1,
  email_bill INTEGER NOT NULL DEFAULT 0,
  opening_balance_kopecks INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE charge (
  account_number TEXT NOT NULL REFERENCES account,
  period TEXT NOT NULL,
  service TEXT NOT NULL,
  service_name TEXT NOT NULL,
  unit TEXT NOT NULL,
  volume REAL NOT NULL,
  tariff_kopecks REAL NOT NULL,
  amount_kopecks INTEGER NOT NULL,
  basis TEXT NOT NULL,
  PRIMARY KEY (account_number, period, service)
) STRICT;

CREATE TABLE recalculation (
  id INTEGER PRIMARY KEY,
  account_number TEXT NOT NULL REFERENCES account,
  period TEXT NOT NULL,
  service TEXT NOT NULL,
  reason TEXT NOT NULL,
  amount_kopecks INTEGER NOT NULL
) STRICT;
CREATE INDEX recalculation_by_account ON recalculation (account_number, period);

CREATE TABLE penalty (
  account_number TEXT NOT NULL REFERENCES account,
  period TEXT NOT NULL,
  amount_kopecks INTEGER NOT NULL,
  PRIMARY KEY (account_number, period)
) STRICT;

CREATE TABLE payment (
  id INTEGER PRIMARY KEY,
  account_number TEXT NOT NULL REFERENCES account,
  paid_on TEXT NOT NULL,
  amount_kopecks INTEGER NOT NULL CHECK (amount_kopecks > 0),
  channel TEXT NOT NULL
) STRICT;
CREATE INDEX payment_by_account ON payment (account_number, paid_on);

CREATE TABLE meter (
  meter_id TEXT PRIMARY KEY,
  account_number TEXT NOT NULL REFERENCES account,
  service TEXT NOT NULL CHECK (service IN ('hot-water', 'heating')),
  unit TEXT NOT NULL,
  serial_number TEXT NOT NULL,
  installed_on TEXT NOT NULL,
  verification_due_on TEXT NOT NULL,
  integer_digits INTEGER NOT NULL,
  fraction_digits INTEGER NOT NULL
) STRICT;
CREATE INDEX meter_by_account ON meter (account_number);

CREATE TABLE meter_reading (
  id INTEGER PRIMARY KEY,
  meter_id TEXT NOT NULL REFERENCES meter,
  period TEXT NOT NULL,
  taken_on TEXT NOT NULL,
  value REAL NOT NULL,
  registration_number TEXT
) STRICT;
CREATE INDEX meter_reading_by_meter ON meter_reading (meter_id, period);

CREATE TABLE reading_submission (
  registration_number TEXT PRIMARY KEY,
  account_number TEXT NOT NULL REFERENCES account,
  period TEXT NOT NULL,
  accepted_at TEXT NOT NULL,
  submitted_at TEXT NOT NULL,
  terminal_id TEXT NOT NULL,
  readings_json TEXT NOT NULL,
  corrects TEXT
) STRICT;
CREATE INDEX reading_submission_by_account ON reading_submission (account_number, period);

CREATE TABLE session (
  token_hash TEXT PRIMARY KEY,
  account_number TEXT NOT NULL REFERENCES account,
  terminal_id TEXT NOT NULL,
  assisted_by TEXT,
  expires_at INTEGER NOT NULL
) STRICT;

CREATE TABLE idempotency_record (
  terminal_id TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  status INTEGER NOT NULL,
  response_json TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (terminal_id, idempotency_key)
) STRICT;

CREATE TABLE appeal (
  appeal_number TEXT PRIMARY KEY,
  account_number TEXT NOT NULL REFERENCES account,
  topic_id TEXT NOT NULL,
  text TEXT NOT NULL,
  contact_phone TEXT,
  contact_email TEXT,
  registered_at TEXT NOT NULL,
  status TEXT NOT NULL,
  answer TEXT
) STRICT;

CREATE TABLE captcha (
  captcha_id TEXT PRIMARY KEY,
  answer TEXT NOT NULL,
  expires_at INTEGER NOT NULL
) STRICT;

-- What the reference server would e-mail; training staff and tests read the password from here.
CREATE TABLE outgoing_mail (
  id INTEGER PRIMARY KEY,
  account_number TEXT NOT NULL,
  recipient TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  sent_at TEXT NOT NULL
) STRICT;

CREATE TABLE consent_record (
  id INTEGER PRIMARY KEY,
  account_number TEXT NOT NULL,
  text_version TEXT NOT NULL,
  given_at TEXT NOT NULL,
  terminal_id TEXT NOT NULL
) STRICT;

CREATE TABLE heartbeat (
  terminal_id TEXT PRIMARY KEY,
  received_at TEXT NOT NULL,
  body_json TEXT NOT NULL
) STRICT;

CREATE TABLE login_failure (
  account_number TEXT NOT NULL,
  failed_at INTEGER NOT NULL
) STRICT;
CREATE INDEX login_failure_by_account ON login_failure (account_number, failed_at);
`;

// The paper bill and SMS codes. The demo data is regenerated after this migration (the meta key is
// dropped), because a training file of the same month would otherwise have no bill codes.
const SCHEMA_V2 = `
ALTER TABLE session ADD COLUMN scope TEXT NOT NULL DEFAULT 'customer' CHECK (scope IN ('customer', 'bill'));

-- The «код квитанции» printed on an account's bill for a period.
CREATE TABLE bill_code (
  account_number TEXT NOT NULL REFERENCES account,
  period TEXT NOT NULL,
  code TEXT NOT NULL,
  PRIMARY KEY (account_number, period)
) STRICT;

CREATE TABLE bill_code_failure (
  account_number TEXT NOT NULL,
  terminal_id TEXT NOT NULL,
  failed_at INTEGER NOT NULL
) STRICT;
CREATE INDEX bill_code_failure_by_account ON bill_code_failure (account_number, failed_at);
CREATE INDEX bill_code_failure_by_terminal ON bill_code_failure (terminal_id, failed_at);

-- The one live SMS code of an account, bound to the terminal that asked for it.
CREATE TABLE sms_code (
  account_number TEXT PRIMARY KEY REFERENCES account,
  terminal_id TEXT NOT NULL,
  code_hash TEXT NOT NULL,
  sent_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  attempts_left INTEGER NOT NULL
) STRICT;

-- The training SMS inbox: what the reference server would send by SMS (codes, first passwords).
CREATE TABLE outgoing_sms (
  id INTEGER PRIMARY KEY,
  account_number TEXT NOT NULL,
  recipient TEXT NOT NULL,
  body TEXT NOT NULL,
  sent_at TEXT NOT NULL
) STRICT;

DELETE FROM meta WHERE key = 'demo-data-period';
`;

/** `BILLING_MIGRATIONS[n]` brings a database from `user_version` n to n + 1; a new file runs them all. */
export const BILLING_MIGRATIONS: readonly string[] = [SCHEMA_V1, SCHEMA_V2];
const SCHEMA_VERSION = BILLING_MIGRATIONS.length;

export function openBillingDatabase(file: string): BillingDatabase {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    db.close();
    throw new Error(`${file} was written by a newer reference billing server (schema ${version}); refusing to open it.`);
  }
  if (version < SCHEMA_VERSION) {
    db.transaction(() => {
      for (const migration of BILLING_MIGRATIONS.slice(version)) db.exec(migration);
      db.pragma(`user_version = ${SCHEMA_VERSION}`);
    })();
  }
  return db;
}

export function readMeta(db: BillingDatabase, key: string): string | null {
  const row = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?').get(key);
  return row?.value ?? null;
}

export function writeMeta(db: BillingDatabase, key: string, value: string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}
