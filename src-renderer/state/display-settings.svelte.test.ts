import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { DisplaySettings } from './display-settings.svelte';

/** Just enough of an element for `applyTo`: the class list it toggles. */
function fakeRoot() {
  const classes = new Set<string>();
  const root = {
    classList: {
      toggle: (name: string, on: boolean) => (on ? classes.add(name) : classes.delete(name), on),
    },
  };
  return { root: root as unknown as HTMLElement, classes };
}

describe('DisplaySettings', () => {
  it('starts with both modes off; one call switches each on and the next off again', () => {
    const settings = new DisplaySettings();
    expect([settings.highContrast, settings.largeText]).toEqual([false, false]);
    settings.toggleHighContrast();
    expect([settings.highContrast, settings.largeText]).toEqual([true, false]);
    settings.toggleLargeText();
    settings.toggleHighContrast();
    expect([settings.highContrast, settings.largeText]).toEqual([false, true]);
  });

  it('reset (every logout) switches both off, so the next customer starts plain', () => {
    const settings = new DisplaySettings();
    settings.toggleHighContrast();
    settings.toggleLargeText();
    settings.reset();
    expect([settings.highContrast, settings.largeText]).toEqual([false, false]);
  });

  it('puts the modes on the root element as high-contrast and large-text classes, and takes them off', () => {
    const settings = new DisplaySettings();
    const { root, classes } = fakeRoot();
    settings.toggleLargeText();
    settings.applyTo(root);
    expect([...classes]).toEqual(['large-text']);
    settings.toggleHighContrast();
    settings.toggleLargeText();
    settings.applyTo(root);
    expect([...classes]).toEqual(['high-contrast']);
  });

  it('is reactive: an effect that applies the modes runs again when one is toggled', () => {
    const settings = new DisplaySettings();
    const { root, classes } = fakeRoot();
    const stop = $effect.root(() => {
      $effect(() => settings.applyTo(root));
    });
    flushSync();
    expect([...classes]).toEqual([]);
    settings.toggleHighContrast();
    flushSync();
    expect([...classes]).toEqual(['high-contrast']);
    stop();
  });
});
