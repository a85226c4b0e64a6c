import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { KioskEvent } from '../lib/kiosk-api';
import { screensFor } from '../screens/kiosk-screens';
import { KioskApp, type AccountSummary, type TerminalStatus } from './kiosk-app.svelte';

describe('KioskApp screens', () => {
  it('shows a customer screen only while someone is logged in', () => {
    const app = new KioskApp();
    const customerScreens = screensFor('customer');
    expect(customerScreens).toEqual(
      expect.arrayContaining(['home', 'pay', 'charges', 'readings', 'readings-history', 'appeals', 'profile']),
    );
    for (const screen of customerScreens) {
      app.goTo(screen);
      expect(app.screen, screen).toBe('start');
    }
    for (const screen of screensFor('public')) {
      app.goTo(screen);
      expect(app.screen, screen).toBe(screen);
    }
    app.summary = { holderName: 'Петров Сергей Николаевич' } as AccountSummary;
    expect(app.loggedIn).toBe(true);
    for (const screen of customerScreens) {
      app.goTo(screen);
      expect(app.screen, screen).toBe(screen);
    }
    app.goTo('staff');
    expect(app.screen).toBe('start');
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
