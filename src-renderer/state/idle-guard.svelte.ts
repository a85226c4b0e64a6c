// Inactivity timeout (WCAG 2.2.1): after the configured idle time a warning counts down at least
// 20 seconds with one big button to continue; if nobody taps, the customer is logged out and the
// kiosk returns to the start screen. Taps are also reported to the core now and then, which ends an
// abandoned session by itself when no page reports any (src-main/features/session/idle-expiry.ts).

/** At most one presence report per this many milliseconds: well inside the core's grace. */
export const PRESENCE_REPORT_EVERY_MS = 10_000;

export class IdleGuard {
  /** Seconds left in the warning, or null when no warning is shown. */
  warningSecondsLeft = $state<number | null>(null);
  private lastActivity = Date.now();
  private ticker: ReturnType<typeof setInterval> | undefined;
  private lastPresenceReport = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly settings: () => { idleTimeoutSeconds: number; idleWarningSeconds: number; active: boolean },
    private readonly onExpired: () => void,
    /** Tells the core the customer is still there (`session.keepAlive`); called at most every 10 s. */
    private readonly onPresence: () => void = () => undefined,
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
    if (this.settings().active && this.lastActivity - this.lastPresenceReport >= PRESENCE_REPORT_EVERY_MS) {
      this.lastPresenceReport = this.lastActivity;
      this.onPresence();
    }
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
