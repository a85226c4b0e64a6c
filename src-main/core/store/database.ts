// Opens the kiosk's SQLite file with the durability settings the outbox relies on and brings its
// schema up to date. It refuses a file written by a newer kiosk and never deletes a file itself.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { WAL_KEPT_BYTES } from './idle-checkpoint';
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

/** Why the store cannot be used; the hosts turn it into a plain paragraph (core/host/start-failure.ts). */
export type StoreProblem = 'not-a-database' | 'disk-full' | 'read-only' | 'cannot-open';

export class StoreUnusableError extends Error {
  constructor(
    readonly file: string,
    readonly reason: StoreProblem,
    override readonly cause: unknown,
  ) {
    super(`The kiosk store ${file} cannot be used (${reason}): ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'StoreUnusableError';
  }
}

/**
 * Below this much free space the kiosk does not start. SQLite refuses writes only once the disk is
 * completely full, and a kiosk that started then would show the start screen and answer every
 * login with an internal error; the store, its WAL and the rotating log need a few megabytes.
 */
export const MIN_FREE_DISK_BYTES = 16 * 1024 * 1024;

export function openKioskDatabase(file: string, migrations: readonly Migration[] = kioskMigrations): KioskDatabase {
  if (file !== ':memory:') {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const disk = fs.statfsSync(path.dirname(file));
    if (disk.bavail * disk.bsize < MIN_FREE_DISK_BYTES) {
      throw new StoreUnusableError(file, 'disk-full', new Error(`${disk.bavail * disk.bsize} bytes free`));
    }
  }
  let db: KioskDatabase;
  try {
    db = new Database(file);
  } catch (error) {
    throw asStoreProblem(file, error);
  }
  try {
    applyPragmas(db);
    migrate(db, file, migrations);
    return db;
  } catch (error) {
    db.close();
    throw asStoreProblem(file, error);
  }
}

/** SQLite's and the file system's codes for a store that cannot be used; anything else as it was. */
function asStoreProblem(file: string, error: unknown): unknown {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return error;
  const reason: StoreProblem | null =
    code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')
      ? 'not-a-database'
      : code === 'SQLITE_FULL' || code === 'ENOSPC'
        ? 'disk-full'
        : code.startsWith('SQLITE_READONLY') || code === 'EROFS'
          ? 'read-only'
          : code.startsWith('SQLITE_CANTOPEN')
            ? 'cannot-open'
            : null;
  return reason ? new StoreUnusableError(file, reason, error) : error;
}

export function applyPragmas(db: KioskDatabase): void {
  db.pragma('journal_mode = WAL');
  // FULL: a commit is on disk before the customer is told "accepted" (see the outbox guarantee).
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Wiped secrets and expired personal data must not linger in free pages of the file.
  db.pragma('secure_delete = ON');
  db.pragma('busy_timeout = 5000');
  // No checkpoint inside a commit: the kiosk core checkpoints when the store is quiet (idle-checkpoint.ts),
  // and keeps a WAL of at most this size for the next commits to overwrite.
  db.pragma('wal_autocheckpoint = 0');
  db.pragma(`journal_size_limit = ${WAL_KEPT_BYTES}`);
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
