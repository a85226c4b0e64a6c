// Copy-paste check: runs jscpd with .jscpd.json and fails when the tree holds more than 30 clones,
// or any clone between two screen files (src-renderer/screens/*), which should share components.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MAX_CLONES = 30;
const SCREENS = 'src-renderer/screens/';
const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const output = fs.mkdtempSync(path.join(os.tmpdir(), 'jscpd-'));

try {
  execFileSync(
    process.execPath,
    [
      path.join(root, 'node_modules/jscpd/run-jscpd.js'),
      '--config',
      '.jscpd.json',
      '--reporters',
      'json,silent',
      '--output',
      output,
      '--no-tips',
      '--absolute',
    ],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const report = JSON.parse(fs.readFileSync(path.join(output, 'jscpd-report.json'), 'utf8'));
  // Svelte blocks are reported as «file.svelte:css»; the file is what counts.
  const fileOf = (fragment) => path.relative(root, path.resolve(root, fragment.name.replace(/:[a-z]+$/, '')));
  const clones = report.duplicates.map((clone) => ({
    lines: clone.lines,
    first: `${fileOf(clone.firstFile)}:${clone.firstFile.start}`,
    second: `${fileOf(clone.secondFile)}:${clone.secondFile.start}`,
    betweenScreens:
      fileOf(clone.firstFile).startsWith(SCREENS) &&
      fileOf(clone.secondFile).startsWith(SCREENS) &&
      fileOf(clone.firstFile) !== fileOf(clone.secondFile),
  }));
  const betweenScreens = clones.filter((clone) => clone.betweenScreens);
  for (const clone of clones) console.log(`${clone.betweenScreens ? '✗' : ' '} ${clone.lines} lines  ${clone.first} ↔ ${clone.second}`);
  console.log(`jscpd: ${clones.length} clones (limit ${MAX_CLONES}), ${betweenScreens.length} between screen files (limit 0).`);
  if (clones.length > MAX_CLONES || betweenScreens.length > 0) process.exitCode = 1;
} finally {
  fs.rmSync(output, { recursive: true, force: true });
}
