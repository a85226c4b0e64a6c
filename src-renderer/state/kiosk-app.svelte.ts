// The kiosk's screen-level state: which screen is shown, what the terminal is, the logged-in
// customer's summary, staff mode (and assisted service), and progress for slow calls. Data is
// loaded from event handlers, not effects. Every way out (button, idle timeout, crash recovery at
// boot) wipes the customer: this state, the kiosk API session, web storage and caches.
import { callKiosk, type KioskError, type KioskResult } from '../lib/kiosk-api';
import type { KioskOutput } from '../../src-main/core/api/methods';
import { i18n } from '../lib/i18n.svelte';
import { displaySettings } from './display-settings.svelte';

export type ScreenName =
  'start' | 'login' | 'register' | 'recover' | 'home' | 'pay' | 'charges' | 'readings' | 'appeals' | 'profile' | 'staff-login' | 'staff';

/** Screens that show a customer's data: reachable only while logged in. */
export const CUSTOMER_SCREENS: readonly ScreenName[] = ['home', 'pay', 'charges', 'readings', 'appeals', 'profile'];
export type TerminalStatus = KioskOutput<'terminal.status'>;
export type StartScreenData = KioskOutput<'reference.startScreen'>;
export type AccountSummary = KioskOutput<'account.summary'>;

/** Waits shorter than this show no spinner; longer ones do (perceived as a pause otherwise). */
const PROGRESS_DELAY_MS = 300;

/** How often the header's link indicator is re-read from the core. */
const TERMINAL_REFRESH_MS = 5_000;

export class KioskApp {
  screen = $state<ScreenName>('start');
  terminal = $state<TerminalStatus | null>(null);
  startScreen = $state<StartScreenData | null>(null);
  startScreenError = $state<KioskError | null>(null);
  summary = $state<AccountSummary | null>(null);
  summaryError = $state<KioskError | null>(null);
  /** True while a call has been running longer than PROGRESS_DELAY_MS. */
  showProgress = $state(false);
  /** The staff member on duty, while staff mode is open. */
  staff = $state<{ staffName: string } | null>(null);
  /** Set while staff have a customer's account open (assisted service): the banner shows it. */
  assisted = $state<{ accountNumberMasked: string } | null>(null);
  /** True while the kiosk core restarts (after staff saved settings or pressed «Перезапустить»). */
  restarting = $state(false);
  private pendingCalls = 0;
  private progressTimer: ReturnType<typeof setTimeout> | undefined;

  readonly loggedIn = $derived(this.summary !== null);

  async boot(): Promise<void> {
    // A fresh start of the page (first start, or a reload after a crash) begins with nobody logged
    // in: a customer or staff session the previous page left in the core is ended now.
    await Promise.all([callKiosk('session.logout', {}), callKiosk('staff.logout', {})]);
    await Promise.all([this.refreshTerminal(), this.loadStartScreen()]);
    // The link indicator follows the core (outbox and heartbeat notice outages and recoveries even
    // when nobody is tapping), so it is re-read every few seconds.
    setInterval(() => void this.refreshTerminal(), TERMINAL_REFRESH_MS);
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
    if (screen === 'staff' && !this.staff) screen = 'start';
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

  /**
   * The customer's «Выйти»: wipes every trace of the customer in the renderer and returns to
   * Russian with the display modes off. In assisted service it ends the help and returns to the staff screen instead.
   */
  async logout(): Promise<void> {
    if (this.assisted) return this.endAssist();
    this.wipeCustomer();
    this.screen = 'start';
    await callKiosk('session.logout', {});
    void this.loadStartScreen();
  }

  /** Idle timeout: whoever is at the screen, customer or staff, is logged out. */
  async logoutEveryone(): Promise<void> {
    const staffWasIn = this.staff !== null;
    this.wipeCustomer();
    this.staff = null;
    this.assisted = null;
    this.screen = 'start';
    await callKiosk('session.logout', {});
    if (staffWasIn) await callKiosk('staff.logout', {});
    void this.loadStartScreen();
  }

  /** Staff PIN accepted: the staff screen replaces whatever customer was there (the core logged them out). */
  enterStaff(staffName: string): void {
    this.wipeCustomer();
    this.assisted = null;
    this.staff = { staffName };
    this.screen = 'staff';
    window.scrollTo(0, 0);
  }

  /** Staff leave staff mode: back to the start screen for customers. */
  async leaveStaff(): Promise<void> {
    this.wipeCustomer();
    this.staff = null;
    this.assisted = null;
    this.screen = 'start';
    await callKiosk('staff.logout', {});
    void this.loadStartScreen();
  }

  /** The core opened a customer's account for staff: their home screen, under the staff banner. */
  async startAssist(accountNumberMasked: string): Promise<boolean> {
    this.assisted = { accountNumberMasked };
    const entered = await this.enterAccount();
    if (!entered) await this.endAssist();
    return entered;
  }

  /** «Завершить помощь»: the customer's data leaves the screen; staff are back on their screen. */
  async endAssist(): Promise<void> {
    this.wipeCustomer();
    this.assisted = null;
    this.screen = this.staff ? 'staff' : 'start';
    await callKiosk('staff.assist.end', {});
  }

  /** The core restarts (new settings): nobody stays logged in; the start screen shows the new settings. */
  async afterRestart(): Promise<void> {
    this.wipeCustomer();
    this.staff = null;
    this.assisted = null;
    this.restarting = true;
    this.screen = 'start';
    try {
      // The kiosk holds calls during the restart, so this answers from the new core.
      await this.boot();
    } finally {
      this.restarting = false;
    }
  }

  /** Everything of the customer the renderer holds (their language and display modes too), plus anything a page could have stored. */
  private wipeCustomer(): void {
    this.summary = null;
    this.summaryError = null;
    i18n.language = 'ru';
    displaySettings.reset();
    try {
      localStorage.clear();
      sessionStorage.clear();
    } catch {
      // Storage may be unavailable (e.g. an opaque origin); then nothing was stored either.
    }
    if (typeof caches !== 'undefined') {
      void caches
        .keys()
        .then((names) => Promise.all(names.map((name) => caches.delete(name))))
        .catch(() => undefined);
    }
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
