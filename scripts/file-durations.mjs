// Records how long each integration and end-to-end test file ran, from a Vitest JSON report, in
// tests/file-durations.json: the order in which `npm test` starts them (tests/support/longest-first-sequencer.ts).
//   npx vitest run --project integration --project e2e --maxWorkers=4 --reporter=json --outputFile.json=/tmp/report.json
//   node scripts/file-durations.mjs /tmp/report.json
import fs from 'node:fs';
import path from 'node:path';

const [reportFile] = process.argv.slice(2);
if (!reportFile) {
  console.error('usage: node scripts/file-durations.mjs <vitest JSON report>');
  process.exit(2);
}
const root = path.resolve(import.meta.dirname, '..');
const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
const seconds = Object.fromEntries(
  report.testResults
    .map((file) => [path.relative(root, file.name).split(path.sep).join('/'), Math.round((file.endTime - file.startTime) / 100) / 10])
    .sort(([a], [b]) => (a < b ? -1 : 1)),
);
fs.writeFileSync(path.join(root, 'tests/file-durations.json'), `${JSON.stringify(seconds, null, 2)}\n`);
console.log(`${Object.keys(seconds).length} files recorded in tests/file-durations.json`);
