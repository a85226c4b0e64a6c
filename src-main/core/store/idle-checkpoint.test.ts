import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openKioskDatabase, type KioskDatabase } from './database';
import { startIdleCheckpoint, uncheckpointedWalBytes, WAL_KEPT_BYTES, type IdleCheckpoint } from './idle-checkpoint';

describe('the idle WAL checkpoint', () => {
  let dir: string;
  let file: string;
  let db: KioskDatabase;
  let checkpoint: IdleCheckpoint | undefined;
  const walBytes = () => fs.statSync(`${file}-wal`).size;
  /** The rows the database file holds by itself, without its WAL: what a checkpoint has copied. */
  const rowsInDatabaseFile = () => {
    const copy = path.join(dir, 'copy.sqlite');
    fs.copyFileSync(file, copy);
    const alone = new Database(copy, { readonly: true });
    try {
      const table = alone.prepare("SELECT 1 FROM sqlite_master WHERE name = 'probe'").get();
      return table ? (alone.prepare('SELECT count(*) AS n FROM probe').get() as { n: number }).n : 0;
    } finally {
      alone.close();
    }
  };
  const writeRows = (count: number) => {
    const insert = db.prepare('INSERT INTO probe (text) VALUES (?)');
    for (let index = 0; index < count; index += 1) insert.run(`row ${index}`);
  };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-checkpoint-'));
    file = path.join(dir, 'kiosk.sqlite');
    db = openKioskDatabase(file);
    // The commits' fsyncs are not what this test is about.
    db.pragma('synchronous = OFF');
    db.exec('CREATE TABLE probe (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
  });
  afterEach(() => {
    checkpoint?.stop();
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('never runs inside a commit: the WAL grows past SQLite’s automatic 1,000 pages', () => {
    // One commit per row, each at least one page: SQLite's default would have checkpointed at 1,000.
    writeRows(1_500);
    expect(walBytes()).toBeGreaterThan(1_000 * 4096);
  });

  it('leaves the WAL for the next commits to overwrite, cut to its size limit', () => {
    let now = Date.now();
    checkpoint = startIdleCheckpoint(db, file, { idleMs: 1000, now: () => now });
    writeRows(1_500);
    expect(walBytes()).toBeGreaterThan(WAL_KEPT_BYTES);
    now = fs.statSync(`${file}-wal`).mtimeMs + 1_500;
    expect(checkpoint.tick()).toBe('checkpointed');
    // The checkpoint's own commit starts the WAL over and cuts it to the limit; the commits after
    // it overwrite the file rather than growing it.
    writeRows(1);
    const kept = walBytes();
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThanOrEqual(WAL_KEPT_BYTES);
    writeRows(50);
    expect(walBytes()).toBe(kept);
    expect(db.prepare('SELECT count(*) AS n FROM probe').get()).toEqual({ n: 1_551 });
  });

  it('waits while writes go on, checkpoints once the store has been quiet, then has nothing to do', () => {
    let now = Date.now();
    checkpoint = startIdleCheckpoint(db, file, { idleMs: 1000, now: () => now });
    writeRows(10);
    const written = fs.statSync(`${file}-wal`).mtimeMs;
    now = written + 200;
    expect(checkpoint.tick()).toBe('busy');
    expect(walBytes()).toBeGreaterThan(0);
    now = written + 1_500;
    expect(rowsInDatabaseFile()).toBe(0);
    expect(uncheckpointedWalBytes(file)).toBeGreaterThan(0);
    expect(checkpoint.tick()).toBe('checkpointed');
    expect(rowsInDatabaseFile()).toBe(10);
    // What is left in the WAL is the checkpoint's own one-row commit, which is nothing to do.
    expect(uncheckpointedWalBytes(file)).toBeLessThanOrEqual(2 * (4096 + 24));
    expect(checkpoint.tick()).toBe('clean');
    // A write after it is new work again.
    writeRows(1);
    expect(uncheckpointedWalBytes(file)).toBeGreaterThan(0);
    now = fs.statSync(`${file}-wal`).mtimeMs + 1_500;
    expect(checkpoint.tick()).toBe('checkpointed');
    expect(rowsInDatabaseFile()).toBe(11);
    // Nothing is lost by the checkpoints.
    expect(db.prepare('SELECT count(*) AS n FROM probe').get()).toEqual({ n: 11 });
  });

  it('starts the WAL over itself, so that no customer’s commit pays for the new WAL header', () => {
    let now = Date.now();
    checkpoint = startIdleCheckpoint(db, file, { idleMs: 1000, now: () => now });
    writeRows(10);
    // The WAL header's salts (bytes 16–23) change when SQLite starts the WAL over, which it does
    // in the first commit after a checkpoint, writing and syncing the header before the frames.
    const salts = () => fs.readFileSync(`${file}-wal`).subarray(16, 24).toString('hex');
    const before = salts();
    now = fs.statSync(`${file}-wal`).mtimeMs + 1_500;
    expect(checkpoint.tick()).toBe('checkpointed');
    const afterCheckpoint = salts();
    expect(afterCheckpoint).not.toBe(before);
    // The next commit, a customer's, appends to the started WAL instead.
    writeRows(1);
    expect(salts()).toBe(afterCheckpoint);
    expect(db.prepare("SELECT value FROM terminal_setting WHERE name = 'store-checkpointed-at'").pluck().get()).toBe(
      new Date(now).toISOString(),
    );
  });

  it('checkpoints a WAL over its size limit even while writes go on', () => {
    const now = Date.now();
    checkpoint = startIdleCheckpoint(db, file, { idleMs: 60_000, maxWalBytes: 64 * 1024, now: () => now });
    // The migrations' own pages come first.
    checkpoint.tick();
    writeRows(5);
    expect(checkpoint.tick()).toBe('busy');
    writeRows(100);
    expect(walBytes()).toBeGreaterThan(64 * 1024);
    expect(checkpoint.tick()).toBe('checkpointed');
    // Writes that never pause (20 commits, some 80 KB of WAL, between two ticks) do not grow the
    // WAL, where without the checkpoints it would take all ten rounds: each checkpoint lets the next
    // commits overwrite it from the start.
    const kept = walBytes();
    for (let round = 0; round < 10; round += 1) {
      writeRows(20);
      checkpoint.tick();
    }
    expect(walBytes()).toBe(kept);
    expect(rowsInDatabaseFile()).toBe(305);
  });
});
