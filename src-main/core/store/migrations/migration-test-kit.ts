// For the one-test-per-migration files next to this one: a kiosk database at any schema version,
// built by the same `migrate` the store runs on the same migration list, and a look at its schema.
import Database from 'better-sqlite3';
import { applyPragmas, migrate, type KioskDatabase } from '../database';
import { kioskMigrations, type Migration } from './index';

/** An in-memory database with migrations 1…`version` applied (0: empty), with the store's pragmas. */
export function databaseAtVersion(version: number, migrations: readonly Migration[] = kioskMigrations): KioskDatabase {
  const db = new Database(':memory:');
  applyPragmas(db);
  migrateTo(db, version, migrations);
  return db;
}

/** Applies the pending migrations up to and including `version`, as opening a newer kiosk would. */
export function migrateTo(db: KioskDatabase, version: number, migrations: readonly Migration[] = kioskMigrations): void {
  if (!Number.isInteger(version) || version < 0 || version > migrations.length) {
    throw new Error(`there is no schema version ${version}: migrations go up to ${migrations.length}`);
  }
  migrate(db, ':memory:', migrations.slice(0, version));
}

export function schemaVersion(db: KioskDatabase): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export interface ColumnInfo {
  name: string;
  type: string;
  notNull: boolean;
  defaultValue: string | null;
  primaryKey: boolean;
}

export function columnsOf(db: KioskDatabase, table: string): ColumnInfo[] {
  const rows = db.pragma(`table_info(${table})`) as Array<{
    name: string;
    type: string;
    notnull: number;
    dflt_value: string | null;
    pk: number;
  }>;
  return rows.map((row) => ({
    name: row.name,
    type: row.type,
    notNull: row.notnull === 1,
    defaultValue: row.dflt_value,
    primaryKey: row.pk > 0,
  }));
}

/** Names of the tables, indexes or triggers in the schema (SQLite's own excluded), sorted. */
export function schemaNames(db: KioskDatabase, type: 'table' | 'index' | 'trigger'): string[] {
  return (
    db.prepare("SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%' ORDER BY name").all(type) as Array<{
      name: string;
    }>
  ).map((row) => row.name);
}

/** True when the table was created STRICT (types are enforced, not merely declared). */
export function isStrict(db: KioskDatabase, table: string): boolean {
  const row = db.prepare('SELECT strict FROM pragma_table_list WHERE name = ?').get(table) as { strict: number } | undefined;
  if (!row) throw new Error(`no table ${table}`);
  return row.strict === 1;
}

/** The columns an index covers, in order. */
export function indexedColumns(db: KioskDatabase, index: string): string[] {
  return (db.pragma(`index_info(${index})`) as Array<{ name: string }>).map((row) => row.name);
}

/** Every row of a table in storage order: to compare what was there before a migration with what is there after. */
export function allRows(db: KioskDatabase, table: string): unknown[] {
  const listed = db.prepare('SELECT wr FROM pragma_table_list WHERE name = ?').get(table) as { wr: number } | undefined;
  if (!listed) throw new Error(`no table ${table}`);
  return db.prepare(`SELECT * FROM ${table} ORDER BY ${listed.wr === 1 ? '1' : 'rowid'}`).all();
}
