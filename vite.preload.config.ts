// Bundles the preload script into `.vite/build/preload.js` as one CommonJS file: the window is
// sandboxed, and a sandboxed preload is evaluated as a plain script with a minimal `require`
// that offers 'electron' and little else: no ESM, no node_modules, no chunks. (Electron ignores
// package.json "type" for preloads, so the .js name is fine.) Used by @electron-forge/plugin-vite
// (target 'preload') and standalone: `vite build -c vite.preload.config.ts`.
import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { kioskMethodNames } from './src-main/features/kiosk-methods';

const METHODS_MODULE = path.resolve(import.meta.dirname, 'src-main/features/kiosk-methods.ts');

/**
 * The preload needs only the list of method names for its allow-list, but the module that
 * exports it builds every zod schema. This replaces that module, in the preload bundle only, by
 * the same list computed here at build time, so no schema code (and no zod) reaches the renderer.
 */
function methodNamesOnly(): Plugin {
  return {
    name: 'kiosk:preload-method-names-only',
    enforce: 'pre',
    load(id) {
      if (path.resolve(id.split('?')[0] ?? id) !== METHODS_MODULE) return null;
      return [
        `export const kioskMethodNames = Object.freeze(${JSON.stringify(kioskMethodNames)});`,
        "export function isKioskMethodName(name) { return typeof name === 'string' && kioskMethodNames.includes(name); }",
      ].join('\n');
    },
  };
}

export default defineConfig({
  plugins: [methodNamesOnly()],
  build: {
    outDir: '.vite/build',
    // The main bundle is written to the same folder by a parallel build.
    emptyOutDir: false,
    copyPublicDir: false,
    // The Chromium of Electron 45.
    target: 'chrome130',
    sourcemap: false,
    minify: false,
    reportCompressedSize: false,
    rollupOptions: {
      input: { preload: path.resolve(import.meta.dirname, 'src-main/electron/preload.ts') },
      external: ['electron', 'electron/renderer'],
      output: {
        format: 'cjs',
        // One self-contained file: a sandboxed preload cannot load chunks.
        inlineDynamicImports: true,
        entryFileNames: '[name].js',
        chunkFileNames: '[name].js',
        assetFileNames: '[name].[ext]',
      },
    },
  },
});
