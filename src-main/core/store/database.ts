// Opens the kiosk's SQLite file with the durability settings the outbox relies on and brings its
// schema up to date. It refuses a file written by a newer kiosk and never deletes a file itself.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { kioskMigrations, type Migration } from './migrations';

export type KioskDatabase = Database.Database;

export class DatabaseTooNewError extends Error {
  constructor(file: string, found: number, supported: number) {
    super(
      `The database ${file} was written by a newer kiosk version (schema ${found}, this version knows up to ${supported}). ` +
        'Install the newer version or point KIOSK_DATA_DIR at another folder; the file was left untouched.',
    );
    this.name = 'DatabaseTooNewError';
  }
}

export function openKioskDatabase(file: string, migrations: readonly Migration[] = kioskMigrations): KioskDatabase {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    applyPragmas(db);
    migrate(db, file, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function applyPragmas(db: KioskDatabase): void {
  db.pragma('journal_mode = WAL');
  // FULL: a commit is on disk before the customer is told "accepted" (see the outbox guarantee).
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Wiped secrets and expired personal data must not linger in free pages of the file.
  db.pragma('secure_delete = ON');
  db.pragma('busy_timeout = 5000');
}

/** Applies every pending migration in one transaction, tracked by `PRAGMA user_version`. */
export function migrate(db: KioskDatabase, file: string, migrations: readonly Migration[]): void {
  const latest = migrations.at(-1)?.version ?? 0;
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1)
      throw new Error(`Migration ${migration.name} is numbered ${migration.version}, expected ${index + 1}`);
  });
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latest) throw new DatabaseTooNewError(file, current, latest);
  const pending = migrations.filter((migration) => migration.version > current);
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const migration of pending) {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }
  })();
}
