// Power cuts: the kiosk core runs as a child process submitting readings and is killed with
// SIGKILL at random moments, 50 times, restarting each time on the same data folder. At the end
// every submission the kiosk had accepted is at the billing centre exactly once.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReferenceBillingServer, type ReferenceBillingServer } from '../../src-main/billing-server/reference-billing-server';

const KILLS = 50;
let dir: string;
let entry: string;
let billing: ReferenceBillingServer;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-crash-'));
  entry = path.join(dir, 'crash-child.mjs');
  await build({
    entryPoints: ['tests/support/crash-child.ts'],
    outfile: entry,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3', 'node-thermal-printer', 'axios', 'zod', 'sirv', 'iconv-lite', 'qrcode'],
    nodePaths: [path.resolve('node_modules')],
    banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" },
    logLevel: 'error',
  });
  // Let the bundle resolve the project's node_modules from the temp folder.
  fs.symlinkSync(path.resolve('node_modules'), path.join(dir, 'node_modules'));
  billing = await startReferenceBillingServer({ dbFile: path.join(dir, 'billing.sqlite') });
});

afterAll(async () => {
  await billing?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function run(env: Record<string, string>): {
  child: ChildProcess;
  output: () => string;
  ready: Promise<void>;
  exited: Promise<number | null>;
} {
  const child = spawn(process.execPath, [entry], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = new Promise<void>((resolve, reject) => {
    const check = () => (output.includes('READY') ? resolve() : undefined);
    child.stdout?.on('data', check);
    void exited.then(() => (output.includes('READY') ? resolve() : reject(new Error(`child exited before ready:\n${output}`))));
  });
  return { child, output: () => output, ready, exited };
}

describe('SIGKILL at random moments', () => {
  // Fifty child processes start and die one after another: about 45 s alone, and 194 s beside the
  // e2e files and the checks of `npm test`. A budget, not a speed check.
  it(`every accepted submission reaches the billing centre exactly once after ${KILLS} kills`, { timeout: 480_000 }, async () => {
    const meter = billing.db
      .prepare<[], { account_number: string; meter_id: string; last: number }>(
        `SELECT m.account_number, m.meter_id, coalesce(max(r.value), 0) AS last FROM meter m LEFT JOIN meter_reading r ON r.meter_id = m.meter_id
         WHERE m.service = 'hot-water' AND m.verification_due_on > '2030-01-01' GROUP BY m.meter_id ORDER BY m.meter_id LIMIT 1`,
      )
      .get();
    if (!meter) throw new Error('the demo data should have a working hot-water meter');
    const env = {
      CRASH_DATA_DIR: path.join(dir, 'kiosk'),
      CRASH_BILLING_URL: billing.url,
      CRASH_ACCOUNT: meter.account_number,
      CRASH_METER_ID: meter.meter_id,
      CRASH_BASE_VALUE: String(Math.ceil(meter.last) + 1),
      CRASH_T0: String(Date.now()),
    };
    fs.mkdirSync(env.CRASH_DATA_DIR);
    const accepted = new Set<string>();
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let kill = 0; kill < KILLS; kill += 1) {
      const running = run(env);
      await running.ready;
      await new Promise((resolve) => setTimeout(resolve, 20 + random() * 250));
      running.child.kill('SIGKILL');
      await running.exited;
      for (const match of running.output().matchAll(/^ACCEPTED (\S+)$/gm)) accepted.add(match[1] as string);
    }
    const drain = run({ ...env, CRASH_MODE: 'drain' });
    expect(await drain.exited, drain.output()).toBe(0);
    expect(drain.output()).toContain('DRAINED');

    const delivered = billing.db
      .prepare<[], { readings_json: string }>("SELECT readings_json FROM reading_submission WHERE terminal_id = 'CRASH-01'")
      .all()
      .map((row) => (JSON.parse(row.readings_json) as Array<{ value: number }>)[0]?.value.toFixed(3) ?? '');
    console.log(`crash test: ${accepted.size} accepted, ${delivered.length} delivered, ${KILLS} kills`);
    expect(accepted.size).toBeGreaterThan(KILLS);
    // Exactly once: no value twice, and every accepted value present.
    expect(new Set(delivered).size).toBe(delivered.length);
    const missing = [...accepted].filter((value) => !delivered.includes(value));
    expect(missing).toEqual([]);
  });
});
