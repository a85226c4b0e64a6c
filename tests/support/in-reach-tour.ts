// The "in reach" measurement shared by the in-reach e2e files: in landscape 1920×1080, portrait
// 1080×1920 and a 5:4 1280×1024 screen, in normal and large text, a screen's main action and the
// keypad or keyboard that is open lie wholly inside the window (not cut by a scrolling box, not
// covered by anything), the page itself never scrolls (nor sideways), and whatever content scrolls
// does so in a scroll region, up and down only, that shows its ▲ ▼ buttons. A kiosk has no mouse
// wheel, and a customer does not know to swipe. A tour visits each state once and measures it in
// all six variants by resizing the window and switching the text size.
import type { ElementHandle, Locator, Page, Request } from 'playwright-core';
import { expect } from 'vitest';

const VIEWPORTS = [
  { name: '1920×1080', width: 1920, height: 1080 },
  { name: '1080×1920', width: 1080, height: 1920 },
  { name: '1280×1024', width: 1280, height: 1024 },
] as const;
const TEXT_SIZES = [
  { name: 'normal text', large: false },
  { name: 'large text', large: true },
] as const;

export interface ReachOptions {
  /** The screen's main control where it has no `.primary-action` (or more than that to check). */
  main?: Locator[];
  /** A modal dialog is open: the header's buttons get their click directly. */
  covered?: boolean;
}

/** What one state looks like in one variant: each problem named. */
function measureReach(mainElements: Element[]): string[] {
  const problems: string[] = [];
  const describe = (element: Element | null): string => {
    if (!element) return 'nothing';
    const label = element.getAttribute('aria-label') ?? element.textContent?.trim().replace(/\s+/g, ' ').slice(0, 40) ?? '';
    return `${element.tagName.toLowerCase()}${[...element.classList].map((name) => `.${name}`).join('')} «${label}»`;
  };
  const rendered = (element: Element): boolean => {
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
  };
  /** Null when the element is wholly on screen and on top; otherwise what is wrong. */
  const notWhole = (element: Element): string | null => {
    const box = element.getBoundingClientRect();
    const tolerance = 0.5;
    if (box.left < -tolerance || box.top < -tolerance || box.right > innerWidth + tolerance || box.bottom > innerHeight + tolerance) {
      return `outside the window (${Math.round(box.left)},${Math.round(box.top)}–${Math.round(box.right)},${Math.round(box.bottom)})`;
    }
    // A dialog in the top layer is clipped by nothing outside it.
    const top = element.closest('dialog[open]') ?? document.documentElement;
    for (let box2 = element.parentElement; box2 && box2 !== top.parentElement; box2 = box2.parentElement) {
      const style = getComputedStyle(box2);
      if (box2 === document.documentElement || (style.overflowX === 'visible' && style.overflowY === 'visible')) continue;
      const clip = box2.getBoundingClientRect();
      if (
        box.top < clip.top - tolerance ||
        box.bottom > clip.bottom + tolerance ||
        box.left < clip.left - tolerance ||
        box.right > clip.right + tolerance
      ) {
        return `cut off by ${describe(box2)} (its bottom at ${Math.round(clip.bottom)}, this at ${Math.round(box.top)}–${Math.round(box.bottom)})`;
      }
    }
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    if (!hit || !(hit === element || element.contains(hit))) return `covered by ${describe(hit)}`;
    return null;
  };
  const layer: ParentNode = document.querySelector('dialog[open]') ?? document;

  const scrolling = document.scrollingElement ?? document.documentElement;
  if (scrolling.scrollHeight > innerHeight) problems.push(`the page scrolls: ${scrolling.scrollHeight} px high`);
  if (scrolling.scrollWidth > innerWidth) problems.push(`the page scrolls sideways: ${scrolling.scrollWidth} px wide`);

  const primary = [...layer.querySelectorAll('.primary-action')].filter(rendered);
  const main = [...new Set([...primary, ...mainElements])];
  if (main.length === 0) problems.push('no main action on screen');
  for (const element of main) {
    const wrong = notWhole(element);
    if (wrong) problems.push(`main action ${describe(element)}: ${wrong}`);
  }

  // Every key of an open keypad or keyboard (one problem line per keyboard, naming its first bad key).
  const keyboards = layer.querySelectorAll(
    '[role="group"][aria-label="Цифровая клавиатура"], [role="group"][aria-label="Экранная клавиатура"], [data-input-keys]',
  );
  for (const keys of [...keyboards].filter(rendered)) {
    if (keys.parentElement?.closest('[data-input-keys]')) continue;
    const all = [...keys.querySelectorAll('button')].filter(rendered);
    const wrong = all.map((key) => [key, notWhole(key)] as const).filter(([, problem]) => problem !== null);
    if (wrong.length > 0) {
      const [key, problem] = wrong[0]!;
      problems.push(
        `${wrong.length} of ${all.length} keys of ${keys.getAttribute('aria-label') ?? 'the keys'} out of reach, e.g. ${describe(key)}: ${problem}`,
      );
    }
  }

  // A scroll region scrolls up and down only: what is wider than it would be cut off.
  for (const viewport of layer.querySelectorAll('[data-scroll-viewport]')) {
    if (rendered(viewport) && viewport.scrollWidth > viewport.clientWidth + 1) {
      problems.push(`scroll region ${describe(viewport)} is ${viewport.scrollWidth} px wide in ${viewport.clientWidth} px`);
    }
  }
  // Whatever has more to show than its room must be a scroll region with its buttons in reach.
  for (const element of layer.querySelectorAll('*')) {
    if (element.matches('textarea, input, select') || !rendered(element)) continue;
    const style = getComputedStyle(element);
    if (!/(auto|scroll)/.test(style.overflowY) || element.scrollHeight <= element.clientHeight + 1) continue;
    const region = element.closest('[data-scroll-region]');
    if (!region || !element.matches('[data-scroll-viewport]')) {
      problems.push(`${describe(element)} scrolls (${element.scrollHeight} in ${element.clientHeight} px) without ▲ ▼ buttons`);
      continue;
    }
    const buttons = [...region.querySelectorAll('[data-scroll-buttons] button')].filter(rendered);
    if (buttons.length !== 2) problems.push(`scroll region ${describe(region)} overflows but shows ${buttons.length} of its ▲ ▼ buttons`);
    for (const button of buttons) {
      const wrong = notWhole(button);
      if (wrong) problems.push(`scroll button ${describe(button)}: ${wrong}`);
    }
    const more = region.querySelector('[data-scroll-more]');
    const atBottom = element.scrollTop + element.clientHeight >= element.scrollHeight - 1;
    if (!atBottom && (!more || !rendered(more))) problems.push(`scroll region ${describe(region)} has more below and does not say so`);
  }
  return problems;
}

/**
 * Counts the page's kiosk calls in flight. The progress indicator floats over the screen while a
 * call runs, but only after 300 ms: on a slow machine a call still running when the layout looks
 * settled puts it over the main action a moment later. Measuring waits for no call in flight.
 */
function watchKioskCalls(page: Page): () => number {
  const inFlight = new Set<Request>();
  const isKioskCall = (request: Request) => request.method() === 'POST' && new URL(request.url()).pathname.includes('/api/');
  page.on('request', (request) => {
    if (isKioskCall(request)) inFlight.add(request);
  });
  const done = (request: Request) => inFlight.delete(request);
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return () => inFlight.size;
}

/** Waits until no kiosk call runs and the layout stops changing (scroll regions measure themselves after a resize). */
async function settle(page: Page, callsInFlight: () => number): Promise<void> {
  for (;;) {
    await expect.poll(callsInFlight, { message: 'kiosk calls still in flight', timeout: 10_000 }).toBe(0);
    // The indicator leaves with the next render after the last call ends: not part of the screen's layout.
    await page.getByText('Пожалуйста, подождите…').waitFor({ state: 'detached' });
    await page.evaluate(async () => {
      const signature = () =>
        [
          document.documentElement.scrollHeight,
          document.documentElement.scrollWidth,
          ...[...document.querySelectorAll('[data-scroll-viewport]')].map((element) => `${element.scrollHeight}/${element.clientHeight}`),
          document.querySelectorAll('[data-scroll-buttons]').length,
        ].join(' ');
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      let last = '';
      for (let stable = 0, frames = 0; stable < 2 && frames < 30; frames += 1) {
        await frame();
        const now = signature();
        stable = now === last ? stable + 1 : 0;
        last = now;
      }
    });
    // A call that the settling screen started (a list loading after its heading) means settling again.
    if (callsInFlight() === 0) return;
  }
}

async function setLargeText(page: Page, large: boolean, covered: boolean): Promise<void> {
  const isLarge = () => page.evaluate(() => document.documentElement.classList.contains('large-text'));
  if ((await isLarge()) === large) return;
  const toggle = page.getByRole('button', { name: 'Крупный текст', exact: true });
  await (covered ? toggle.dispatchEvent('click') : toggle.click());
  await expect.poll(isLarge).toBe(large);
}

/** Goes through the tour collecting problems; the test fails with all of them at the end. */
export function tourOf(page: Page) {
  const findings: string[] = [];
  const callsInFlight = watchKioskCalls(page);
  let checked = 0;
  const reach = async (where: string, options: ReachOptions = {}) => {
    const handles: ElementHandle<Element>[] = [];
    for (const locator of options.main ?? []) {
      // The screen may still be loading what it shows.
      await expect.poll(() => locator.count(), { message: `${where}: its main control ${String(locator)}` }).toBeGreaterThan(0);
      handles.push(...((await locator.elementHandles()) as ElementHandle<Element>[]));
    }
    for (const text of TEXT_SIZES) {
      await setLargeText(page, text.large, options.covered ?? false);
      for (const viewport of VIEWPORTS) {
        await page.setViewportSize({ width: viewport.width, height: viewport.height });
        await settle(page, callsInFlight);
        const problems = await page.evaluate(measureReach, handles);
        findings.push(...problems.map((problem) => `${where} [${viewport.name}, ${text.name}]: ${problem}`));
        checked += 1;
      }
    }
    await setLargeText(page, false, options.covered ?? false);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await settle(page, callsInFlight);
  };
  return { reach, findings, checked: () => checked };
}

export function heading(page: Page, name: string | RegExp, level?: number): Locator {
  return page.getByRole('heading', level ? { name, level } : { name }).first();
}

export async function waitFor(locator: Locator): Promise<void> {
  await expect.poll(() => locator.isVisible(), { timeout: 10_000 }).toBe(true);
}

/** «Закрыть» in the dialog that shows what was printed. */
export async function closePrintDialog(page: Page): Promise<void> {
  await page.getByRole('dialog').getByRole('button', { name: 'Закрыть', exact: true }).click();
  await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
}

export const button = (page: Page, name: string | RegExp) => page.getByRole('button', { name, exact: typeof name === 'string' });
/** How many variants each state is measured in. */
export const VARIANT_COUNT = VIEWPORTS.length * TEXT_SIZES.length;
