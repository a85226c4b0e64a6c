// SQLite's WAL checkpoint, moved off the commit path. By default SQLite copies the WAL back into the
// database inside whichever commit crosses 1,000 pages: every ~124 outbox enqueues one customer's
// "accepted" waited for a checkpoint and its extra fsyncs (the enqueue p99 at 2.3–2.8× a raw fsync).
// Here the automatic checkpoint is off (`applyPragmas`) and this timer runs it once the store has
// been quiet for a moment: a kiosk is idle between customers most of the time. A WAL that grows past
// `maxWalBytes` without a quiet moment is checkpointed at the next tick anyway, so it stays bounded.
// The checkpoint is RESTART, not TRUNCATE: the next commits then overwrite the WAL from its start
// instead of appending to an emptied file, and a commit that grows a file waits on the file system's
// journal as well as on the data (enqueue p99 2.1× a raw fsync appending, 1.1× overwriting: 5,000
// commits on this machine's ext4). `journal_size_limit` (applyPragmas) caps the file it keeps.
// Durability does not depend on it: a commit is on disk (synchronous=FULL) once it is in the WAL.
import fs from 'node:fs';
import os from 'node:os';
import type { KioskDatabase } from './database';

/**
 * The WAL a checkpoint leaves for the next commits to overwrite, at most (`journal_size_limit`), and
 * the size at which it is checkpointed even while writes go on: a few hundred outbox enqueues.
 */
export const WAL_KEPT_BYTES = 4 * 1024 * 1024;

export interface IdleCheckpointOptions {
  /** How long the WAL must be unchanged before it is checkpointed. */
  idleMs?: number;
  /** A WAL this large is checkpointed even while writes go on. */
  maxWalBytes?: number;
  /** For tests: the time now, in ms. */
  now?: () => number;
}

export interface IdleCheckpoint {
  /** One look at the WAL: checkpoints it if it is quiet (or too large) and not yet checkpointed. */
  tick(): 'checkpointed' | 'busy' | 'clean';
  stop(): void;
}

/** What the WAL index (`-shm`) says of the WAL, as SQLite documents its header (walformat.html). */
interface WalIndexHeader {
  /** Counts the write transactions (iChange): it moves at every commit. */
  commits: number;
  /** The last valid frame (mxFrame). */
  frames: number;
  /** The frames already copied into the database (the checkpoint's nBackfill). */
  backfilled: number;
  pageSize: number;
}

/** The header's fields at their documented offsets, in the machine's byte order; null without a WAL index. */
function readWalIndexHeader(file: string): WalIndexHeader | null {
  let header: Buffer;
  try {
    header = fs.readFileSync(`${file}-shm`).subarray(0, 100);
  } catch {
    return null;
  }
  if (header.length < 100) return null;
  const little = os.endianness() === 'LE';
  const u16 = (offset: number) => (little ? header.readUInt16LE(offset) : header.readUInt16BE(offset));
  const u32 = (offset: number) => (little ? header.readUInt32LE(offset) : header.readUInt32BE(offset));
  const rawPageSize = u16(14);
  return { commits: u32(8), frames: u32(16), backfilled: u32(96), pageSize: rawPageSize === 1 ? 65_536 : rawPageSize };
}

/**
 * The bytes of WAL frames not yet copied into the database. The WAL file's size no longer says it:
 * a restarted WAL keeps its size for the next commits to overwrite.
 */
export function uncheckpointedWalBytes(file: string): number {
  return pendingBytes(readWalIndexHeader(file));
}

function pendingBytes(header: WalIndexHeader | null): number {
  return header ? Math.max(0, header.frames - header.backfilled) * (header.pageSize + 24) : 0;
}

export function startIdleCheckpoint(db: KioskDatabase, file: string, options: IdleCheckpointOptions = {}): IdleCheckpoint {
  const idleMs = options.idleMs ?? 1000;
  const maxWalBytes = options.maxWalBytes ?? WAL_KEPT_BYTES;
  const now = options.now ?? Date.now;
  const walFile = `${file}-wal`;
  const noteCheckpoint = db.prepare<[string]>(
    "INSERT INTO terminal_setting (name, value) VALUES ('store-checkpointed-at', ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
  );
  /** The WAL index's commit count right after this checkpointer's own commit: nothing new since. */
  let ownCommit: number | null = null;

  const tick = (): 'checkpointed' | 'busy' | 'clean' => {
    let wal: fs.Stats;
    try {
      wal = fs.statSync(walFile);
    } catch {
      return 'clean';
    }
    const header = readWalIndexHeader(file);
    const pending = pendingBytes(header);
    if (pending === 0 || header?.commits === ownCommit) return 'clean';
    if (now() - wal.mtimeMs < idleMs && pending < maxWalBytes) return 'busy';
    try {
      // The wiped copies of secrets are not left to this: Outbox.wipeSecrets truncates the WAL itself.
      const [result] = db.pragma('wal_checkpoint(RESTART)') as Array<{ busy: number }>;
      // Another connection is reading an older snapshot: the next tick tries again.
      if (result?.busy) return 'busy';
    } catch {
      // Another connection holds the WAL (SQLITE_BUSY): the next tick tries again.
      return 'busy';
    }
    try {
      // The WAL starts over here, not in the next customer's commit. The first commit after a
      // checkpoint writes and syncs a new WAL header, and cuts the file to journal_size_limit,
      // before its own frames: two fsyncs where a commit has one, on one outbox enqueue in every
      // ~130 (at 4 MB), which was the enqueue's p99. This one-row commit pays them while it is quiet.
      noteCheckpoint.run(new Date(now()).toISOString());
      ownCommit = readWalIndexHeader(file)?.commits ?? null;
    } catch {
      // Another connection is writing: its commit starts the WAL over instead.
    }
    return 'checkpointed';
  };

  const timer = setInterval(tick, Math.max(50, Math.round(idleMs / 2)));
  timer.unref();
  return { tick, stop: () => clearInterval(timer) };
}
