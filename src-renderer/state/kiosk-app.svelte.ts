// The kiosk's screen-level state: which screen is shown, what the terminal is, the logged-in
// customer's summary, and progress for slow calls. Data is loaded from event handlers, not effects.
import { callKiosk, type KioskError, type KioskResult } from '../lib/kiosk-api';
import type { KioskOutput } from '../../src-main/core/api/methods';
import { i18n } from '../lib/i18n.svelte';

export type ScreenName = 'start' | 'login' | 'register' | 'recover' | 'home' | 'pay' | 'charges' | 'readings' | 'appeals' | 'profile';

/** Screens that show a customer's data: reachable only while logged in. */
export const CUSTOMER_SCREENS: readonly ScreenName[] = ['home', 'pay', 'charges', 'readings', 'appeals', 'profile'];
export type TerminalStatus = KioskOutput<'terminal.status'>;
export type StartScreenData = KioskOutput<'reference.startScreen'>;
export type AccountSummary = KioskOutput<'account.summary'>;

/** Waits shorter than this show no spinner; longer ones do (perceived as a pause otherwise). */
const PROGRESS_DELAY_MS = 300;

export class KioskApp {
  screen = $state<ScreenName>('start');
  terminal = $state<TerminalStatus | null>(null);
  startScreen = $state<StartScreenData | null>(null);
  startScreenError = $state<KioskError | null>(null);
  summary = $state<AccountSummary | null>(null);
  summaryError = $state<KioskError | null>(null);
  /** True while a call has been running longer than PROGRESS_DELAY_MS. */
  showProgress = $state(false);
  private pendingCalls = 0;
  private progressTimer: ReturnType<typeof setTimeout> | undefined;

  readonly loggedIn = $derived(this.summary !== null);

  async boot(): Promise<void> {
    await Promise.all([this.refreshTerminal(), this.loadStartScreen()]);
  }

  async refreshTerminal(): Promise<void> {
    const result = await callKiosk('terminal.status', {});
    if (result.ok) this.terminal = result.value;
  }

  async loadStartScreen(): Promise<void> {
    const result = await this.track(callKiosk('reference.startScreen', {}));
    if (result.ok) {
      this.startScreen = result.value;
      this.startScreenError = null;
    } else {
      this.startScreenError = result.error;
    }
    void this.refreshTerminal();
  }

  goTo(screen: ScreenName): void {
    this.screen = CUSTOMER_SCREENS.includes(screen) && !this.loggedIn ? 'start' : screen;
  }

  /** Re-reads the home summary after a change that moves money or readings (e.g. back from a service). */
  async refreshSummary(): Promise<void> {
    const result = await callKiosk('account.summary', {});
    if (result.ok) this.summary = result.value;
  }

  /** Called by the login form once the core accepted the credentials. */
  async enterAccount(): Promise<boolean> {
    const result = await this.track(callKiosk('account.summary', {}));
    if (!result.ok) {
      this.summaryError = result.error;
      return false;
    }
    this.summary = result.value;
    this.summaryError = null;
    this.screen = 'home';
    return true;
  }

  /** Logout wipes every trace of the customer in the renderer and returns to Russian. */
  async logout(): Promise<void> {
    this.summary = null;
    this.summaryError = null;
    this.screen = 'start';
    i18n.language = 'ru';
    await callKiosk('session.logout', {});
    void this.loadStartScreen();
  }

  /** Keeps the header's link indicator truthful between status refreshes. */
  private noteBillingLink(result: KioskResult<unknown>): void {
    if (!this.terminal) return;
    const unreachable = !result.ok && (result.error.code === 'billing-unavailable' || result.error.code === 'billing-timeout');
    if (unreachable) this.terminal.billingOnline = false;
    else if (!this.terminal.billingOnline) void this.refreshTerminal();
  }

  /** Runs a call and turns on the progress indicator if it takes longer than a blink. */
  async track<T>(call: Promise<KioskResult<T>>): Promise<KioskResult<T>> {
    this.pendingCalls += 1;
    if (this.pendingCalls === 1) {
      this.progressTimer = setTimeout(() => (this.showProgress = true), PROGRESS_DELAY_MS);
    }
    try {
      const result = await call;
      this.noteBillingLink(result);
      return result;
    } finally {
      this.pendingCalls -= 1;
      if (this.pendingCalls === 0) {
        clearTimeout(this.progressTimer);
        this.showProgress = false;
      }
    }
  }
}

export const kioskApp = new KioskApp();
