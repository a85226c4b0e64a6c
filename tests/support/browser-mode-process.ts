// Starts the built kiosk in browser mode as a real child process (the way `npm start` does) with a
// fresh data folder, and waits for its `Kiosk ready: <url>` line.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface KioskProcess {
  /** The launch URL the kiosk printed (and would hand its browser): its one-time code is already spent. */
  url: string;
  origin: string;
  /** The session cookie the launch code was exchanged for, as the kiosk's browser would hold it. */
  sessionCookie: { name: string; value: string };
  dataDir: string;
  child: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

export interface StartKioskOptions {
  env?: Record<string, string>;
  /** Reuse a data folder (e.g. to restart the same kiosk); a fresh temp folder otherwise. */
  dataDir?: string;
  config?: Record<string, unknown>;
}

const ENTRY = path.resolve('.vite/node/browser-mode.js');

export async function startKioskProcess(options: StartKioskOptions = {}): Promise<KioskProcess> {
  if (!fs.existsSync(ENTRY)) throw new Error(`${ENTRY} is missing: run "npm run build" before the end-to-end tests`);
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-e2e-'));
  if (options.config) fs.writeFileSync(path.join(dataDir, 'kiosk-config.json'), JSON.stringify(options.config));
  const child = spawn(process.execPath, ['--enable-source-maps', ENTRY], {
    env: { ...process.env, KIOSK_HEADLESS: '1', KIOSK_DATA_DIR: dataDir, KIOSK_PORT: '0', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`kiosk did not become ready:\n${output}`)), 30_000);
    const check = () => {
      const match = /Kiosk ready: (\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`kiosk exited with ${code} before it was ready:\n${output}`));
    });
  });
  const parsed = new URL(url);
  const sessionCookie = await launch(url);
  return {
    url,
    origin: parsed.origin,
    sessionCookie,
    dataDir,
    child,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** The in-process reference billing server a kiosk in training mode announced at start. */
export function trainingBillingUrl(kiosk: KioskProcess): string {
  const match = /reference billing server at (\S+)/.exec(kiosk.output());
  if (!match?.[1]) throw new Error('training mode did not print its billing URL');
  return match[1];
}

/**
 * Spends the launch code as the kiosk's browser does on its first load, and keeps the session cookie
 * it is exchanged for: the tests' browser contexts and direct API calls all carry that cookie.
 */
async function launch(url: string): Promise<{ name: string; value: string }> {
  const response = await fetch(url, { redirect: 'manual' });
  const cookie = /^([^=]+)=([^;]+)/.exec(response.headers.get('set-cookie') ?? '');
  if (response.status !== 303 || !cookie?.[1] || !cookie[2])
    throw new Error(`the launch URL gave ${response.status} and no session cookie`);
  return { name: cookie[1], value: cookie[2] };
}

/** Calls the kiosk API over loopback HTTP with the session cookie, as the renderer's browser-mode transport does. */
export async function callKioskApi(kiosk: KioskProcess, method: string): Promise<{ ok: boolean; error?: { code: string } }> {
  const response = await fetch(`${kiosk.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: `${kiosk.sessionCookie.name}=${kiosk.sessionCookie.value}` },
    body: '{}',
  });
  return (await response.json()) as { ok: boolean; error?: { code: string } };
}
