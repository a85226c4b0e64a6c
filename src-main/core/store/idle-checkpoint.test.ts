import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openKioskDatabase, type KioskDatabase } from './database';
import { startIdleCheckpoint, type IdleCheckpoint } from './idle-checkpoint';

describe('the idle WAL checkpoint', () => {
  let dir: string;
  let file: string;
  let db: KioskDatabase;
  let checkpoint: IdleCheckpoint | undefined;
  const walBytes = () => fs.statSync(`${file}-wal`).size;
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

  it('waits while writes go on, checkpoints once the store has been quiet, then has nothing to do', () => {
    let now = Date.now();
    checkpoint = startIdleCheckpoint(db, file, { idleMs: 1000, now: () => now });
    writeRows(10);
    const written = fs.statSync(`${file}-wal`).mtimeMs;
    now = written + 200;
    expect(checkpoint.tick()).toBe('busy');
    expect(walBytes()).toBeGreaterThan(0);
    now = written + 1_500;
    expect(checkpoint.tick()).toBe('checkpointed');
    expect(walBytes()).toBe(0);
    expect(checkpoint.tick()).toBe('clean');
    // Nothing is lost by the checkpoint.
    expect(db.prepare('SELECT count(*) AS n FROM probe').get()).toEqual({ n: 10 });
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
    expect(walBytes()).toBe(0);
  });
});
