import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { BILLING_MIGRATIONS, openBillingDatabase, readMeta } from './billing-database';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tempFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'billing-db-'));
  dirs.push(dir);
  return path.join(dir, 'billing.sqlite');
}

describe('the reference billing database', () => {
  it('brings a training file of schema 1 to the paper bill and SMS tables, and has its demo data regenerated', () => {
    const file = tempFile();
    const old = new Database(file);
    old.exec(BILLING_MIGRATIONS[0] ?? '');
    old.pragma('user_version = 1');
    old.prepare("INSERT INTO meta (key, value) VALUES ('demo-data-period', '2026-11')").run();
    old
      .prepare(
        "INSERT INTO account (account_number, holder_name, address, dwelling, area_m2, residents, activation_code) VALUES ('820000001', 'Петров', 'г. Уфа', 'flat', 54, 2, '1111-2222-3333')",
      )
      .run();
    old.prepare("INSERT INTO session (token_hash, account_number, terminal_id, expires_at) VALUES ('h', '820000001', 'T-1', 1)").run();
    old.close();

    const db = openBillingDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(BILLING_MIGRATIONS.length);
    expect(db.prepare('SELECT scope FROM session').pluck().get()).toBe('customer');
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['bill_code', 'bill_code_failure', 'sms_code', 'outgoing_sms']));
    // Without the period mark the server regenerates the month's data, bill codes included.
    expect(readMeta(db, 'demo-data-period')).toBeNull();
    db.close();
  });

  it('refuses a file written by a newer server and leaves it as it was', () => {
    const file = tempFile();
    const newer = new Database(file);
    newer.pragma(`user_version = ${BILLING_MIGRATIONS.length + 1}`);
    newer.close();
    expect(() => openBillingDatabase(file)).toThrow(/newer reference billing server/);
    const again = new Database(file);
    expect(again.pragma('user_version', { simple: true })).toBe(BILLING_MIGRATIONS.length + 1);
    again.close();
  });
});
