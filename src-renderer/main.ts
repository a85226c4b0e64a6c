// Renderer entry. index.html arrives with the start screen already in it (the build renders it,
// scripts/prerender-start-screen.ts). This small module blocks the first paint (the build marks
// its script `blocking="render"`) only to lay that screen out for the window's shape; the kiosk's
// modules, about half a second of evaluation and hydration on a kiosk-class CPU, are imported once
// the screen has been painted. Left to itself, the browser often evaluated them first, and the
// customer looked at a blank screen meanwhile.
import { nextPaint } from './lib/after-paint';
import { layoutClasses, SLIM_WINDOW, TALL_WINDOW } from './lib/layout-classes';
import './styles/kiosk.css';

const target = document.getElementById('app');
if (!target) throw new Error('#app is missing from index.html');
const frame = target.firstElementChild;
if (frame) {
  const classes = layoutClasses(matchMedia(TALL_WINDOW).matches, matchMedia(SLIM_WINDOW).matches);
  for (const [name, on] of Object.entries(classes)) frame.classList.toggle(name, on);
}
await nextPaint();
const { startKiosk } = await import('./start-kiosk');
startKiosk(target);
