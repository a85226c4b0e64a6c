// The login form's state: two fields filled from the on-screen keypad and keyboard, the refusal
// to show, and the countdown of a lockout.
import { callKiosk, type KioskError } from '../lib/kiosk-api';
import { kioskApp } from '../state/kiosk-app.svelte';

export type LoginField = 'account' | 'password';

export class LoginForm {
  accountNumber = $state('');
  password = $state('');
  activeField = $state<LoginField>('account');
  passwordVisible = $state(false);
  error = $state<KioskError | null>(null);
  submitting = $state(false);
  lockedUntil = $state<number | null>(null);
  now = $state(Date.now());
  private ticker: ReturnType<typeof setInterval> | undefined;

  readonly lockSecondsLeft = $derived(this.lockedUntil === null ? 0 : Math.max(0, Math.ceil((this.lockedUntil - this.now) / 1000)));
  readonly accountComplete = $derived(/^\d{9}$/.test(this.accountNumber));

  pressKeypad(key: string): void {
    this.error = null;
    if (key === 'backspace') this.accountNumber = this.accountNumber.slice(0, -1);
    else if (key === 'clear') this.accountNumber = '';
    else if (this.accountNumber.length < 9) this.accountNumber += key;
    // Nine digits are a whole account number: move on to the password by itself.
    if (this.accountComplete && key !== 'backspace' && key !== 'clear') this.activeField = 'password';
  }

  setPassword(value: string): void {
    this.error = null;
    this.password = value;
  }

  async submit(): Promise<void> {
    if (this.submitting || this.lockSecondsLeft > 0) return;
    this.submitting = true;
    this.error = null;
    try {
      const result = await kioskApp.track(callKiosk('session.login', { accountNumber: this.accountNumber, password: this.password }));
      if (!result.ok) {
        this.error = result.error;
        if (result.error.code === 'wrong-credentials') this.password = '';
        if (result.error.code === 'locked-out' && result.error.retryAfterSeconds) this.startLockout(result.error.retryAfterSeconds);
        return;
      }
      this.password = '';
      const entered = await kioskApp.enterAccount();
      if (!entered && kioskApp.summaryError) this.error = kioskApp.summaryError;
    } finally {
      this.submitting = false;
    }
  }

  private startLockout(seconds: number): void {
    this.now = Date.now();
    this.lockedUntil = this.now + seconds * 1000;
    clearInterval(this.ticker);
    this.ticker = setInterval(() => {
      this.now = Date.now();
      if (this.lockSecondsLeft === 0) this.stopTicker();
    }, 1000);
  }

  stopTicker(): void {
    clearInterval(this.ticker);
    this.ticker = undefined;
  }
}
