// In-process benchmarks of the kiosk core, bundled by scripts/bench.mjs with esbuild at the start
// of a run (the bench itself runs under plain Node): the receipt's ESC/POS build, the outbox's
// enqueue next to a raw fsync on the same disk, and the outbox draining a queue to a billing server.
import fs from 'node:fs';
import path from 'node:path';
import type { Invoice, ReadingsRequest } from '../../src-main/core/billing/billing-wire';
import { parseKioskConfig } from '../../src-main/core/config/kiosk-config';
import { startKioskCore } from '../../src-main/core/kiosk-core';
import { SubmissionKinds } from '../../src-main/core/outbox/submission-kinds';
import { kioskSubmissionKinds } from '../../src-main/features/kiosk-features';
import { Outbox } from '../../src-main/core/outbox/outbox';
import { buildPaymentSlip } from '../../src-main/features/pay/payment-slip';
import { encodeReceipt } from '../../src-main/core/printing/escpos-encoder';
import { columnsFor, layoutReceipt } from '../../src-main/core/printing/receipt';
import { paymentSlipReceipt } from '../../src-main/features/pay/payment-slip-receipt';
import { openKioskDatabase } from '../../src-main/core/store/database';
import { startIdleCheckpoint } from '../../src-main/core/store/idle-checkpoint';

const TERMINAL_ID = 'BENCH-01';

/** Milliseconds since `start` (a `process.hrtime.bigint()`). */
function since(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * The payment slip (the largest receipt: payee, breakdown, QR code) from the billing centre's
 * invoice to ESC/POS bytes, as the print handler does it: slip, receipt model, layout, encoding.
 */
export function receiptBuild(invoice: Invoice, options: { warmup: number; iterations: number }): { samples: number[]; bytes: number } {
  const settings = { commandSet: 'epson', codePage: 'cp866', columns: columnsFor(80) } as const;
  const context = { terminalId: TERMINAL_ID, officeName: 'Офис обслуживания потребителей МУП УИС', printedAt: '20.11.2026 10:15' };
  const build = () => {
    const slip = buildPaymentSlip(invoice, invoice.amountDueKopecks || 150_050, '2026-11-20');
    return encodeReceipt(layoutReceipt(paymentSlipReceipt(slip, context), settings.columns), settings);
  };
  let bytes = 0;
  for (let index = 0; index < options.warmup; index += 1) bytes = build().length;
  const samples: number[] = [];
  for (let index = 0; index < options.iterations; index += 1) {
    const start = process.hrtime.bigint();
    build();
    samples.push(since(start));
  }
  return { samples, bytes };
}

/**
 * The outbox's commit (a submission and its message in one transaction, `synchronous=FULL`, WAL)
 * and a raw `write` + `fsync` of a small file in the same folder, alternated so that both see the
 * same disk at the same moments. The kiosk's idle checkpoint looks at the WAL between commits, as
 * its timer does between the event loop's turns; with no quiet moment in the loop it checkpoints
 * only when the WAL reaches its size limit, every few hundred commits.
 *
 * A fourth series says what part of the gap is the machine's: the raw fsync again, after a busy
 * wait as long as an enqueue's own work without its fsync (the median of the warm-up's). On a
 * virtual machine a little CPU time before an fsync already lengthens the fsync's tail.
 */
export function enqueueVsFsync(
  dir: string,
  options: { warmup: number; iterations: number },
): { enqueue: number[]; fsync: number[]; enqueueWithoutSync: number[]; fsyncAfterWork: number[]; workMs: number } {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'kiosk.sqlite');
  const db = openKioskDatabase(file);
  const checkpoint = startIdleCheckpoint(db, file);
  const outbox = new Outbox(db, { terminalId: TERMINAL_ID, kinds: new SubmissionKinds(kioskSubmissionKinds) });
  // The same commit without waiting for the disk: what the enqueue costs besides its fsync.
  const unsyncedDb = openKioskDatabase(path.join(dir, 'kiosk-unsynced.sqlite'));
  unsyncedDb.pragma('synchronous = OFF');
  const unsynced = new Outbox(unsyncedDb, { terminalId: TERMINAL_ID, kinds: new SubmissionKinds(kioskSubmissionKinds) });
  const fd = fs.openSync(path.join(dir, 'fsync-probe.bin'), 'w');
  const block = Buffer.alloc(512, 0x2a);
  const enqueue = (index: number, into: Outbox = outbox) => {
    const submittedAt = new Date().toISOString();
    const payload: ReadingsRequest = { readings: [{ meterId: `8200${String(index % 200).padStart(5, '0')}-HW1`, value: 100 + index }], submittedAt };
    into.enqueue({
      kind: 'readings',
      accountNumber: `8200${String(index % 200).padStart(5, '0')}`,
      sessionId: null,
      payload,
      summary: { countsForPeriod: '2026-11', lines: [{ serialNumber: '123456', unit: 'м³', previous: 99, value: 100 + index, consumption: 1 }] },
    });
  };
  const rawFsync = () => {
    fs.writeSync(fd, block, 0, block.length, 0);
    fs.fsyncSync(fd);
  };
  const busyWait = (ms: number) => {
    const until = performance.now() + ms;
    while (performance.now() < until);
  };
  const result = { enqueue: [] as number[], fsync: [] as number[], enqueueWithoutSync: [] as number[], fsyncAfterWork: [] as number[], workMs: 0 };
  try {
    const warmupWork: number[] = [];
    for (let index = 0; index < options.warmup; index += 1) {
      enqueue(index);
      rawFsync();
      const start = process.hrtime.bigint();
      enqueue(index, unsynced);
      warmupWork.push(since(start));
      checkpoint.tick();
    }
    result.workMs = warmupWork.sort((a, b) => a - b)[Math.floor(warmupWork.length / 2)] ?? 0;
    for (let index = 0; index < options.iterations; index += 1) {
      let start = process.hrtime.bigint();
      enqueue(options.warmup + index);
      result.enqueue.push(since(start));
      start = process.hrtime.bigint();
      rawFsync();
      result.fsync.push(since(start));
      start = process.hrtime.bigint();
      enqueue(options.warmup + index, unsynced);
      result.enqueueWithoutSync.push(since(start));
      start = process.hrtime.bigint();
      busyWait(result.workMs);
      rawFsync();
      result.fsyncAfterWork.push(since(start));
      checkpoint.tick();
    }
  } finally {
    checkpoint.stop();
    fs.closeSync(fd);
    db.close();
    unsyncedDb.close();
  }
  return result;
}

export interface DrainMeter {
  accountNumber: string;
  meterId: string;
  /** A whole number at or above the meter's last reading: queued readings count up from here. */
  base: number;
}

export interface DrainResult {
  queued: number;
  queueSeconds: number;
  seconds: number;
  perSecond: number;
  delivered: number;
  rejected: number;
  pendingLeft: number;
  /** [seconds since start, delivered so far], for the curve. */
  progress: Array<[number, number]>;
  firstRejection: string | null;
}

/**
 * Queues `count` readings (many meters of many accounts, each meter's values increasing) while no
 * kiosk runs, then starts the kiosk core against `billingUrl` and times it until the outbox is
 * empty: the queue an outage leaves behind, going out when the link is back.
 */
export async function outboxDrain(options: { dataDir: string; billingUrl: string; meters: DrainMeter[]; count: number; timeoutMs: number }): Promise<DrainResult> {
  const { dataDir, meters, count } = options;
  if (meters.length === 0) throw new Error('no meters to queue readings for');
  fs.mkdirSync(dataDir, { recursive: true });
  const queueStart = process.hrtime.bigint();
  const db = openKioskDatabase(path.join(dataDir, 'kiosk.sqlite'));
  const outbox = new Outbox(db, { terminalId: TERMINAL_ID, kinds: new SubmissionKinds(kioskSubmissionKinds) });
  db.transaction(() => {
    for (let index = 0; index < count; index += 1) {
      const meter = meters[index % meters.length] as DrainMeter;
      const value = meter.base + Math.floor(index / meters.length) + 1;
      const submittedAt = new Date().toISOString();
      const payload: ReadingsRequest = { readings: [{ meterId: meter.meterId, value }], submittedAt };
      outbox.enqueue({ kind: 'readings', accountNumber: meter.accountNumber, sessionId: null, payload, summary: { countsForPeriod: null, lines: [] } });
    }
  })();
  db.close();
  const queueSeconds = since(queueStart) / 1000;

  const start = process.hrtime.bigint();
  const core = await startKioskCore({
    dataDir,
    config: parseKioskConfig({
      terminalId: TERMINAL_ID,
      billing: { url: options.billingUrl, timeoutMs: 10_000 },
      delivery: { heartbeatSeconds: 3_600 },
    }),
  });
  const progress: Array<[number, number]> = [];
  try {
    for (;;) {
      const stats = core.services.outbox.stats();
      const elapsed = since(start);
      progress.push([Number((elapsed / 1000).toFixed(3)), stats.delivered]);
      if (stats.pending === 0 || elapsed > options.timeoutMs) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const seconds = since(start) / 1000;
    const stats = core.services.outbox.stats();
    const rejected = core.services.outbox.list({ status: 'rejected', limit: 1 })[0];
    return {
      queued: count,
      queueSeconds,
      seconds,
      perSecond: stats.delivered / seconds,
      delivered: stats.delivered,
      rejected: stats.rejected,
      pendingLeft: stats.pending,
      progress,
      firstRejection: rejected ? `${rejected.rejectionCode}: ${rejected.rejectionMessage}` : null,
    };
  } finally {
    await core.close();
  }
}
