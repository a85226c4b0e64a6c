// The renderer/core boundary is a lint rule; this proves the rule refuses what it must and only that.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

describe('the renderer boundary', () => {
  it('refuses imports of the core, the outbox, the billing client, Node and the store, and allows contracts', async () => {
    const eslint = new ESLint({ cwd: root, ignore: false });
    const [result] = await eslint.lintFiles(['src-renderer/lint-fixtures/forbidden-imports.ts']);
    const refused = (result?.messages ?? [])
      .filter((message) => message.ruleId === 'no-restricted-syntax' || message.ruleId === 'no-restricted-imports')
      .map((message) => message.line);
    // kiosk-core, outbox, billing-client, node:fs, the re-export of kiosk-features, the dynamic store import.
    expect(refused.sort((a, b) => a - b)).toEqual([3, 4, 5, 6, 7, 13]);
  }, 60_000);
});
