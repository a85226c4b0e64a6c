// The renderer's build renders the kiosk's frame and start screen into index.html, as they are
// before the core has answered anything (no announcements yet, the default language), with
// Svelte's own server renderer. The browser paints that markup as soon as the HTML and the CSS are
// in, without waiting for the kiosk's scripts (on a kiosk-class CPU about half a second of module
// evaluation and mounting); `src-renderer/start-kiosk.ts` then hydrates it: the same nodes become
// the live screen.
// Until then `#app` is `inert`: a tap on a button that cannot yet act does nothing at all, rather
// than something half-done, and assistive technology sees the page only once it works.
import path from 'node:path';
import type { Component } from 'svelte';
import type { render as Render } from 'svelte/server';
import { createServer, type Plugin } from 'vite';

const EMPTY_APP = '<div id="app"></div>';
/** The entry script as Vite writes it into the built index.html. */
const ENTRY_SCRIPT = /<script type="module" crossorigin src=/;

export function prerenderStartScreen(configFile: string): Plugin {
  return {
    name: 'kiosk-prerender-start-screen',
    apply: 'build',
    transformIndexHtml: {
      // After Vite's own pass, which writes the entry's script tag anew (dropping attributes it does
      // not know): main.ts lays the prerendered screen out for the window before its first paint.
      order: 'post',
      async handler(html) {
        if (!ENTRY_SCRIPT.test(html)) throw new Error('the built index.html has no entry script to mark render-blocking');
        if (!html.includes(EMPTY_APP)) throw new Error(`index.html has no ${EMPTY_APP} to render the start screen into`);
        // A development server of the same configuration (this plugin applies to builds only) compiles
        // the components for the server, as SvelteKit does; nothing listens, nothing is written.
        const server = await createServer({
          configFile,
          logLevel: 'error',
          appType: 'custom',
          server: { middlewareMode: true, hmr: false, watch: null, ws: false },
        });
        try {
          // Svelte's server renderer from the same module graph as the components: they share its context.
          const { render } = (await server.ssrLoadModule('svelte/server')) as { render: typeof Render };
          const { default: App } = (await server.ssrLoadModule(path.join(server.config.root, 'App.svelte'))) as { default: Component };
          const { body } = render(App);
          return html
            .replace(ENTRY_SCRIPT, '<script type="module" crossorigin blocking="render" src=')
            .replace(EMPTY_APP, `<div id="app" inert>${body}</div>`);
        } finally {
          await server.close();
        }
      },
    },
  };
}
