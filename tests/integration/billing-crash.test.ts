// Power cuts on the billing side: the reference billing server runs as its own process and is
// killed with SIGKILL while readings are being registered, again and again, restarting on the same
// SQLite file. The kiosk's client sends every unanswered write again with the same Idempotency-Key,
// as its outbox does. At the end each submission is registered exactly once: the write and its
// idempotency record commit together, so no kill can leave one without the other.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BillingClient } from '../../src-main/core/billing/billing-client';
import { BillingError } from '../../src-main/core/billing/billing-error';

const KILLS = 15;
const SUBMISSIONS = 80;
const IN_FLIGHT = 10;

let dir: string;
let entry: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'billing-crash-'));
  entry = path.join(dir, 'billing-server.mjs');
  await build({
    entryPoints: ['src-main/billing-server/cli.ts'],
    outfile: entry,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3', 'zod'],
    nodePaths: [path.resolve('node_modules')],
    banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" },
    logLevel: 'error',
  });
  fs.symlinkSync(path.resolve('node_modules'), path.join(dir, 'node_modules'));
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function startServer(dbFile: string, port: number): { child: ChildProcess; ready: Promise<void>; exited: Promise<void> } {
  const child = spawn(process.execPath, [entry], {
    env: { ...process.env, BILLING_DB: dbFile, BILLING_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('ready')) resolve();
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then(() => reject(new Error(`the billing server exited before it was ready:\n${output}`)));
  });
  return { child, ready, exited };
}

interface Submission {
  accountNumber: string;
  meterId: string;
  value: number;
  /** Unique per submission: how its rows are found at the billing centre. */
  submittedAt: string;
  idempotencyKey: string;
  answered: boolean;
}

describe('the reference billing server killed mid-write', () => {
  it(`registers each of ${SUBMISSIONS} readings exactly once over ${KILLS} SIGKILLs`, { timeout: 240_000 }, async () => {
    const dbFile = path.join(dir, 'billing.sqlite');
    const port = await freePort();
    // A first start generates the demo data; the meters to submit for are read from its file.
    const first = startServer(dbFile, port);
    await first.ready;
    first.child.kill('SIGTERM');
    await first.exited;
    const db = new Database(dbFile, { readonly: true });
    const meters = db
      .prepare<[number], { account_number: string; meter_id: string; last: number | null }>(
        `SELECT m.account_number, m.meter_id, (SELECT max(value) FROM meter_reading r WHERE r.meter_id = m.meter_id) AS last
         FROM meter m WHERE m.verification_due_on > date('now', '+1 month')
         GROUP BY m.account_number ORDER BY m.account_number LIMIT ?`,
      )
      .all(SUBMISSIONS);
    db.close();
    expect(meters).toHaveLength(SUBMISSIONS);
    const base = Date.parse('2026-12-01T05:00:00Z');
    const submissions: Submission[] = meters.map((meter, index) => ({
      accountNumber: meter.account_number,
      meterId: meter.meter_id,
      value: Math.ceil(meter.last ?? 0) + 1,
      submittedAt: new Date(base + index).toISOString(),
      idempotencyKey: `crash-${index}`,
      answered: false,
    }));

    const client = new BillingClient({
      baseUrl: `http://127.0.0.1:${port}`,
      terminalId: 'UFA-CRASH',
      terminalKey: 'training',
      timeoutMs: 3000,
    });
    const send = async (submission: Submission): Promise<void> => {
      try {
        await client.submitReadings(
          submission.accountNumber,
          { readings: [{ meterId: submission.meterId, value: submission.value }], submittedAt: submission.submittedAt },
          submission.idempotencyKey,
        );
        submission.answered = true;
      } catch (error) {
        if (!(error instanceof BillingError)) throw error;
        // A refusal is an answer; an outage (the server was killed) is sent again, as the outbox would.
        if (error.kind === 'refused') submission.answered = true;
      }
    };
    /** Keeps IN_FLIGHT writes going until every submission is answered or the server dies. */
    const pump = async (alive: () => boolean): Promise<void> => {
      const queue = submissions.filter((submission) => !submission.answered);
      const worker = async () => {
        for (let next = queue.shift(); next && alive(); next = queue.shift()) await send(next);
      };
      await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    };

    for (let kill = 0; kill < KILLS; kill += 1) {
      const server = startServer(dbFile, port);
      await server.ready;
      let alive = true;
      const pumping = pump(() => alive);
      // Somewhere inside a burst of writes: fsyncs make the window between two commits real.
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.floor(Math.random() * 120)));
      alive = false;
      server.child.kill('SIGKILL');
      await server.exited;
      await pumping;
    }
    const last = startServer(dbFile, port);
    await last.ready;
    await pump(() => true);
    last.child.kill('SIGTERM');
    await last.exited;

    expect(submissions.filter((submission) => !submission.answered)).toEqual([]);
    const after = new Database(dbFile, { readonly: true });
    const registered = after
      .prepare<[string], { submitted_at: string; rows: number }>(
        `SELECT submitted_at, count(*) AS rows FROM reading_submission WHERE terminal_id = ? GROUP BY submitted_at`,
      )
      .all('UFA-CRASH');
    const readingRows = after
      .prepare<[string], { n: number }>(
        `SELECT count(*) AS n FROM meter_reading WHERE registration_number IN (SELECT registration_number FROM reading_submission WHERE terminal_id = ?)`,
      )
      .get('UFA-CRASH');
    after.close();
    expect(registered.filter((row) => row.rows > 1)).toEqual([]);
    expect(registered).toHaveLength(SUBMISSIONS);
    expect(readingRows?.n).toBe(SUBMISSIONS);
  });
});
