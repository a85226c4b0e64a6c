import { describe, expect, it } from 'vitest';
import { ScreenShape } from './screen-shape.svelte';

/** A window whose `(orientation: portrait)` query answers `tall` and tells its listeners when turned. */
function fakeWindow(tall: boolean) {
  const listeners = new Set<() => void>();
  const query = {
    matches: tall,
    addEventListener: (_: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_: string, listener: () => void) => listeners.delete(listener),
  };
  return {
    window: { matchMedia: (text: string) => (text === '(orientation: portrait)' ? query : null) } as unknown as Window,
    turn(nowTall: boolean) {
      query.matches = nowTall;
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

  it('a forced setting wins over the window shape either way', () => {
    const shape = new ScreenShape();
    const screen = fakeWindow(true);
    shape.watch(screen.window);
    expect(shape.portrait('landscape')).toBe(false);
    screen.turn(false);
    expect(shape.portrait('portrait')).toBe(true);
  });
});
