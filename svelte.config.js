// Svelte compiler options shared by Vite and svelte-check.
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

export default {
  preprocess: vitePreprocess(),
  // No `window.__svelte` version stamp: nothing on a kiosk reads it.
  compilerOptions: { runes: true, discloseVersion: false },
};
