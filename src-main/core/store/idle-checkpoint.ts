// SQLite's WAL checkpoint, moved off the commit path. By default SQLite copies the WAL back into the
// database inside whichever commit crosses 1,000 pages: every ~124 outbox enqueues one customer's
// "accepted" waited for a checkpoint and its extra fsyncs (the enqueue p99 at 2.3–2.8× a raw fsync).
// Here the automatic checkpoint is off (`applyPragmas`) and this timer runs it once the store has
// been quiet for a moment: a kiosk is idle between customers most of the time. A WAL that grows past
// `maxWalBytes` without a quiet moment is checkpointed at the next tick anyway, so it stays bounded.
// Durability does not depend on it: a commit is on disk (synchronous=FULL) once it is in the WAL.
import fs from 'node:fs';
import type { KioskDatabase } from './database';

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

export function startIdleCheckpoint(db: KioskDatabase, file: string, options: IdleCheckpointOptions = {}): IdleCheckpoint {
  const idleMs = options.idleMs ?? 1000;
  const maxWalBytes = options.maxWalBytes ?? 64 * 1024 * 1024;
  const now = options.now ?? Date.now;
  const walFile = `${file}-wal`;

  const tick = (): 'checkpointed' | 'busy' | 'clean' => {
    let wal: fs.Stats;
    try {
      wal = fs.statSync(walFile);
    } catch {
      return 'clean';
    }
    // TRUNCATE empties the file, so a non-empty WAL always holds frames not yet checkpointed.
    if (wal.size === 0) return 'clean';
    if (now() - wal.mtimeMs < idleMs && wal.size < maxWalBytes) return 'busy';
    try {
      // TRUNCATE rather than PASSIVE: the file's size then says what is left to do, and the copies
      // of wiped rows in the WAL leave the disk with it (see Outbox.wipeSecrets).
      db.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      // Another reader holds the WAL (SQLITE_BUSY): the next tick tries again.
      return 'busy';
    }
    return 'checkpointed';
  };

  const timer = setInterval(tick, Math.max(50, Math.round(idleMs / 2)));
  timer.unref();
  return { tick, stop: () => clearInterval(timer) };
}
