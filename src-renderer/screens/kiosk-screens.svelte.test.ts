import { describe, expect, it } from 'vitest';
import { homeTiles, kioskScreens, loadComponent, loadedComponent, screenNamed, screensFor } from './kiosk-screens.svelte';

describe('the screen list', () => {
  it('lists every screen once, each found by its name', () => {
    const names = kioskScreens.map((screen) => screen.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(screenNamed(name).name).toBe(name);
  });

  it('gives tiles only to customer services; the home screen shows each in its order, paying first and alone as primary', () => {
    const withTiles = kioskScreens.filter((screen) => screen.tile);
    for (const screen of withTiles) expect(['customer', 'bill-holder'], screen.name).toContain(screen.audience);
    expect(homeTiles.map(({ name }) => name).sort()).toEqual(withTiles.map((screen) => screen.name).sort());
    const orders = homeTiles.map(({ tile }) => tile.order);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
    expect(new Set(orders).size).toBe(orders.length);
    expect(homeTiles[0]?.name).toBe('pay');
    expect(homeTiles.filter(({ tile }) => tile.primary).map(({ name }) => name)).toEqual(['pay']);
  });

  it('keeps the start screen open to anyone, the home screen to customers and the staff screen to staff', () => {
    expect(screenNamed('start').audience).toBe('public');
    expect(screenNamed('bill-login').audience).toBe('public');
    expect(screenNamed('home').audience).toBe('bill-holder');
    expect(screenNamed('staff').audience).toBe('staff');
  });

  it('lets the holder of the paper bill pay and submit readings; the rest needs the full login', () => {
    expect(screensFor('bill-holder').sort()).toEqual(['home', 'pay', 'readings']);
    expect(screensFor('customer')).toEqual(expect.arrayContaining(['appeals', 'charges', 'profile', 'readings-history']));
  });
});

describe('screens in their own chunks', () => {
  it('loads a screen that is not in the start bundle once, and then has it at hand', async () => {
    const pay = screenNamed('pay');
    expect(pay.component).toBeUndefined();
    expect(loadedComponent(pay)).toBeNull();
    const [first, second] = await Promise.all([loadComponent(pay), loadComponent(pay)]);
    expect(typeof first).toBe('function');
    expect(second).toBe(first);
    expect(loadedComponent(pay)).toBe(first);
    // The start screen is in the start bundle: at hand without a load.
    expect(loadedComponent(screenNamed('start'))).toBe(screenNamed('start').component);
  });
});
