// Inactivity timeout (WCAG 2.2.1): after the configured idle time a warning counts down at least
// 20 seconds with one big button to continue; if nobody taps, the customer is logged out and the
// kiosk returns to the start screen.
export class IdleGuard {
  /** Seconds left in the warning, or null when no warning is shown. */
  warningSecondsLeft = $state<number | null>(null);
  private lastActivity = Date.now();
  private ticker: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly settings: () => { idleTimeoutSeconds: number; idleWarningSeconds: number; active: boolean },
    private readonly onExpired: () => void,
  ) {}

  /** Starts watching; returns the function that stops it. */
  watch(target: EventTarget): () => void {
    const activity = () => this.touch();
    for (const type of ['pointerdown', 'keydown', 'wheel']) target.addEventListener(type, activity, { capture: true, passive: true });
    this.ticker = setInterval(() => this.tick(), 250);
    return () => {
      for (const type of ['pointerdown', 'keydown', 'wheel']) target.removeEventListener(type, activity, { capture: true });
      clearInterval(this.ticker);
    };
  }

  /** Any tap counts as "still here", including the warning's own button. */
  touch(): void {
    this.lastActivity = Date.now();
    this.warningSecondsLeft = null;
  }

  private tick(): void {
    const { idleTimeoutSeconds, idleWarningSeconds, active } = this.settings();
    if (!active) {
      this.lastActivity = Date.now();
      this.warningSecondsLeft = null;
      return;
    }
    const idleSeconds = (Date.now() - this.lastActivity) / 1000;
    if (idleSeconds < idleTimeoutSeconds) {
      this.warningSecondsLeft = null;
      return;
    }
    const left = Math.ceil(idleTimeoutSeconds + idleWarningSeconds - idleSeconds);
    if (left <= 0) {
      this.warningSecondsLeft = null;
      this.lastActivity = Date.now();
      this.onExpired();
    } else {
      this.warningSecondsLeft = left;
    }
  }
}
