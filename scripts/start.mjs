// `npm start`: the Electron shell when Electron's binary is installed, otherwise the same kiosk in
// browser mode (core under Node, renderer in Chromium). It says which, and builds what is stale.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { electronBinaryPath } from './electron-binary.mjs';

const root = process.cwd();
const electron = electronBinaryPath(root);

if (electron && process.env.KIOSK_BROWSER_MODE !== '1') {
  console.log(`Electron binary found (${electron}): starting the Electron shell.`);
  const child = spawn('npx', ['electron-forge', 'start'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(
    electron
      ? 'KIOSK_BROWSER_MODE=1: starting browser mode.'
      : 'Electron binary not installed: starting browser mode (kiosk core under Node, renderer in Chromium).',
  );
  if (isBuildStale()) {
    const build = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const child = spawn(process.execPath, ['--enable-source-maps', '.vite/node/browser-mode.js'], { stdio: 'inherit' });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code) => process.exit(code ?? 0));
}

/** A build is stale when any source is newer than the oldest build output. */
function isBuildStale() {
  const outputs = ['.vite/node/browser-mode.js', '.vite/renderer/main_window/index.html'].map((file) => path.join(root, file));
  if (!outputs.every((file) => fs.existsSync(file))) return true;
  const builtAt = Math.min(...outputs.map((file) => fs.statSync(file).mtimeMs));
  const sources = ['src-main', 'src-renderer', 'package.json', 'vite.renderer.config.ts'];
  return sources.some((source) => newestMtime(path.join(root, source)) > builtAt);
}

function newestMtime(target) {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}
