// `npm test`: every check the project promises, in the order a failure is cheapest to read.
// First two lanes side by side, one per core: lint (type-aware ESLint, then Prettier) beside the
// type check (Node, DOM and test projects), svelte-check, dead code (knip), copy-paste (jscpd), the
// build, Electronegativity on it and a tiny smoke run of the benchmarks. Then unit + integration +
// end-to-end tests (vitest, with the end-to-end suite in Debian's Chromium).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const results = path.join(os.tmpdir(), `kiosk-vitest-${process.pid}.json`);
const npmRun = (script) => ['npm', ['run', '--silent', script]];
const staticLanes = [
  [['lint', ...npmRun('lint')]],
  [
    ['type check', ...npmRun('typecheck')],
    ['svelte-check', ...npmRun('svelte-check')],
    ['dead code (knip)', ...npmRun('knip')],
    ['copy-paste (jscpd)', ...npmRun('duplicates')],
    ['build', ...npmRun('build')],
    // Both read the build. The smoke run only proves every benchmark still runs: its figures are not
    // judged, so sharing the machine with lint does not matter (`npm run bench` measures alone).
    ['electronegativity', 'node', ['scripts/electronegativity.mjs']],
    ['benchmark smoke run', 'node', ['scripts/bench.mjs', '--smoke']],
  ],
];
const laterSteps = [['tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${results}`]]];

/** Runs one step; with `quiet`, its output is kept and printed in one piece when it ends, so two lanes never interleave. */
function run([name, command, args], quiet) {
  return new Promise((resolve) => {
    const started = Date.now();
    const header = `\n=== ${name}: ${command} ${args.join(' ')}`;
    if (!quiet) console.log(header);
    const child = spawn(command, args, { stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit', env: process.env });
    const output = [];
    child.stdout?.on('data', (chunk) => output.push(chunk));
    child.stderr?.on('data', (chunk) => output.push(chunk));
    child.on('close', (code, signal) => {
      const seconds = Math.round((Date.now() - started) / 1000);
      if (quiet) process.stdout.write(`${header}\n${Buffer.concat(output).toString()}`);
      console.log(`--- ${name}: ${code === 0 ? 'ok' : `failed (exit ${code ?? signal})`} in ${seconds} s`);
      resolve({ name, ok: code === 0 });
    });
  });
}

async function lane(steps) {
  for (const step of steps) {
    const outcome = await run(step, true);
    if (!outcome.ok) return outcome;
  }
  return { ok: true };
}

const failedLane = (await Promise.all(staticLanes.map(lane))).find((outcome) => !outcome.ok);
if (failedLane) fail(failedLane.name);
for (const step of laterSteps) {
  const outcome = await run(step, false);
  if (!outcome.ok) fail(outcome.name);
}
report();

function fail(name) {
  report();
  console.error(`\n${name} failed.`);
  process.exit(1);
}

function report() {
  if (!fs.existsSync(results)) return;
  const summary = JSON.parse(fs.readFileSync(results, 'utf8'));
  fs.rmSync(results, { force: true });
  console.log(
    `\n${summary.numPassedTests} passed, ${summary.numFailedTests} failed, ${summary.numPendingTests + summary.numTodoTests} skipped`,
  );
}
