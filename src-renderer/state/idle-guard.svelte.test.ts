import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IdleGuard } from './idle-guard.svelte';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function guard(active = true) {
  const expired = vi.fn();
  const settings = { idleTimeoutSeconds: 20, idleWarningSeconds: 20, active };
  const idle = new IdleGuard(() => settings, expired);
  const target = new EventTarget();
  const stop = idle.watch(target);
  return { idle, expired, settings, target, stop };
}

describe('IdleGuard', () => {
  it('shows no warning before the idle time, then counts the warning down from its length', () => {
    const { idle, expired, stop } = guard();
    vi.advanceTimersByTime(19_500);
    expect(idle.warningSecondsLeft).toBeNull();
    vi.advanceTimersByTime(750);
    expect(idle.warningSecondsLeft).toBe(20);
    vi.advanceTimersByTime(5_000);
    expect(idle.warningSecondsLeft).toBe(15);
    expect(expired).not.toHaveBeenCalled();
    stop();
  });

  it('logs out once nobody answers the warning, and starts counting afresh after that', () => {
    const { idle, expired, stop } = guard();
    vi.advanceTimersByTime(40_250);
    expect(expired).toHaveBeenCalledTimes(1);
    expect(idle.warningSecondsLeft).toBeNull();
    vi.advanceTimersByTime(19_000);
    expect(idle.warningSecondsLeft).toBeNull();
    expect(expired).toHaveBeenCalledTimes(1);
    stop();
  });

  it('any tap (pointer, key, wheel) or the warning button counts as still here', () => {
    const { idle, expired, target, stop } = guard();
    vi.advanceTimersByTime(25_000);
    expect(idle.warningSecondsLeft).not.toBeNull();
    target.dispatchEvent(new Event('pointerdown'));
    expect(idle.warningSecondsLeft).toBeNull();
    vi.advanceTimersByTime(19_000);
    target.dispatchEvent(new Event('keydown'));
    vi.advanceTimersByTime(19_000);
    target.dispatchEvent(new Event('wheel'));
    vi.advanceTimersByTime(19_000);
    idle.touch();
    vi.advanceTimersByTime(19_000);
    expect(idle.warningSecondsLeft).toBeNull();
    expect(expired).not.toHaveBeenCalled();
    stop();
  });

  it('never warns while inactive (the start screen), and counts from when it becomes active', () => {
    const { idle, expired, settings, stop } = guard(false);
    vi.advanceTimersByTime(120_000);
    expect(idle.warningSecondsLeft).toBeNull();
    expect(expired).not.toHaveBeenCalled();
    settings.active = true;
    vi.advanceTimersByTime(19_500);
    expect(idle.warningSecondsLeft).toBeNull();
    vi.advanceTimersByTime(1_000);
    expect(idle.warningSecondsLeft).toBe(20);
    stop();
  });

  it('stops listening and ticking when the returned function is called', () => {
    const { idle, expired, target, stop } = guard();
    stop();
    vi.advanceTimersByTime(60_000);
    target.dispatchEvent(new Event('pointerdown'));
    expect(idle.warningSecondsLeft).toBeNull();
    expect(expired).not.toHaveBeenCalled();
  });
});

describe('IdleGuard presence reports', () => {
  it('tells the core about taps at most every 10 seconds, and only while someone is logged in', () => {
    const presence = vi.fn();
    const settings = { idleTimeoutSeconds: 20, idleWarningSeconds: 20, active: true };
    const idle = new IdleGuard(() => settings, vi.fn(), presence);
    const target = new EventTarget();
    const stop = idle.watch(target);
    target.dispatchEvent(new Event('pointerdown'));
    expect(presence).toHaveBeenCalledTimes(1);
    for (let tap = 0; tap < 9; tap += 1) {
      vi.advanceTimersByTime(1_000);
      target.dispatchEvent(new Event('keydown'));
    }
    expect(presence).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1_000);
    target.dispatchEvent(new Event('pointerdown'));
    expect(presence).toHaveBeenCalledTimes(2);
    settings.active = false;
    vi.advanceTimersByTime(20_000);
    target.dispatchEvent(new Event('pointerdown'));
    expect(presence).toHaveBeenCalledTimes(2);
    stop();
  });
});
