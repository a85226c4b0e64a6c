// Another local user against browser mode (issue 15 #2). The kiosk starts its browser with the
// launch URL on the command line, where any user can read it from /proc/<pid>/cmdline. The built
// kiosk runs here with a stand-in browser (a shell script that only sleeps, so its command line is
// the one Chromium would get); user `nobody` reads that command line and, once the kiosk's own
// browser has loaded the URL, replays it and calls the API with it. Both are refused: the code was
// spent, and the session secret is only in an HttpOnly cookie. Where `runuser` or the `nobody` user
// is missing, the same reads and calls run as this user, and the test's name says so.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ENTRY = path.resolve('.vite/node/browser-mode.js');

function canRunAsNobody(): boolean {
  try {
    return process.getuid?.() === 0 && execFileSync('runuser', ['-u', 'nobody', '--', 'true']).length === 0;
  } catch {
    return false;
  }
}
const AS_NOBODY = canRunAsNobody();
const attacker = AS_NOBODY ? 'user nobody' : 'this user (runuser or nobody is missing)';

/** Runs a small Node script as `nobody` (or as this user) and returns what it printed. */
function runAsAttacker(script: string): string {
  const command = AS_NOBODY ? ['runuser', '-u', 'nobody', '--', process.execPath, '-e', script] : [process.execPath, '-e', script];
  return execFileSync(command[0] as string, command.slice(1), { encoding: 'utf8', cwd: os.tmpdir() });
}

let dir: string;
let kiosk: ChildProcess;
let output = '';
let fakeBrowser: string;

beforeAll(async () => {
  if (!fs.existsSync(ENTRY)) throw new Error(`${ENTRY} is missing: run "npm run build" first`);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-launch-'));
  fakeBrowser = path.join(dir, 'stand-in-browser.sh');
  fs.writeFileSync(fakeBrowser, '#!/bin/sh\nwhile :; do sleep 1; done\n', { mode: 0o755 });
  // The data folder is private (0700): nobody cannot enter it, as in real use; the script must be reachable.
  fs.chmodSync(dir, 0o755);
  kiosk = spawn(process.execPath, [ENTRY], {
    env: { ...process.env, KIOSK_HEADLESS: '0', KIOSK_CHROMIUM: fakeBrowser, KIOSK_DATA_DIR: path.join(dir, 'data'), KIOSK_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  kiosk.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  kiosk.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the kiosk did not open its browser:\n${output}`)), 30_000);
    kiosk.stdout?.on('data', () => {
      if (output.includes('in kiosk mode')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
});

afterAll(async () => {
  if (kiosk && kiosk.exitCode === null) {
    const exited = new Promise((resolve) => kiosk.once('exit', resolve));
    kiosk.kill('SIGTERM');
    await exited;
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The kiosk's browser process as any local user sees it in /proc. */
function browserCommandLine(): string {
  const pid = fs
    .readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .find((entry) => {
      try {
        return fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(fakeBrowser);
      } catch {
        return false;
      }
    });
  if (!pid) throw new Error('the stand-in browser is not running');
  return runAsAttacker(`process.stdout.write(require('fs').readFileSync('/proc/${pid}/cmdline', 'utf8').replaceAll('\\0', ' '))`);
}

describe(`browser mode against ${attacker}`, () => {
  it('puts only a one-time launch code on the command line, and it is useless once the kiosk’s browser has loaded it', async () => {
    const commandLine = browserCommandLine();
    const launchUrl = /--app=(\S+)/.exec(commandLine)?.[1] ?? '';
    expect(launchUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/launch\?code=[\w-]{43}$/);
    const origin = new URL(launchUrl).origin;

    // The kiosk's own browser loads it first and gets the session cookie.
    const first = await fetch(launchUrl, { redirect: 'manual' });
    expect(first.status).toBe(303);
    const cookie = /^kiosk_session=([\w-]+);.*HttpOnly; SameSite=Strict/.exec(first.headers.get('set-cookie') ?? '')?.[1] ?? '';
    expect(cookie).toMatch(/^[\w-]{43}$/);
    expect(commandLine).not.toContain(cookie);
    const own = await fetch(`${origin}/api/terminal.status`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: `kiosk_session=${cookie}` },
      body: '{}',
    });
    expect(((await own.json()) as { ok: boolean }).ok).toBe(true);

    // The other user replays what the command line showed: the code is spent, and it opens no API call.
    const code = new URL(launchUrl).searchParams.get('code') ?? '';
    const attempt = JSON.parse(
      runAsAttacker(`(async () => {
        const launch = await fetch(${JSON.stringify(launchUrl)}, { redirect: 'manual' });
        const call = (headers) => fetch(${JSON.stringify(`${origin}/api/profile.get`)}, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: '{}' }).then((r) => r.status);
        console.log(JSON.stringify({
          launch: launch.status,
          cookie: launch.headers.get('set-cookie'),
          bare: await call({}),
          codeAsCookie: await call({ Cookie: 'kiosk_session=' + ${JSON.stringify(code)} }),
          codeAsHeader: await call({ 'X-Kiosk-Token': ${JSON.stringify(code)} }),
        }));
      })()`),
    ) as Record<string, unknown>;
    expect(attempt).toEqual({ launch: 403, cookie: null, bare: 403, codeAsCookie: 403, codeAsHeader: 403 });
  });
});
