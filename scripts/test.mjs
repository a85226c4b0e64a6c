// `npm test`: every check the project promises, in two lanes side by side, one per core.
// The build comes first, and the integration and end-to-end tests (vitest, the end-to-end suite in
// Debian's Chromium) start as soon as it is done: they are the longest step, and they leave about a
// third of the two cores idle while their files wait on Chromium, the kiosk and the clock. The other
// lane runs the checks in that room: the unit tests, the type check (Node, test and script
// projects), ESLint (type-aware on the shipped code), svelte-check, Prettier, dead code (knip),
// copy-paste (jscpd) and Electronegativity on the build. A tiny smoke run of the benchmarks comes last,
// once both lanes are done: alone on the machine it takes 17 to 31 s, beside the other lane's checks
// about half as long again.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const npmRun = (script) => ['npm', ['run', '--silent', script]];
/** Each vitest run writes its JSON results to its own file; the final count adds them up. */
const resultFiles = [];
function vitest(name, projects, extraArgs = [], options = {}) {
  const results = path.join(os.tmpdir(), `kiosk-vitest-${process.pid}-${resultFiles.length}.json`);
  resultFiles.push(results);
  const args = ['vitest', 'run', ...projects.flatMap((project) => ['--project', project]), ...extraArgs];
  // A failed test run does not stop the steps after it: every test's verdict is worth reading.
  return [name, 'npx', [...args, '--reporter=default', '--reporter=json', `--outputFile.json=${results}`], { tests: true, ...options }];
}

const BUILD = ['build', ...npmRun('build')];
/** Steps that read the build wait for it; a failed build skips them. */
const NEEDS_BUILD = { needsBuild: true };
const checksLane = [
  // The unit tests need no build. Some (scrypt at OWASP's cost) are heavy; their 30 s budget holds beside the e2e files.
  vitest('unit tests', ['unit']),
  ['type check', ...npmRun('typecheck')],
  ['ESLint', 'npx', ['eslint', '.', '--max-warnings', '0']],
  // It type-checks the renderer's TypeScript modules as well as its components (the type check
  // above leaves src-renderer to it).
  ['svelte-check', ...npmRun('svelte-check')],
  ['Prettier', 'npx', ['prettier', '--check', '.']],
  ['dead code (knip)', ...npmRun('knip')],
  ['copy-paste (jscpd)', ...npmRun('duplicates')],
  ['electronegativity', 'node', ['scripts/electronegativity.mjs'], NEEDS_BUILD],
];
// Four files at a time, not two: an e2e file spends about half its time waiting (for the kiosk, a
// poll, a held corner, a billing time-out), so two of them left a core idle; measured, the same
// files took 470 s instead of 524 s. The longest files start first (tests/support/longest-first-sequencer.ts).
const testLane = [BUILD, vitest('integration and e2e tests', ['integration', 'e2e'], ['--maxWorkers=4'], { ...NEEDS_BUILD, live: true })];
// It only proves every benchmark still runs: its figures are not judged (`npm run bench` measures alone).
const SMOKE_RUN = ['benchmark smoke run', 'node', ['scripts/bench.mjs', '--smoke'], NEEDS_BUILD];

/**
 * Runs one step. Its output is kept and printed in one piece when it ends, so the lanes never
 * interleave; a `live` step (the long test run) prints as it goes, and the other lane's steps print
 * between its lines.
 */
function run([name, command, args, { tests = false, live = false } = {}]) {
  return new Promise((resolve) => {
    const started = Date.now();
    const header = `\n=== ${name}: ${command} ${args.join(' ')}`;
    if (live) console.log(header);
    const child = spawn(command, args, { stdio: live ? 'inherit' : ['ignore', 'pipe', 'pipe'], env: process.env });
    const output = [];
    child.stdout?.on('data', (chunk) => output.push(chunk));
    child.stderr?.on('data', (chunk) => output.push(chunk));
    child.on('close', (code, signal) => {
      const seconds = Math.round((Date.now() - started) / 1000);
      if (!live) process.stdout.write(`${header}\n${Buffer.concat(output).toString()}`);
      console.log(`--- ${name}: ${code === 0 ? 'ok' : `failed (exit ${code ?? signal})`} in ${seconds} s`);
      resolve({ name, ok: code === 0, tests });
    });
  });
}

let resolveBuilt;
/** Whether the build succeeded, once it has run. */
const built = new Promise((resolve) => (resolveBuilt = resolve));

/** Runs a lane's steps in order; a failed check ends the lane, failed tests do not. */
async function lane(steps) {
  const outcomes = [];
  for (const step of steps) {
    if (step[3]?.needsBuild && !(await built)) break;
    const outcome = await run(step);
    if (step === BUILD) resolveBuilt(outcome.ok);
    outcomes.push(outcome);
    if (!outcome.ok && !outcome.tests) break;
  }
  return outcomes;
}

const outcomes = (await Promise.all([lane(checksLane), lane(testLane)])).flat();
if (await built) outcomes.push(await run(SMOKE_RUN));
const failedNames = outcomes.filter((outcome) => !outcome.ok).map((outcome) => outcome.name);
if (failedNames.length > 0) fail(failedNames);
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
