// Bundles the Node entry points (browser mode, the reference billing server CLI) with esbuild.
// Native and heavy runtime packages stay external and load from node_modules.
import { build } from 'esbuild';

const external = ['better-sqlite3', 'node-thermal-printer', 'axios', 'zod', 'sirv', 'iconv-lite'];

await build({
  entryPoints: {
    'browser-mode': 'src-main/browser-mode/browser-mode-main.ts',
    'billing-server': 'src-main/billing-server/cli.ts',
  },
  outdir: '.vite/node',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  external,
  logLevel: 'warning',
  banner: {
    // Bundled ESM still needs `require` for the CommonJS packages kept external.
    js: "import { createRequire as __kioskCreateRequire } from 'node:module'; const require = __kioskCreateRequire(import.meta.url);",
  },
});
