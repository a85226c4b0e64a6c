// The time left of a login lockout, ticking once a second while it lasts (customer and staff login).

export class LockoutCountdown {
  private until = $state(0);
  private clock = $state(Date.now());
  private timer: ReturnType<typeof setInterval> | undefined;

  /** Whole seconds left; 0 when not locked. */
  readonly secondsLeft = $derived(Math.max(0, Math.ceil((this.until - this.clock) / 1000)));

  start(seconds: number): void {
    this.clock = Date.now();
    this.until = this.clock + seconds * 1000;
    this.stop();
    this.timer = setInterval(() => {
      this.clock = Date.now();
      if (this.secondsLeft === 0) this.stop();
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
