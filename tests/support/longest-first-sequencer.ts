// The order in which Vitest starts the test files: the longest first, across the integration and
// end-to-end projects, so that the last minute of `npm test` is not one long file running alone.
// Vitest's own order runs the projects one after the other and, on a fresh clone without its cache,
// the largest files first; but the longest files are short ones (the accessibility tours, the crash
// test), which then started last and ran alone for the last 30 to 60 s. How long each file takes
// comes from tests/file-durations.json (`node scripts/file-durations.mjs` refreshes it); a file not
// in it is new and starts first, as Vitest itself starts files it has no figures for.
import fs from 'node:fs';
import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const DURATIONS_FILE = path.resolve(import.meta.dirname, '../file-durations.json');

export class LongestFirstSequencer extends BaseSequencer {
  override sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const seconds = JSON.parse(fs.readFileSync(DURATIONS_FILE, 'utf8')) as Record<string, number>;
    const root = this.ctx.config.root;
    const expected = (file: TestSpecification) =>
      seconds[path.relative(root, file.moduleId).split(path.sep).join('/')] ?? Number.POSITIVE_INFINITY;
    return Promise.resolve([...files].sort((a, b) => Math.sign(expected(b) - expected(a)) || 0));
  }
}
