// The data folder is private to the kiosk's user whatever the umask: the store and its WAL, the
// logs and the configuration with the terminal key are 0600, folders 0700 — also for files an
// older version left readable. Runs the built browser-mode kiosk as a real process.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKioskProcess, type KioskProcess } from '../support/browser-mode-process';

let kiosk: KioskProcess;
let dataDir: string;
const mode = (file: string) => fs.statSync(path.join(dataDir, file)).mode & 0o777;

beforeAll(async () => {
  if (!fs.existsSync('.vite/node/browser-mode.js')) execFileSync('npm', ['run', '--silent', 'build:node'], { stdio: 'inherit' });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-modes-'));
  fs.chmodSync(dataDir, 0o755);
  // What an older version, started with umask 022, left behind.
  fs.writeFileSync(path.join(dataDir, 'kiosk-config.json'), JSON.stringify({ billing: { terminalKey: 'secret-terminal-key' } }), {
    mode: 0o644,
  });
  fs.mkdirSync(path.join(dataDir, 'receipts'), { mode: 0o755 });
  fs.writeFileSync(path.join(dataDir, 'receipts', 'old.bin'), 'x', { mode: 0o644 });
  const previous = process.umask(0o022);
  try {
    kiosk = await startKioskProcess({ dataDir });
  } finally {
    process.umask(previous);
  }
}, 120_000);

afterAll(async () => {
  await kiosk?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the data folder', () => {
  it('is readable by the kiosk user alone, new files and old ones', () => {
    expect(mode('.')).toBe(0o700);
    for (const folder of ['logs', 'receipts']) expect(mode(folder), folder).toBe(0o700);
    for (const file of [
      'kiosk-config.json',
      'kiosk.sqlite',
      'kiosk.sqlite-wal',
      'logs/kiosk.log',
      'receipts/old.bin',
      'training-billing.sqlite',
    ]) {
      expect(mode(file), file).toBe(0o600);
    }
  });
});
