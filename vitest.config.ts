import path from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';
import { LongestFirstSequencer } from './tests/support/longest-first-sequencer';

// Three suites: unit tests sit next to the code; integration tests talk to real servers over
// real HTTP with real SQLite files; end-to-end tests drive Debian's Chromium through browser mode.
export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: one on this 2-core machine, which ran the
    // whole suite one file at a time. The e2e files spend most of their time waiting on Chromium and
    // the kiosk, so two workers let the unit and integration files run beside them.
    maxWorkers: 2,
    // The longest files first, across projects (tests/support/longest-first-sequencer.ts).
    sequence: { sequencer: LongestFirstSequencer },
    projects: [
      {
        // The Svelte plugin compiles only `*.svelte` and `*.svelte.ts` modules (the renderer's state
        // classes and their `*.svelte.test.ts` tests, which may use runes); every other unit test is
        // plain TypeScript and passes through untouched. Runes are compiled for the client, as the
        // kiosk runs them, not for server rendering, which has no reactivity.
        plugins: [
          svelte({
            configFile: path.resolve(import.meta.dirname, 'svelte.config.js'),
            dynamicCompileOptions: () => ({ generate: 'client' }),
          }),
        ],
        // `svelte` itself (flushSync, $effect.root) is its client build too; under Node it would resolve to the server one.
        resolve: {
          alias: [{ find: /^svelte$/, replacement: path.resolve(import.meta.dirname, 'node_modules/svelte/src/index-client.js') }],
        },
        test: {
          name: 'unit',
          include: ['src-main/**/*.test.ts', 'src-renderer/**/*.test.ts', 'scripts/**/*.test.ts'],
          environment: 'node',
          // `npm test` runs the unit tests beside the build and the first e2e files: the PIN hashing
          // (scrypt at OWASP's cost, slow on purpose) and the lint-boundary test need more than the
          // default 5 s on a shared core. A budget, not a speed check.
          testTimeout: 30_000,
          // Files share a worker's module cache instead of importing zod, Svelte and the core afresh
          // each: half the suite's CPU time. Safe because no unit test leaves global state behind
          // (fake timers are restored, singletons reset in their tests' hooks, stubbed globals undone
          // after every test by the option below).
          isolate: false,
          unstubGlobals: true,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          // As for the unit tests: each file starts its own servers, kiosks and data folders, so
          // sharing the module cache across a worker's files saves the imports and nothing else.
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          // As for the integration tests: each file starts its own kiosk, data folder and Chromium
          // (tests/support/kiosk-test.ts), so sharing a worker's module cache across its files
          // saves importing Playwright, zod and the reference server again for every file.
          isolate: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // expect.poll's default of 1 s is shorter than a login or a staff PIN check takes beside
          // Chromium and a second worker on two loaded cores; a wrong screen still fails, only later.
          expect: { poll: { timeout: 5_000 } },
          // Several e2e files at a time (two by default, four in `npm test`: scripts/test.mjs), each
          // with its own kiosk process, data folder and Chromium: the files share nothing, and one at
          // a time was the longest part of `npm test`. Polls wait up to 5 s (above) for the load.
          fileParallelism: true,
        },
      },
    ],
  },
});
