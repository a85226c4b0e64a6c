import { describe, expect, it } from 'vitest';
import { ScreenShape } from './screen-shape.svelte';

/** A window as tall and as slim as asked, that tells its media queries' listeners when it turns. */
function fakeWindow(tall: boolean, slim = tall) {
  const listeners = new Set<() => void>();
  const query = (matches: boolean) => ({
    matches,
    addEventListener: (_: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_: string, listener: () => void) => listeners.delete(listener),
  });
  const queries: Record<string, ReturnType<typeof query>> = {
    '(orientation: portrait)': query(tall),
    '(max-width: 1400px)': query(slim),
  };
  return {
    window: { matchMedia: (text: string) => queries[text] } as unknown as Window,
    turn(nowTall: boolean, nowSlim = nowTall) {
      queries['(orientation: portrait)']!.matches = nowTall;
      queries['(max-width: 1400px)']!.matches = nowSlim;
      for (const listener of listeners) listener();
    },
    listening: () => listeners.size,
  };
}

describe('ScreenShape', () => {
  it('with the default setting follows the window: portrait when it is taller than wide, and again when it turns', () => {
    const shape = new ScreenShape();
    const screen = fakeWindow(true);
    const stop = shape.watch(screen.window);
    expect(shape.portrait('auto')).toBe(true);
    expect(shape.portrait(undefined)).toBe(true);
    screen.turn(false);
    expect(shape.portrait('auto')).toBe(false);
    stop();
    expect(screen.listening()).toBe(0);
  });

  it('knows a slim window (up to 1400 px wide), landscape or not', () => {
    const shape = new ScreenShape();
    const screen = fakeWindow(false, true);
    shape.watch(screen.window);
    expect([shape.portrait('auto'), shape.slim]).toEqual([false, true]);
    screen.turn(false, false);
    expect(shape.slim).toBe(false);
  });

  it('a forced setting wins over the window shape either way', () => {
    const shape = new ScreenShape();
    const screen = fakeWindow(true);
    shape.watch(screen.window);
    expect(shape.portrait('landscape')).toBe(false);
    screen.turn(false);
    expect(shape.portrait('portrait')).toBe(true);
  });
});
