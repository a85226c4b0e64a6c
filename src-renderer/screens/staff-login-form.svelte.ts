// Staff login: the staff number and the PIN, both on the numeric keypad; a refusal says how many
// attempts are left, a lockout counts down the time left.
import { callKiosk, type KioskError } from '../lib/kiosk-api';
import { kioskApp } from '../state/kiosk-app.svelte';
import { pressDigitKey } from './keypad-digits';
import { dropsRefusal, LockoutCountdown } from './lockout-countdown.svelte';

export type StaffLoginField = 'staffNumber' | 'pin';

const MAX_STAFF_NUMBER = 8;
const MAX_PIN = 8;

export class StaffLoginForm {
  staffNumber = $state('');
  pin = $state('');
  activeField = $state<StaffLoginField>('staffNumber');
  error = $state<KioskError | null>(null);
  submitting = $state(false);
  private readonly lockout = new LockoutCountdown();

  get lockSecondsLeft(): number {
    return this.lockout.secondsLeft;
  }
  readonly canSubmit = $derived(
    /^\d{3,8}$/.test(this.staffNumber) && /^\d{4,8}$/.test(this.pin) && !this.submitting && this.lockSecondsLeft === 0,
  );

  pressKeypad(key: string): void {
    this.error = null;
    const field = this.activeField;
    const value = field === 'staffNumber' ? this.staffNumber : this.pin;
    const limit = field === 'staffNumber' ? MAX_STAFF_NUMBER : MAX_PIN;
    const next = pressDigitKey(value, key, limit);
    if (field === 'pin') {
      this.pin = next;
    } else if (next !== this.staffNumber) {
      this.staffNumber = next;
      // A lockout is per staff number: another number may try (the core decides again).
      this.lockout.reset();
    }
  }

  async submit(): Promise<void> {
    if (!this.canSubmit) return;
    this.submitting = true;
    this.error = null;
    try {
      const result = await kioskApp.track(callKiosk('staff.login', { staffNumber: this.staffNumber, pin: this.pin }));
      // The PIN never stays on screen, whatever the answer.
      this.pin = '';
      if (!result.ok) {
        this.error = result.error;
        this.activeField = 'pin';
        if (result.error.code === 'locked-out' && result.error.retryAfterSeconds) {
          // Once the time is up the refusal no longer holds: it leaves the screen with its countdown.
          this.lockout.start(result.error.retryAfterSeconds, dropsRefusal(this, 'locked-out'));
        }
        return;
      }
      this.stopTicker();
      kioskApp.enterStaff(result.value.staffName);
    } finally {
      this.submitting = false;
    }
  }

  stopTicker(): void {
    this.lockout.stop();
  }
}
