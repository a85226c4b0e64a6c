// The .deb's postinst makes the install folder root-owned and writable by root only. On Linux that
// is what keeps the installed kiosk as shipped: Electron checks the ASAR-integrity fuse on Windows
// and macOS, not on Linux. The script runs here against a staged install (DPKG_ROOT, as dpkg sets it
// for an install into another root) whose files were unpacked with careless modes.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import forgeConfig from '../../forge.config';

const POSTINST = path.resolve(import.meta.dirname, '../../resources/deb/postinst');
let root: string | null = null;

afterEach(() => {
  if (root) fs.rmSync(root, { recursive: true, force: true });
  root = null;
});

const modeOf = (file: string) => fs.statSync(file).mode & 0o7777;

describe('the .deb install folder', () => {
  it('the deb maker installs the postinst script', () => {
    const deb = forgeConfig.makers?.find((maker) => 'name' in maker && maker.name === 'deb') as
      { configOrConfigFetcher?: { options?: { scripts?: Record<string, string> } } } | undefined;
    expect(deb?.configOrConfigFetcher?.options?.scripts?.postinst).toBe(POSTINST);
    expect(modeOf(POSTINST) & 0o111).not.toBe(0);
  });

  it.skipIf(process.getuid?.() !== 0)('postinst leaves nothing writable but by root (runs as root, as dpkg does)', () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-deb-root-'));
    const installDir = path.join(root, 'usr/lib/uis-kiosk');
    fs.mkdirSync(path.join(installDir, 'resources'), { recursive: true });
    const files = {
      binary: path.join(installDir, 'uis-kiosk'),
      asar: path.join(installDir, 'resources/app.asar'),
      sandbox: path.join(installDir, 'chrome-sandbox'),
    };
    for (const file of Object.values(files)) fs.writeFileSync(file, 'x');
    fs.chmodSync(files.binary, 0o777);
    fs.chmodSync(files.asar, 0o666);
    fs.chmodSync(files.sandbox, 0o755);
    fs.chmodSync(path.join(installDir, 'resources'), 0o777);
    fs.chownSync(files.asar, 65534, 65534);

    execFileSync('sh', [POSTINST, 'configure'], { env: { ...process.env, DPKG_ROOT: root } });

    expect(modeOf(files.binary)).toBe(0o755);
    expect(modeOf(files.asar)).toBe(0o644);
    expect(modeOf(path.join(installDir, 'resources'))).toBe(0o755);
    expect(modeOf(files.sandbox)).toBe(0o4755);
    expect(fs.statSync(files.asar).uid).toBe(0);
    expect(fs.statSync(files.asar).gid).toBe(0);
  });
});
