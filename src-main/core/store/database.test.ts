import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseTooNewError, openKioskDatabase, type KioskDatabase } from './database';
import { kioskMigrations } from './migrations';

const dirs: string[] = [];
function tempFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-db-'));
  dirs.push(dir);
  return path.join(dir, 'kiosk.sqlite');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('openKioskDatabase', () => {
  it('applies every migration, in WAL mode with synchronous=FULL, and records user_version', () => {
    const db = openKioskDatabase(tempFile());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('user_version', { simple: true })).toBe(kioskMigrations.length);
    const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table'").all() as { name: string; sql: string }[];
    expect(tables.map((table) => table.name)).toEqual(expect.arrayContaining(['login_attempt', 'reference_cache', 'terminal_setting']));
    for (const table of tables) expect(table.sql).toMatch(/STRICT\s*$/);
    db.close();
  });

  it('reopens an existing file without re-running migrations and keeps its rows', () => {
    const file = tempFile();
    const first = openKioskDatabase(file);
    first.prepare("INSERT INTO terminal_setting (name, value) VALUES ('x', 'kept')").run();
    first.close();
    const second = openKioskDatabase(file);
    expect(second.prepare("SELECT value FROM terminal_setting WHERE name = 'x'").get()).toEqual({ value: 'kept' });
    second.close();
  });

  it('refuses a database written by a newer kiosk and leaves the file untouched', () => {
    const file = tempFile();
    const db = openKioskDatabase(file);
    db.pragma(`user_version = ${kioskMigrations.length + 5}`);
    db.close();
    const before = fs.readFileSync(file);
    expect(() => openKioskDatabase(file)).toThrow(DatabaseTooNewError);
    expect(fs.existsSync(file)).toBe(true);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('rolls back every pending migration when one fails', () => {
    const file = tempFile();
    const broken = [
      ...kioskMigrations,
      {
        version: kioskMigrations.length + 1,
        name: 'broken',
        up: (db: KioskDatabase) => db.exec('CREATE TABLE half_done (id INTEGER) STRICT; SELECT * FROM missing_table;'),
      },
    ];
    expect(() => openKioskDatabase(file, broken)).toThrow(/missing_table/);
    const db = openKioskDatabase(file);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half_done'").get()).toEqual({ n: 0 });
    db.close();
  });
});
