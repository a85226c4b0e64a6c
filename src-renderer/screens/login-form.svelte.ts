// The login form's state: two fields filled from the on-screen keypad and keyboard, the refusal
// to show, and the countdown of a lockout.
import { afterNextPaint } from '../lib/after-paint';
import { callKiosk, type KioskError } from '../lib/kiosk-api';
import { kioskApp } from '../state/kiosk-app.svelte';
import { isEditingKey, pressDigitKey } from './keypad-digits';
import { dropsRefusal, LockoutCountdown } from './lockout-countdown.svelte';
import { openSmsLogin } from './sms-login-form.svelte';

export type LoginField = 'account' | 'password';

const ACCOUNT_DIGITS = 9;

// A screen takes no props, so an account number handed to the login screen (registration's
// «Войти») waits here for the login form, which takes it once when it opens.
let handedOver = '';

/** Opens the login screen with this account number filled in, so only the password is left to type. */
export function openLogin(accountNumber: string): void {
  handedOver = accountNumber;
  kioskApp.goTo('login');
}

export class LoginForm {
  accountNumber = $state('');
  password = $state('');
  activeField = $state<LoginField>('account');
  passwordVisible = $state(false);
  error = $state<KioskError | null>(null);
  submitting = $state(false);
  private readonly lockout = new LockoutCountdown();

  get lockSecondsLeft(): number {
    return this.lockout.secondsLeft;
  }
  readonly accountComplete = $derived(/^\d{9}$/.test(this.accountNumber));

  constructor() {
    this.accountNumber = handedOver.replace(/\D/g, '').slice(0, ACCOUNT_DIGITS);
    handedOver = '';
    if (this.accountComplete) this.activeField = 'password';
  }

  pressKeypad(key: string): void {
    this.error = null;
    this.accountNumber = pressDigitKey(this.accountNumber, key, 9);
    // Nine digits are a whole account number: move on to the password by itself, once the last
    // digit is painted (unless the customer chose a field meanwhile).
    if (this.accountComplete && !isEditingKey(key) && this.activeField === 'account') {
      afterNextPaint(() => {
        if (this.accountComplete && this.activeField === 'account') this.activeField = 'password';
      });
    }
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
        // Whatever the refusal, the password is typed afresh: the field is empty after every failed try.
        this.password = '';
        if (result.error.code === 'locked-out' && result.error.retryAfterSeconds) {
          // Once the time is up the refusal no longer holds: it leaves the screen with its countdown.
          this.lockout.start(result.error.retryAfterSeconds, dropsRefusal(this, 'locked-out'));
        }
        return;
      }
      this.password = '';
      const entered = await kioskApp.enterAccount();
      if (!entered && kioskApp.summaryError) this.error = kioskApp.summaryError;
    } finally {
      this.submitting = false;
    }
  }

  /** «Войти по коду из SMS»: the account number typed so far goes along; the password stays here (and is dropped). */
  toSmsLogin(): void {
    this.password = '';
    openSmsLogin(this.accountNumber);
  }

  stopTicker(): void {
    this.lockout.stop();
  }
}
