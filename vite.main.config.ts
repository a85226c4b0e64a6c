// Bundles the Electron main process (src-main/electron/main.ts plus the whole kiosk core) into
// `.vite/build/main.js`. Used by @electron-forge/plugin-vite (target 'main'), which merges its own
// defaults over nothing we set here, and standalone: `vite build -c vite.main.config.ts`.
//
// Format: ES module. package.json has "type": "module" and "main": ".vite/build/main.js", so
// Electron loads that file as ESM (Electron ≥ 28 supports an ESM main process); a CommonJS bundle
// under that name would not load. Forge's default (lib, cjs) is therefore replaced by our own `lib`.
import path from 'node:path';
import { builtinModules } from 'node:module';
import { build, defineConfig, type Plugin, type Rollup } from 'vite';

/**
 * Kept out of the bundle: Electron itself, Node's built-ins, and better-sqlite3, whose native
 * addon must be loaded from node_modules (forge.config.ts copies it into the package).
 */
export const mainExternals = ['electron', 'electron/main', 'better-sqlite3', ...builtinModules.flatMap((name) => [name, `node:${name}`])];

/**
 * `electron-forge start` serves renderers from a Vite dev server over http://localhost, which
 * the shell deliberately never loads (its only origin is kiosk://app). Forge also wipes `.vite`
 * before starting. So during `start` this plugin builds the renderer to disk, in watch mode, before
 * the main bundle is finished and Electron is launched: edit, then Ctrl+R (allowed in development).
 */
function buildRendererDuringForgeStart(): Plugin {
  let watcher: Rollup.RollupWatcher | null = null;
  let firstBuild: Promise<void> | null = null;
  return {
    name: 'kiosk:build-renderer-during-forge-start',
    // buildStart hooks are awaited before the main bundle is built, and Forge launches Electron
    // only after that bundle is written, so the renderer is on disk when the window opens.
    buildStart() {
      firstBuild ??= (async () => {
        const output = await build({
          configFile: path.resolve(import.meta.dirname, 'vite.renderer.config.ts'),
          logLevel: 'warn',
          build: { watch: {} },
        });
        if (!('on' in output)) return;
        watcher = output;
        await new Promise<void>((resolve) => {
          output.on('event', (event) => {
            if (event.code === 'ERROR') console.error(`[renderer] ${event.error.message}`);
            if (event.code === 'BUNDLE_END' || event.code === 'ERROR') void event.result?.close();
            if (event.code === 'END' || event.code === 'ERROR') resolve();
          });
        });
      })();
      return firstBuild;
    },
    async closeWatcher() {
      await watcher?.close();
    },
  };
}

export default defineConfig(({ command }) => ({
  // Forge passes command 'serve' for `electron-forge start` and 'build' for package/make.
  plugins: command === 'serve' ? [buildRendererDuringForgeStart()] : [],
  resolve: {
    // Node entry points of dependencies (axios, iconv-lite…), not their browser builds.
    conditions: ['node'],
    mainFields: ['module', 'jsnext:main', 'jsnext'],
  },
  build: {
    outDir: '.vite/build',
    // The preload bundle is written to the same folder by a parallel build.
    emptyOutDir: false,
    copyPublicDir: false,
    // Electron 45 ships Node 22 or later.
    target: 'node22',
    sourcemap: true,
    minify: false,
    reportCompressedSize: false,
    lib: {
      entry: path.resolve(import.meta.dirname, 'src-main/electron/main.ts'),
      formats: ['es'],
      fileName: () => 'main.js',
    },
    rollupOptions: {
      external: mainExternals,
      // One main.js, as Forge packages it and Electronegativity scans it: the training-mode billing
      // server (a dynamic import of the core host) is inlined rather than split into hashed chunks.
      output: { inlineDynamicImports: true },
    },
  },
}));
