// The kiosk itself, loaded by main.ts once the prerendered start screen is on the screen.
import { hydrate, mount } from 'svelte';
import App from './App.svelte';
import { kioskApp } from './state/kiosk-app.svelte';

export function startKiosk(target: HTMLElement): void {
  // The build rendered the frame and the start screen into #app (scripts/prerender-start-screen.ts):
  // hydration makes those nodes the live ones. Vite's development server serves #app empty.
  if (target.firstChild) hydrate(App, { target });
  else mount(App, { target });
  target.inert = false;
  void kioskApp.boot();
}
