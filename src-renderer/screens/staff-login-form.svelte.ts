// Staff login: the staff number and the PIN, both on the numeric keypad; a refusal says how many
// attempts are left, a lockout counts down the time left.
import { callKiosk, type KioskError } from '../lib/kiosk-api';
import { kioskApp } from '../state/kiosk-app.svelte';

export type StaffLoginField = 'staffNumber' | 'pin';

const MAX_STAFF_NUMBER = 8;
const MAX_PIN = 8;

export class StaffLoginForm {
  staffNumber = $state('');
  pin = $state('');
  activeField = $state<StaffLoginField>('staffNumber');
  error = $state<KioskError | null>(null);
  submitting = $state(false);
  lockedUntil = $state<number | null>(null);
  now = $state(Date.now());
  private ticker: ReturnType<typeof setInterval> | undefined;

  readonly lockSecondsLeft = $derived(this.lockedUntil === null ? 0 : Math.max(0, Math.ceil((this.lockedUntil - this.now) / 1000)));
  readonly canSubmit = $derived(
    /^\d{3,8}$/.test(this.staffNumber) && /^\d{4,8}$/.test(this.pin) && !this.submitting && this.lockSecondsLeft === 0,
  );

  pressKeypad(key: string): void {
    this.error = null;
    const field = this.activeField;
    const value = field === 'staffNumber' ? this.staffNumber : this.pin;
    const limit = field === 'staffNumber' ? MAX_STAFF_NUMBER : MAX_PIN;
    let next = value;
    if (key === 'backspace') next = value.slice(0, -1);
    else if (key === 'clear') next = '';
    else if (value.length < limit) next = value + key;
    if (field === 'pin') {
      this.pin = next;
    } else if (next !== this.staffNumber) {
      this.staffNumber = next;
      // A lockout is per staff number: another number may try (the core decides again).
      this.lockedUntil = null;
      this.stopTicker();
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
        if (result.error.code === 'locked-out' && result.error.retryAfterSeconds) this.startLockout(result.error.retryAfterSeconds);
        return;
      }
      this.stopTicker();
      kioskApp.enterStaff(result.value.staffName);
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
