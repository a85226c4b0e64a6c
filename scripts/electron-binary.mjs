// Tells whether Electron's binary is installed, without triggering electron's lazy download
// (`require('electron')` would try to fetch it, which fails on an offline machine).
import fs from 'node:fs';
import path from 'node:path';

export function electronBinaryPath(root = process.cwd()) {
  const packageDir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(packageDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const executable = fs.readFileSync(pathFile, 'utf8').trim();
  const base = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(packageDir, 'dist');
  const full = path.join(base, executable);
  return fs.existsSync(full) ? full : null;
}
