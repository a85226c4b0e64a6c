// The built Electron shell (.vite/build/main.js) run for real, on a TEST DOUBLE of the `electron`
// module (tests/support/electron-double/): Electron's binary cannot be installed here, so only the
// third-party runtime is replaced, and the shell, its core and its SQLite file are the real ones.
// This catches what a type check cannot: a wrong module format, a missing path, a handler never
// registered, a security decision that never reaches Electron.
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BUILT_MAIN = path.join(ROOT, '.vite/build/main.js');
const SHELL_UNDER_TEST = path.join(ROOT, 'tests/support/electron-double/shell-under-test.mjs');
const START_URL = 'kiosk://app/index.html';

interface Recorded {
  calls: [string, ...unknown[]][];
  windows: { options: { webPreferences: Record<string, unknown> }; loadedUrls: string[] }[];
  protocolSchemes: string[];
  ipcChannels: string[];
  exitCode: number | null;
}

let shell: ChildProcess;
let dataDir: string;
let nextId = 1;
const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
let loaded: Promise<unknown>;

/** Sends one command to the shell's process and waits for its answer. */
function drive<T>(command: string, args?: object): Promise<T> {
  const id = nextId++;
  return new Promise<T>((resolve, reject) => {
    pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
    shell.send({ id, command, args });
  });
}

const state = () => drive<Recorded>('state');
const callFrom = (frameUrl: string, top: boolean, method: string) =>
  drive<{ ok: boolean; value?: Record<string, unknown>; error?: { code: string } }>('call', {
    channel: 'kiosk:call',
    frameUrl,
    top,
    method,
    input: {},
  });

beforeAll(async () => {
  if (!fs.existsSync(BUILT_MAIN)) throw new Error(`${BUILT_MAIN} is missing: run "npm run build" first (npm test does).`);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-electron-shell-'));
  shell = fork(SHELL_UNDER_TEST, [], {
    env: { ...process.env, KIOSK_DATA_DIR: dataDir, ELECTRON_DOUBLE_MAIN: BUILT_MAIN },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  shell.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  shell.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  loaded = new Promise((resolve, reject) => {
    pending.set(0, { resolve, reject });
    shell.once('exit', (code) => reject(new Error(`the shell exited (${code}) before loading:\n${output}`)));
  });
  shell.on('message', (message: { id: number; result?: unknown; error?: string }) => {
    const waiting = pending.get(message.id);
    pending.delete(message.id);
    if (message.error) waiting?.reject(new Error(message.error));
    else waiting?.resolve(message.result);
  });
  await loaded;
});

afterAll(() => {
  shell?.kill('SIGKILL');
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the built Electron shell on a test double of Electron', () => {
  it('loads as a module and sets up Chromium before it is ready', async () => {
    const { calls } = await state();
    const apis = calls.map(([api]) => api);
    expect(apis).toEqual(
      expect.arrayContaining(['app.enableSandbox', 'protocol.registerSchemesAsPrivileged', 'app.requestSingleInstanceLock']),
    );
    expect(calls).toContainEqual(['app.commandLine.appendSwitch', 'overscroll-history-navigation', '0']);
    expect(calls).toContainEqual(['app.setPath', 'userData', dataDir]);
    // Nothing that needs Chromium happens before 'ready'.
    expect(apis).not.toContain('new BrowserWindow');
  });

  it('once ready, starts the core and opens one locked-down window on the start page', async () => {
    await drive('ready');
    await expect.poll(async () => (await state()).windows[0]?.loadedUrls, { timeout: 30_000 }).toEqual([START_URL]);
    const recorded = await state();
    expect(recorded.windows).toHaveLength(1);
    expect(recorded.windows[0]!.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    const preload = recorded.windows[0]!.options.webPreferences.preload as string;
    expect(fs.existsSync(preload)).toBe(true);
    expect(recorded.protocolSchemes).toEqual(['kiosk']);
    expect(recorded.ipcChannels).toEqual(expect.arrayContaining(['kiosk:call', 'kiosk:events:subscribe']));
    expect(recorded.calls).toContainEqual(['Menu.setApplicationMenu', null]);
    expect(recorded.exitCode).toBeNull();
  });

  it('serves the renderer with its CSP and refuses paths outside it', async () => {
    const page = await drive<{ status: number; headers: Record<string, string>; body: string }>('fetch', { url: START_URL });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['content-security-policy']).toMatch(/default-src 'none'|default-src 'self'/);
    expect(page.headers['x-content-type-options']).toBe('nosniff');

    const html = fs.readFileSync(path.join(ROOT, '.vite/renderer/main_window/index.html'), 'utf8');
    const script = /src="\.?\/?(assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await drive<{ status: number; headers: Record<string, string>; size: number }>('fetch', { url: `kiosk://app/${script}` });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.size).toBe(fs.statSync(path.join(ROOT, '.vite/renderer/main_window', script!)).size);

    for (const outside of [
      'kiosk://app/../../package.json',
      'kiosk://app/%2e%2e/%2e%2e/package.json',
      'kiosk://app/..%2f..%2fpackage.json',
      'kiosk://app/assets/',
    ]) {
      const refused = await drive<{ status: number; headers: Record<string, string> }>('fetch', { url: outside });
      expect(refused.status, outside).toBe(404);
      expect(refused.headers['content-security-policy']).toBeDefined();
    }
    expect((await drive<{ status: number }>('fetch', { url: START_URL, method: 'POST' })).status).toBe(404);
  });

  it('answers kiosk API calls only from its own top frame, through the real dispatcher', async () => {
    const fromTop = await callFrom(START_URL, true, 'terminal.status');
    expect(fromTop.ok).toBe(true);
    expect(fromTop.value).toHaveProperty('trainingMode', true);

    expect((await callFrom(START_URL, false, 'terminal.status')).ok).toBe(false);
    expect((await callFrom('https://example.com/', true, 'terminal.status')).ok).toBe(false);
    expect((await callFrom('file:///etc/passwd', true, 'terminal.status')).ok).toBe(false);

    const snapshotSent = await drive<[string, { type: string }][]>('subscribe', {
      channel: 'kiosk:events:subscribe',
      frameUrl: START_URL,
      top: true,
    });
    expect(snapshotSent.map(([channel, event]) => [channel, event.type])).toContainEqual(['kiosk:event', 'snapshot']);
    const afterUntrusted = await drive<unknown[]>('subscribe', { channel: 'kiosk:events:subscribe', frameUrl: START_URL, top: false });
    expect(afterUntrusted).toHaveLength(snapshotSent.length);
  });

  it('denies every permission, cancels navigation away, window.open and network requests', async () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'hid', 'usb', 'serial']) {
      expect(await drive('permission', { name: permission }), permission).toEqual({ request: false, check: false, device: false });
    }
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(await drive('navigate', { event, url: 'https://example.com/' }), event).toBe(false);
      expect(await drive('navigate', { event, url: 'file:///etc/passwd' }), event).toBe(false);
    }
    expect(await drive('navigate', { event: 'will-navigate', url: START_URL })).toBe(true);
    expect(await drive('windowOpen', { url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(await drive('networkRequest', { url: 'https://example.com/' })).toEqual({ cancel: true });
  });

  it('closes the core on will-quit before the app quits', async () => {
    expect(fs.existsSync(path.join(dataDir, 'kiosk.sqlite-wal'))).toBe(true);
    await expect(drive('quit')).resolves.toBe(true);
    // SQLite removes the write-ahead log when its last connection closes cleanly.
    expect(fs.existsSync(path.join(dataDir, 'kiosk.sqlite-wal'))).toBe(false);
    const afterQuit = await callFrom(START_URL, true, 'terminal.status');
    expect(afterQuit.ok).toBe(false);
    expect((await state()).calls.filter(([api]) => api === 'app.quit')).toHaveLength(2);
  });
});
