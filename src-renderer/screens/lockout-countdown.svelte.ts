// The time left of a login lockout, ticking once a second while it lasts (customer and staff login).
import type { KioskError } from '../lib/kiosk-api';

/**
 * What to do when the countdown of `form`'s refusal `code` ends: the refusal no longer holds, so it
 * leaves the screen with its countdown (unless another refusal took its place meanwhile).
 */
export function dropsRefusal(form: { error: KioskError | null }, code: KioskError['code']): () => void {
  return () => {
    if (form.error?.code === code) form.error = null;
  };
}

export class LockoutCountdown {
  private until = $state(0);
  private clock = $state(Date.now());
  private timer: ReturnType<typeof setInterval> | undefined;

  /** Whole seconds left; 0 when not locked. */
  readonly secondsLeft = $derived(Math.max(0, Math.ceil((this.until - this.clock) / 1000)));

  /** Counts `seconds` down; `onEnd` runs once when it reaches zero (not when reset or stopped). */
  start(seconds: number, onEnd?: () => void): void {
    this.clock = Date.now();
    this.until = this.clock + seconds * 1000;
    this.stop();
    this.timer = setInterval(() => {
      this.clock = Date.now();
      if (this.secondsLeft > 0) return;
      this.stop();
      onEnd?.();
    }, 1000);
  }

  /** Lifted at once (another staff number may try). */
  reset(): void {
    this.until = 0;
    this.stop();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
