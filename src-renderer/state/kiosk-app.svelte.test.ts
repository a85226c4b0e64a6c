import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { KioskEvent } from '../lib/kiosk-api';
import { screensFor } from '../screens/kiosk-screens.svelte';
import { i18n } from '../lib/i18n.svelte';
import { KioskApp, type AccountSummary, type TerminalStatus } from './kiosk-app.svelte';

describe('KioskApp screens', () => {
  it('shows a customer screen only while someone is logged in, and a full-login screen only after a full login', () => {
    const app = new KioskApp();
    const billScreens = screensFor('bill-holder');
    const customerScreens = screensFor('customer');
    expect(billScreens).toEqual(expect.arrayContaining(['home', 'pay', 'readings']));
    expect(customerScreens).toEqual(expect.arrayContaining(['charges', 'readings-history', 'appeals', 'profile']));
    for (const screen of [...billScreens, ...customerScreens]) {
      app.goTo(screen);
      expect(app.screen, screen).toBe('start');
    }
    for (const screen of screensFor('public')) {
      app.goTo(screen);
      expect(app.screen, screen).toBe(screen);
    }
    app.summary = { holderName: 'Петров С. Н.' } as AccountSummary;
    app.access = 'bill';
    expect(app.loggedIn).toBe(true);
    for (const screen of billScreens) {
      app.goTo(screen);
      expect(app.screen, screen).toBe(screen);
    }
    for (const screen of customerScreens) {
      app.goTo(screen);
      expect(app.screen, screen).toBe('home');
    }
    app.summary = { holderName: 'Петров Сергей Николаевич' } as AccountSummary;
    app.access = 'full';
    for (const screen of [...billScreens, ...customerScreens]) {
      app.goTo(screen);
      expect(app.screen, screen).toBe(screen);
    }
    // A customer sent where they may not go stays at home.
    app.goTo('staff');
    expect(app.screen).toBe('home');
  });

  it('shows the staff screen only in staff mode', () => {
    const app = new KioskApp();
    app.goTo('staff');
    expect(app.screen).toBe('start');
    app.staff = { staffName: 'Петрова А. В.' };
    app.goTo('staff');
    expect(app.screen).toBe('staff');
  });
});

describe('KioskApp customer access', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  /** Answers every kiosk API call as the core would for a logged-in customer; returns the methods called. */
  function bridge(): string[] {
    const methods: string[] = [];
    vi.stubGlobal('window', {
      scrollTo: () => undefined,
      kioskBridge: {
        call: (method: string) => {
          methods.push(method);
          const value = method === 'account.summary' ? { holderName: 'Сидорова В. И.' } : method === 'reference.startScreen' ? null : {};
          return Promise.resolve({ ok: true, value });
        },
      },
    });
    return methods;
  }

  it('a password login is full access, a bill login is bill access; every way out wipes it', async () => {
    const methods = bridge();
    const app = new KioskApp();
    expect(await app.enterAccount()).toBe(true);
    expect(app.access).toBe('full');
    await app.logout();
    expect(app.access).toBeNull();
    expect(app.loggedIn).toBe(false);

    expect(await app.enterAccount('bill')).toBe(true);
    expect(app.access).toBe('bill');
    expect(app.screen).toBe('home');
    await app.logoutEveryone();
    expect(app.access).toBeNull();
    expect(app.screen).toBe('start');

    await app.enterAccount('bill');
    // Going on to the full login is the same person: their language stays (a way out resets it).
    await i18n.choose('ba');
    await app.logoutToLogin();
    expect(app.access).toBeNull();
    expect(app.summary).toBeNull();
    expect(app.screen).toBe('login');
    expect(i18n.language).toBe('ba');
    await app.logoutEveryone();
    expect(i18n.language).toBe('ru');
    expect(methods.filter((method) => method === 'session.logout')).toHaveLength(4);
  });
});

describe('KioskApp progress', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** A kiosk API answer the test releases when it wants. */
  function pending<T>() {
    let release!: (value: T) => void;
    const promise = new Promise<T>((resolve) => (release = resolve));
    return { promise, release };
  }

  it('shows no progress for a call quicker than a blink, and shows it for a slower one until it ends', async () => {
    const app = new KioskApp();
    const quick = pending<{ ok: true; value: number }>();
    const quickCall = app.track(quick.promise);
    vi.advanceTimersByTime(200);
    quick.release({ ok: true, value: 1 });
    await quickCall;
    vi.advanceTimersByTime(500);
    expect(app.showProgress).toBe(false);

    const slow = pending<{ ok: true; value: number }>();
    const slowCall = app.track(slow.promise);
    vi.advanceTimersByTime(350);
    expect(app.showProgress).toBe(true);
    slow.release({ ok: true, value: 2 });
    expect(await slowCall).toEqual({ ok: true, value: 2 });
    expect(app.showProgress).toBe(false);
  });

  it('keeps the progress on while any call is running', async () => {
    const app = new KioskApp();
    const first = pending<{ ok: true; value: number }>();
    const second = pending<{ ok: true; value: number }>();
    const calls = [app.track(first.promise), app.track(second.promise)];
    vi.advanceTimersByTime(400);
    first.release({ ok: true, value: 1 });
    await calls[0];
    expect(app.showProgress).toBe(true);
    second.release({ ok: true, value: 2 });
    await calls[1];
    expect(app.showProgress).toBe(false);
  });
});

describe('KioskApp events from the core', () => {
  it('a link event turns the header’s indicator to offline and back; a restart notice shows the restart', () => {
    const app = new KioskApp();
    app.applyEvent({ type: 'link', data: { online: false } } as KioskEvent);
    expect(app.terminal).toBeNull();
    app.terminal = { billingOnline: true } as TerminalStatus;
    app.applyEvent({ type: 'link', data: { online: false } } as KioskEvent);
    expect(app.terminal.billingOnline).toBe(false);
    app.applyEvent({ type: 'link', data: { online: true } } as KioskEvent);
    expect(app.terminal.billingOnline).toBe(true);
    app.applyEvent({ type: 'restarting' } as KioskEvent);
    expect(app.restarting).toBe(true);
  });
});
