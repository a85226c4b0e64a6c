// The form «По квитанции — без пароля»: the account number and the 4-digit code from the paper bill,
// both on the keypad; the account number may also come from the bill scanner. One form for the
// page, because a scan arrives before its screen is drawn; the screen wipes it when it closes.
import { callKiosk, type KioskError } from '../lib/kiosk-api';
import { kioskApp } from '../state/kiosk-app.svelte';
import { isEditingKey, pressDigitKey } from './keypad-digits';
import { dropsRefusal, LockoutCountdown } from './lockout-countdown.svelte';

export type BillLoginField = 'account' | 'code';

export class BillLoginForm {
  accountNumber = $state('');
  billCode = $state('');
  activeField = $state<BillLoginField>('account');
  error = $state<KioskError | null>(null);
  /** True once the scanner filled the account number, until it is edited. */
  scanned = $state(false);
  submitting = $state(false);
  private readonly lockout = new LockoutCountdown();

  get lockSecondsLeft(): number {
    return this.lockout.secondsLeft;
  }
  readonly accountComplete = $derived(/^\d{9}$/.test(this.accountNumber));
  readonly codeComplete = $derived(/^\d{4}$/.test(this.billCode));
  readonly canSubmit = $derived(this.accountComplete && this.codeComplete && !this.submitting && this.lockSecondsLeft === 0);

  pressKeypad(key: string): void {
    this.error = null;
    if (this.activeField === 'code') {
      this.billCode = pressDigitKey(this.billCode, key, 4);
      return;
    }
    this.scanned = false;
    this.accountNumber = pressDigitKey(this.accountNumber, key, 9);
    // Nine digits are a whole account number: move on to the code by itself.
    if (this.accountComplete && !isEditingKey(key)) this.activeField = 'code';
  }

  /** What the bill scanner typed: the account number it holds goes in, and the code is next; a foreign or unreadable bill is refused. */
  async readScan(scanned: string): Promise<void> {
    const result = await kioskApp.track(callKiosk('billSession.readScan', { scanned }));
    if (!result.ok) {
      this.error = result.error;
      this.scanned = false;
      return;
    }
    this.error = null;
    this.accountNumber = result.value.accountNumber;
    this.billCode = '';
    this.scanned = true;
    this.activeField = 'code';
  }

  async submit(): Promise<void> {
    if (!this.canSubmit) return;
    this.submitting = true;
    this.error = null;
    try {
      const result = await kioskApp.track(callKiosk('billSession.open', { accountNumber: this.accountNumber, billCode: this.billCode }));
      if (!result.ok) {
        this.error = result.error;
        // Whatever the refusal, the code is typed afresh: the field is empty after every failed try.
        this.billCode = '';
        this.activeField = result.error.code === 'billing-refused' ? 'account' : 'code';
        if (result.error.code === 'locked-out' && result.error.retryAfterSeconds) {
          // Once the time is up the refusal no longer holds: it leaves the screen with its countdown.
          this.lockout.start(result.error.retryAfterSeconds, dropsRefusal(this, 'locked-out'));
        }
        return;
      }
      this.billCode = '';
      const entered = await kioskApp.enterAccount('bill');
      if (!entered && kioskApp.summaryError) this.error = kioskApp.summaryError;
    } finally {
      this.submitting = false;
    }
  }

  /** Forgets everything typed or scanned (the screen closed: «Назад», the login, a timeout). */
  reset(): void {
    this.accountNumber = '';
    this.billCode = '';
    this.activeField = 'account';
    this.error = null;
    this.scanned = false;
    this.lockout.reset();
  }
}

/** The page's one bill login form: the screen shows it, the bill scanner fills it. */
export const billLoginForm = new BillLoginForm();
