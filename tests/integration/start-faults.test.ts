// The built kiosk (browser mode, a real child process) started on a broken store or disk: it must
// refuse with one plain paragraph that names the file or folder and says what to do, exit non-zero
// without serving anything, and leave the store exactly as it was. Disk faults use small tmpfs
// mounts (a full one, a read-only one), which needs root; without it those two are skipped.
import { execFileSync, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKioskProcess } from '../support/browser-mode-process';

const ENTRY = path.resolve('.vite/node/browser-mode.js');
const mounts: string[] = [];
const folders: string[] = [];

/** Starts the kiosk and waits for it to exit (or to become ready, which here is a failure). */
function startExpectingRefusal(dataDir: string): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--enable-source-maps', ENTRY], {
    env: { ...process.env, KIOSK_HEADLESS: '1', KIOSK_DATA_DIR: dataDir, KIOSK_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

function freshFolder(parent = os.tmpdir()): string {
  const folder = fs.mkdtempSync(path.join(parent, 'kiosk-start-fault-'));
  folders.push(folder);
  return folder;
}

const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** A tmpfs of `size` at a fresh mount point, or null where this process may not mount. */
function mountTmpfs(size: string): string | null {
  if (process.getuid?.() !== 0) return null;
  const point = freshFolder();
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0700`, 'tmpfs', point], { stdio: 'ignore' });
  } catch {
    return null;
  }
  mounts.push(point);
  return point;
}

const canMount = (() => {
  const probe = mountTmpfs('1M');
  return probe !== null;
})();

function expectOnePlainParagraph(output: string, ...mentions: string[]): void {
  const text = output.trim();
  expect(text.split('\n'), text).toHaveLength(1);
  expect(text).not.toMatch(/\bat .+:\d+:\d+|Error:|SqliteError|ENOENT|ENOSPC|EROFS/);
  for (const mention of mentions) expect(text).toContain(mention);
  expect(text).toMatch(/Сотруднику:/);
}

beforeAll(() => {
  if (!fs.existsSync(ENTRY)) throw new Error(`${ENTRY} is missing: run "npm run build" first (npm test does).`);
});

afterAll(() => {
  for (const point of mounts.reverse()) {
    try {
      execFileSync('umount', [point], { stdio: 'ignore' });
    } catch {
      // Already gone.
    }
  }
  for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
});

describe('start-up faults are refused plainly, and the store is left alone', () => {
  it('a store file that is not a database', async () => {
    const dataDir = freshFolder();
    const store = path.join(dataDir, 'kiosk.sqlite');
    fs.writeFileSync(store, 'Это не база данных. '.repeat(400));
    const before = sha256(store);

    const { code, output } = await startExpectingRefusal(dataDir);
    expect(code).toBe(1);
    expectOnePlainParagraph(output, store, 'повреждён', 'не удаляйте файл');
    expect(sha256(store)).toBe(before);
  });

  it.skipIf(!canMount)('a full disk under an existing store (tmpfs, needs root)', { timeout: 60_000 }, async () => {
    const disk = mountTmpfs('40M')!;
    const dataDir = path.join(disk, 'kiosk');
    // A kiosk that ran here before, and then the disk filled up.
    const earlier = await startKioskProcess({ dataDir });
    await earlier.stop();
    const store = path.join(dataDir, 'kiosk.sqlite');
    const before = sha256(store);
    const filler = fs.openSync(path.join(disk, 'filler'), 'w');
    try {
      const block = Buffer.alloc(1024 * 1024);
      for (;;) fs.writeSync(filler, block);
    } catch (error) {
      expect((error as { code?: string }).code).toBe('ENOSPC');
    } finally {
      fs.closeSync(filler);
    }

    const { code, output } = await startExpectingRefusal(dataDir);
    expect(code).toBe(1);
    expectOnePlainParagraph(output, dataDir, 'не осталось свободного места');
    expect(sha256(store)).toBe(before);
  });

  it.skipIf(!canMount)('a read-only data folder (tmpfs mounted read-only, needs root)', async () => {
    const disk = mountTmpfs('4M')!;
    const dataDir = path.join(disk, 'kiosk');
    fs.mkdirSync(dataDir);
    execFileSync('mount', ['-o', 'remount,ro', disk]);

    const { code, output } = await startExpectingRefusal(dataDir);
    expect(code).toBe(1);
    expectOnePlainParagraph(output, 'только для чтения', dataDir);
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });
});
