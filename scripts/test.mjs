// `npm test`: every check the project promises, in the order a failure is cheapest to read.
// First two lanes side by side, one per core: the unit tests, ESLint (type-aware on the shipped
// code) and svelte-check beside the type check (Node, test and script projects), Prettier, dead
// code (knip), copy-paste (jscpd), the build, Electronegativity on it and a tiny smoke run of the
// benchmarks. Then the integration and end-to-end tests (vitest, with the end-to-end suite in
// Debian's Chromium), which need the build.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const npmRun = (script) => ['npm', ['run', '--silent', script]];
/** Each vitest run writes its JSON results to its own file; the final count adds them up. */
const resultFiles = [];
function vitest(name, projects, extraArgs = []) {
  const results = path.join(os.tmpdir(), `kiosk-vitest-${process.pid}-${resultFiles.length}.json`);
  resultFiles.push(results);
  const args = ['vitest', 'run', ...projects.flatMap((project) => ['--project', project]), ...extraArgs];
  // A failed test run does not stop the runs after it: every test's verdict is worth reading.
  return [name, 'npx', [...args, '--reporter=default', '--reporter=json', `--outputFile.json=${results}`], { tests: true }];
}
const staticLanes = [
  [
    // The unit tests need no build, so they run here instead of after it. First, beside the type
    // check, not beside the benchmark smoke run's Chromium: some (scrypt) are heavy on a shared core.
    vitest('unit tests', ['unit']),
    ['ESLint', 'npx', ['eslint', '.', '--max-warnings', '0']],
    // It type-checks the renderer's TypeScript modules as well as its components (the type check
    // in the other lane leaves src-renderer to it).
    ['svelte-check', ...npmRun('svelte-check')],
  ],
  [
    ['type check', ...npmRun('typecheck')],
    ['Prettier', 'npx', ['prettier', '--check', '.']],
    ['dead code (knip)', ...npmRun('knip')],
    ['copy-paste (jscpd)', ...npmRun('duplicates')],
    ['build', ...npmRun('build')],
    // Both read the build. The smoke run only proves every benchmark still runs: its figures are not
    // judged, so sharing the machine with the other lane does not matter (`npm run bench` measures alone).
    ['electronegativity', 'node', ['scripts/electronegativity.mjs']],
    ['benchmark smoke run', 'node', ['scripts/bench.mjs', '--smoke']],
  ],
];
// Four files at a time, not two: an e2e file spends about half its time waiting (for the kiosk, a
// poll, a held corner, a billing time-out), so two of them left a core idle; measured, the same
// files took 470 s instead of 524 s. The longest files are split (accessibility per orientation,
// the in-reach tour in two) so no one file is the tail.
const laterSteps = [vitest('integration and e2e tests', ['integration', 'e2e'], ['--maxWorkers=4'])];

/** Runs one step; with `quiet`, its output is kept and printed in one piece when it ends, so two lanes never interleave. */
function run([name, command, args, { tests = false } = {}], quiet) {
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
      resolve({ name, ok: code === 0, tests });
    });
  });
}

/** Runs a lane's steps in order; a failed check ends the lane, failed tests do not. */
async function lane(steps) {
  const outcomes = [];
  for (const step of steps) {
    const outcome = await run(step, true);
    outcomes.push(outcome);
    if (!outcome.ok && !outcome.tests) break;
  }
  return outcomes;
}

const outcomes = (await Promise.all(staticLanes.map(lane))).flat();
const failedNames = () => outcomes.filter((outcome) => !outcome.ok).map((outcome) => outcome.name);
// A failed check stops the run before the tests that need the build; failed unit tests do not.
if (outcomes.some((outcome) => !outcome.ok && !outcome.tests)) fail(failedNames());
for (const step of laterSteps) outcomes.push(await run(step, false));
if (failedNames().length > 0) fail(failedNames());
report();

function fail(names) {
  report();
  console.error(`\n${names.join(', ')} failed.`);
  process.exit(1);
}

function report() {
  const summaries = resultFiles.filter((file) => fs.existsSync(file)).map((file) => JSON.parse(fs.readFileSync(file, 'utf8')));
  for (const file of resultFiles) fs.rmSync(file, { force: true });
  if (summaries.length === 0) return;
  const total = (count) => summaries.reduce((sum, summary) => sum + count(summary), 0);
  console.log(
    `\n${total((s) => s.numPassedTests)} passed, ${total((s) => s.numFailedTests)} failed, ${total((s) => s.numPendingTests + s.numTodoTests)} skipped`,
  );
}
