// Builds the Svelte renderer into `.vite/renderer/main_window`, where both the Electron shell
// (custom protocol) and browser mode (loopback HTTP) serve it from.
import path from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [svelte({ configFile: path.resolve(import.meta.dirname, 'svelte.config.js') })],
  build: {
    outDir: '../.vite/renderer/main_window',
    emptyOutDir: true,
    target: 'chrome120',
    // Inline nothing as data: URLs beyond tiny icons; the CSP allows data: images only.
    assetsInlineLimit: 2048,
    reportCompressedSize: false,
    sourcemap: false,
  },
});
