import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LockoutCountdown } from './lockout-countdown.svelte';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('LockoutCountdown', () => {
  it('is at zero until a lockout starts', () => {
    expect(new LockoutCountdown().secondsLeft).toBe(0);
  });

  it('counts a lockout down once a second, in whole seconds, and stops at zero', () => {
    const lockout = new LockoutCountdown();
    lockout.start(15 * 60);
    expect(lockout.secondsLeft).toBe(900);
    vi.advanceTimersByTime(1_000);
    expect(lockout.secondsLeft).toBe(899);
    vi.advanceTimersByTime(14 * 60_000 + 58_500);
    expect(lockout.secondsLeft).toBe(1);
    vi.advanceTimersByTime(1_000);
    expect(lockout.secondsLeft).toBe(0);
    // Nothing keeps ticking once it is over.
    expect(vi.getTimerCount()).toBe(0);
  });

  it('says when it ends, once, and not when it is lifted early', () => {
    const ended = vi.fn();
    const lockout = new LockoutCountdown();
    lockout.start(2, ended);
    vi.advanceTimersByTime(1_000);
    expect(ended).not.toHaveBeenCalled();
    vi.advanceTimersByTime(5_000);
    expect(ended).toHaveBeenCalledTimes(1);

    const lifted = vi.fn();
    lockout.start(2, lifted);
    lockout.reset();
    vi.advanceTimersByTime(5_000);
    expect(lifted).not.toHaveBeenCalled();
  });

  it('a new lockout replaces the running one', () => {
    const lockout = new LockoutCountdown();
    lockout.start(60);
    vi.advanceTimersByTime(30_000);
    lockout.start(120);
    expect(lockout.secondsLeft).toBe(120);
    expect(vi.getTimerCount()).toBe(1);
  });

  it('reset lifts it at once and stops the ticking', () => {
    const lockout = new LockoutCountdown();
    lockout.start(60);
    lockout.reset();
    expect(lockout.secondsLeft).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});
