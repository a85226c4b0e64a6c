// `npm test`: every check the project promises, in the order a failure is cheapest to read:
// type check (Node, DOM and test projects), lint, svelte-check, dead code (knip), copy-paste (jscpd), build, unit + integration + end-to-end tests (vitest, with the
// end-to-end suite in Debian's Chromium), Electronegativity, and a tiny smoke run of the benchmarks.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const results = path.join(os.tmpdir(), `kiosk-vitest-${process.pid}.json`);
const steps = [
  ['type check', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['svelte-check', 'npm', ['run', '--silent', 'svelte-check']],
  ['dead code (knip)', 'npm', ['run', '--silent', 'knip']],
  ['copy-paste (jscpd)', 'npm', ['run', '--silent', 'duplicates']],
  ['build', 'npm', ['run', '--silent', 'build']],
  ['tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${results}`]],
];
if (fs.existsSync('scripts/electronegativity.mjs')) steps.push(['electronegativity', 'node', ['scripts/electronegativity.mjs']]);
if (fs.existsSync('scripts/bench.mjs')) steps.push(['benchmark smoke run', 'node', ['scripts/bench.mjs', '--smoke']]);

for (const [name, command, args] of steps) {
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const run = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  if (run.status !== 0) {
    report();
    console.error(`\n${name} failed (exit ${run.status ?? run.signal}).`);
    process.exit(run.status || 1);
  }
}
report();

function report() {
  if (!fs.existsSync(results)) return;
  const summary = JSON.parse(fs.readFileSync(results, 'utf8'));
  fs.rmSync(results, { force: true });
  console.log(
    `\n${summary.numPassedTests} passed, ${summary.numFailedTests} failed, ${summary.numPendingTests + summary.numTodoTests} skipped`,
  );
}
