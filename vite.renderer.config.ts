// Builds the Svelte renderer into `.vite/renderer/main_window`, where both the Electron shell
// (custom protocol) and browser mode (loopback HTTP) serve it from.
import path from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';
import { literalKeyPlaces, precompiledMessages } from './scripts/precompiled-messages';
import { prerenderStartScreen } from './scripts/prerender-start-screen';

export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [
    svelte({ configFile: path.resolve(import.meta.dirname, 'svelte.config.js') }),
    precompiledMessages(),
    literalKeyPlaces(path.resolve(import.meta.dirname, 'resources/messages/ru.json')),
    prerenderStartScreen(path.resolve(import.meta.dirname, 'vite.renderer.config.ts')),
  ],
  // The catalogs arrive parsed (scripts/precompiled-messages.ts): intl-messageformat formats them
  // without its parser, and formatjs's no-parser module takes the parser's place.
  resolve: {
    alias: { '@formatjs/icu-messageformat-parser': '@formatjs/icu-messageformat-parser/no-parser.js' },
  },
  // A catalog arrives as `JSON.parse('…')` rather than as an object literal: V8 reads JSON faster
  // than it parses the same object as code, and the Russian one is evaluated before the first paint.
  json: { stringify: true, namedExports: false },
  build: {
    outDir: '../.vite/renderer/main_window',
    emptyOutDir: true,
    target: 'chrome120',
    // Inline nothing as data: URLs beyond tiny icons; the CSP allows data: images only.
    assetsInlineLimit: 2048,
    // All the CSS in one file that index.html links: the prerendered start screen is painted with
    // its components' styles before their scripts are loaded (src-renderer/main.ts), and a screen
    // opened later waits for no style sheet of its own (about 10 KB gzip for all of them).
    cssCodeSplit: false,
    // Every Chromium the kiosk runs in preloads modules itself: no polyfill for browsers without it.
    modulePreload: { polyfill: false },
    // Terser takes about 4 % more off the renderer than esbuild's minifier (6 KB gzip): a few
    // seconds more of build for what every kiosk loads.
    minify: 'terser',
    terserOptions: { compress: { passes: 2 } },
    reportCompressedSize: false,
    sourcemap: false,
  },
});
