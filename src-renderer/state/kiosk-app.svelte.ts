// The kiosk's screen-level state: which screen is shown, what the terminal is, the logged-in
// customer's summary, staff mode (and assisted service), and progress for slow calls. Data is
// loaded from event handlers, not effects; what the core knows without being asked (link, outbox,
// printer, restarts) arrives as the core's events. Every way out (button, idle timeout, crash
// recovery at boot) wipes the customer: this state, the kiosk API session, web storage and caches.
import type { KioskSnapshot, OutboxFacts, PrinterFacts, TerminalFacts } from '../../src-main/core/events/kiosk-events';
import { callKiosk, subscribeKioskEvents, type KioskError, type KioskEvent, type KioskResult } from '../lib/kiosk-api';
import type { KioskOutput } from '../../src-main/features/kiosk-methods';
import { i18n } from '../lib/i18n.svelte';
// A cycle by design: the screen list imports the screens, and they import this state. The screens
// use `kioskApp` only when they are drawn and this state uses the list only when a screen is opened,
// never while the modules load, so either side may be loaded first.
import { screenNamed, type ScreenAudience, type ScreenName } from '../screens/kiosk-screens.svelte';
import { voiceMode } from '../voice/voice-mode.svelte';
import { displaySettings } from './display-settings.svelte';

/** What the header and the idle guard show of the terminal: the same facts as `terminal.status`. */
export type TerminalStatus = TerminalFacts & { billingOnline: boolean };
export type StartScreenData = KioskOutput<'reference.startScreen'>;
export type AccountSummary = KioskOutput<'account.summary'>;
/**
 * How the customer at the screen got in: `full` by password (or staff assisting), the whole personal
 * account; `bill` by the account number and the code on the paper bill, paying and readings only.
 */
export type CustomerAccess = 'full' | 'bill';

/** Waits shorter than this show no spinner; longer ones do (perceived as a pause otherwise). */
const PROGRESS_DELAY_MS = 300;

export class KioskApp {
  screen = $state<ScreenName>('start');
  terminal = $state<TerminalStatus | null>(null);
  /** The submissions waiting for the billing centre, as the core last told. */
  outbox = $state<OutboxFacts | null>(null);
  /** The printer as the core last saw it; null until it was asked. */
  printer = $state<PrinterFacts | null>(null);
  // Answers of the core that are replaced whole, never changed in place, are raw state: no proxy
  // on every field a screen reads (the terminal's status is updated in place, so it keeps one).
  startScreen = $state.raw<StartScreenData | null>(null);
  startScreenError = $state<KioskError | null>(null);
  summary = $state.raw<AccountSummary | null>(null);
  summaryError = $state<KioskError | null>(null);
  /** How the customer at the screen got in; null while nobody is. */
  access = $state<CustomerAccess | null>(null);
  /** True while a call has been running longer than PROGRESS_DELAY_MS. */
  showProgress = $state(false);
  /** The staff member on duty, while staff mode is open. */
  staff = $state<{ staffName: string } | null>(null);
  /** Set while staff have a customer's account open (assisted service): the banner shows it. */
  assisted = $state<{ accountNumberMasked: string } | null>(null);
  /** True while the kiosk core restarts (after staff saved settings or pressed «Перезапустить»). */
  restarting = $state(false);
  private pendingCalls = 0;
  /** The page's one subscription to the core's events, kept for the life of the page. */
  private eventsSubscription: (() => void) | null = null;
  private progressTimer: ReturnType<typeof setTimeout> | undefined;

  readonly loggedIn = $derived(this.summary !== null && this.access !== null);

  async boot(): Promise<void> {
    // One subscription per page, however often boot() runs (every restart from the staff screen
    // runs it again): the core host keeps it across restarts, and it begins with a snapshot of the
    // terminal. The outbox and heartbeat notice outages and recoveries even when nobody is tapping.
    this.eventsSubscription ??= subscribeKioskEvents((event) => this.applyEvent(event));
    // A fresh start of the page (first start, or a reload after a crash) begins with nobody logged
    // in: a customer or staff session the previous page left in the core is ended now.
    await Promise.all([callKiosk('session.logout', {}), callKiosk('staff.logout', {}), voiceMode.checkAvailable()]);
    await this.loadStartScreen();
  }

  /** What the core pushes: the only way terminal facts, the link, the outbox, the printer and restarts reach the screen. */
  applyEvent(event: KioskEvent): void {
    switch (event.type) {
      case 'snapshot':
      case 'restarted':
        this.applySnapshot(event.data);
        break;
      case 'link':
        if (this.terminal) this.terminal.billingOnline = event.data.online;
        break;
      case 'outbox':
        this.outbox = event.data;
        break;
      case 'printer':
        this.printer = event.data;
        break;
      case 'restarting':
        this.restarting = true;
        break;
    }
  }

  private applySnapshot(snapshot: KioskSnapshot): void {
    this.terminal = { ...snapshot.terminal, billingOnline: snapshot.link.online };
    this.outbox = snapshot.outbox;
    this.printer = snapshot.printer;
    this.restarting = snapshot.restarting;
  }

  async loadStartScreen(): Promise<void> {
    const result = await this.track(callKiosk('reference.startScreen', {}));
    if (result.ok) {
      this.startScreen = result.value;
      this.startScreenError = null;
    } else {
      this.startScreenError = result.error;
    }
  }

  /**
   * Opens a screen if whoever is at the kiosk may see it (the screen list says who may); else a
   * customer stays at their home screen (a bill session asking for the full personal account) and
   * anyone else gets the start screen.
   */
  goTo(screen: ScreenName): void {
    if (this.maySee(screenNamed(screen).audience)) this.screen = screen;
    else this.screen = this.loggedIn ? 'home' : 'start';
  }

  /** Whether the person at the kiosk now is in a screen's audience. */
  maySee(audience: ScreenAudience): boolean {
    if (audience === 'bill-holder') return this.loggedIn;
    if (audience === 'customer') return this.loggedIn && this.access === 'full';
    if (audience === 'staff') return this.staff !== null;
    return true;
  }

  /**
   * Called by a login form once the core opened the session: `full` after the password (and for
   * staff assisting), `bill` after the code from the paper bill.
   */
  async enterAccount(access: CustomerAccess = 'full'): Promise<boolean> {
    const result = await this.track(callKiosk('account.summary', {}));
    if (!result.ok) {
      this.summaryError = result.error;
      return false;
    }
    this.summary = result.value;
    this.summaryError = null;
    this.access = access;
    this.screen = 'home';
    return true;
  }

  /** «Войти в личный кабинет» in a bill session: the bill session ends, the password login opens. */
  async logoutToLogin(): Promise<void> {
    // The same person goes on: their language, display modes and voice mode stay.
    this.wipeCustomer({ samePerson: true });
    this.screen = 'login';
    await callKiosk('session.logout', {});
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

  /** Everything of the customer the renderer holds (their language, display and voice modes too), plus anything a page could have stored. */
  private wipeCustomer({ samePerson = false } = {}): void {
    this.summary = null;
    this.summaryError = null;
    this.access = null;
    if (!samePerson) {
      void i18n.choose('ru');
      displaySettings.reset();
      // Voice mode is the customer's too: it ends with them, and its audio with it.
      voiceMode.turnOff();
    }
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

  /** Runs a call and turns on the progress indicator if it takes longer than a blink. */
  async track<T>(call: Promise<KioskResult<T>>): Promise<KioskResult<T>> {
    this.pendingCalls += 1;
    if (this.pendingCalls === 1) {
      this.progressTimer = setTimeout(() => (this.showProgress = true), PROGRESS_DELAY_MS);
    }
    try {
      return await call;
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
