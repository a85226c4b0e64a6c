// Lint rules for the whole repository: TypeScript (type-aware where it matters) and Svelte.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

// Type-aware rules on a `.svelte` file see the parser's virtual TypeScript of it, not the markup on
// disk; without this hook the TypeScript program is rebuilt (and every type re-inferred) for each
// component, about 110 of lint's 260 CPU seconds here. With it, TypeScript reads components as that
// same virtual code, and imported components get their real prop types. svelte-eslint-parser reads
// the flag when it loads, so the plugin is imported after it is set. Experimental upstream (it
// prints one line saying so); if it goes away, lint only gets slower again.
process.env.SVELTE_ESLINT_PARSER_EXPERIMENTAL_TS_SYS_HOOK ??= '1';
const { default: svelte } = await import('eslint-plugin-svelte');

/**
 * What the renderer may import from src-main: the API contract and method map, the feature
 * contracts, the event map, and pure checks it mirrors on screen. Anything else there (the core,
 * the outbox, the billing client, the store) would pull Node into the page.
 */
const RENDERER_MAY_IMPORT = [
  'core/api/contract',
  'core/events/kiosk-events',
  'core/config/config-fields',
  'core/messages/messages',
  'core/security/account-number-mask',
  'features/kiosk-methods',
  'features/[a-z-]+/[a-z-]+-contract',
  'features/readings/reading-checks',
];
// esquery ends a regex at the first bare slash, so the paths' slashes are escaped.
const RENDERER_FORBIDDEN_SOURCE = `/src-main\\/(?!(${RENDERER_MAY_IMPORT.map((allowed) => allowed.replaceAll('/', '\\/')).join('|')})$)/`;

/** The same source rule for static imports, re-exports and dynamic imports. */
function forbiddenSourceSelectors(sourceRegex) {
  const message = 'The renderer may import from src-main only the Node-free modules listed in eslint.config.js (RENDERER_MAY_IMPORT).';
  return ['ImportDeclaration', 'ExportNamedDeclaration', 'ExportAllDeclaration', 'ImportExpression'].map((node) => ({
    selector: `${node}[source.value=${sourceRegex}]`,
    message,
  }));
}

export default tseslint.config(
  {
    ignores: [
      'src-renderer/lint-fixtures/',
      'node_modules/',
      '.vite/',
      'out/',
      'dist/',
      'bench/',
      'screenshots/',
      'coverage/',
      '.kiosk-data/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  prettier,
  ...svelte.configs['flat/prettier'],
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // Promises that nobody awaits lose their errors; a kiosk that runs for weeks must not. Type-aware,
    // so kept to the shipped code: the tests' promises are awaited by the runner's own checks, and
    // every other file (tests, scripts, configs) gets only the rules above, which need no types.
    files: ['src-main/**/*.ts', 'src-renderer/**/*.ts', 'src-renderer/**/*.svelte'],
    // The boundary fixture imports Node on purpose, so no TypeScript project of ours includes it.
    ignores: ['**/*.test.ts', 'src-renderer/lint-fixtures/**'],
    languageOptions: {
      parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    // TypeScript inside components and runes modules; their types come from the block above.
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, svelteConfig } },
  },
  {
    // The renderer never talks to Node or the network on its own: only through the kiosk API client.
    // From src-main it may import only the Node-free modules listed in RENDERER_MAY_IMPORT; the
    // test in scripts/lint-boundaries.test.ts lints a fixture of forbidden imports to prove it.
    files: ['src-renderer/**/*.ts', 'src-renderer/**/*.svelte'],
    ignores: ['src-renderer/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:*', 'axios', 'better-sqlite3', 'electron', 'pino'] }],
      'no-restricted-syntax': ['error', ...forbiddenSourceSelectors(RENDERER_FORBIDDEN_SOURCE)],
    },
  },
);
