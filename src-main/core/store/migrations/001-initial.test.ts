import { describe, expect, it } from 'vitest';
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

describe('migration 001: initial', () => {
  it('turns an empty file into schema 1: login attempts, terminal settings and the reference cache, all STRICT', () => {
    const db = databaseAtVersion(0);
    expect(schemaNames(db, 'table')).toEqual([]);
    migrateTo(db, 1);

    expect(schemaVersion(db)).toBe(1);
    expect(schemaNames(db, 'table')).toEqual(['login_attempt', 'reference_cache', 'terminal_setting']);
    for (const table of ['login_attempt', 'reference_cache', 'terminal_setting']) expect(isStrict(db, table), table).toBe(true);
    expect(columnsOf(db, 'login_attempt').map(({ name, type, notNull }) => [name, type, notNull])).toEqual([
      ['id', 'INTEGER', false],
      ['kind', 'TEXT', true],
      ['subject_hash', 'TEXT', true],
      ['attempted_at', 'INTEGER', true],
      ['succeeded', 'INTEGER', true],
    ]);
    expect(columnsOf(db, 'terminal_setting').map(({ name, primaryKey }) => [name, primaryKey])).toEqual([
      ['name', true],
      ['value', false],
    ]);
    expect(columnsOf(db, 'reference_cache').map(({ name }) => name)).toEqual(['cache_key', 'value_json', 'fetched_at']);
    // Lockouts look attempts up per subject and per terminal, newest last.
    expect(schemaNames(db, 'index')).toEqual(['login_attempt_by_subject', 'login_attempt_by_time']);
    expect(indexedColumns(db, 'login_attempt_by_subject')).toEqual(['kind', 'subject_hash', 'attempted_at']);
    expect(indexedColumns(db, 'login_attempt_by_time')).toEqual(['kind', 'attempted_at']);
    db.close();
  });

  it('takes the attempts the lockouts count and refuses an unknown kind, a non-boolean outcome and a mistyped time', () => {
    const db = databaseAtVersion(1);
    const insert = db.prepare('INSERT INTO login_attempt (kind, subject_hash, attempted_at, succeeded) VALUES (?, ?, ?, ?)');
    for (const kind of ['customer', 'staff', 'registration', 'password-reset']) insert.run(kind, 'hash', 1_700_000_000_000, 0);
    expect(allRows(db, 'login_attempt')).toHaveLength(4);

    expect(() => insert.run('admin', 'hash', 1, 0)).toThrow(/CHECK constraint failed/);
    expect(() => insert.run('customer', 'hash', 1, 2)).toThrow(/CHECK constraint failed/);
    // STRICT: a time that is not an integer is refused rather than stored as text.
    expect(() => insert.run('customer', 'hash', 'yesterday', 0)).toThrow(/cannot store TEXT value in INTEGER column/);
    db.prepare("INSERT INTO terminal_setting (name, value) VALUES ('subject-key', 'k1')").run();
    expect(() => db.prepare("INSERT INTO terminal_setting (name, value) VALUES ('subject-key', 'k2')").run()).toThrow(/UNIQUE/);
    db.close();
  });
});
