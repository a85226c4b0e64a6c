// «Войти по коду из SMS» in two steps: the account number, then the 6-digit code the billing centre
// sent to the phone on file. The state counts down the pause before another code may be asked for
// and a lockout; in training mode it also reads the SMS the reference billing centre "sent".
import { callKiosk, type KioskError } from '../lib/kiosk-api';
import type { KioskOutput } from '../../src-main/features/kiosk-methods';
import { kioskApp } from '../state/kiosk-app.svelte';
import { pressDigitKey } from './keypad-digits';
import { dropsRefusal, LockoutCountdown } from './lockout-countdown.svelte';

export type SmsLoginStep = 'account' | 'code';
export type TrainingSms = KioskOutput<'smsLogin.trainingInbox'>['messages'][number];

const ACCOUNT_DIGITS = 9;
const CODE_DIGITS = 6;

// A screen takes no props, so the account number typed on the login screen waits here for the
// SMS screen, which takes it once when it opens.
let handedOver = '';

/** Opens the SMS login with the digits of the account number typed so far. */
export function openSmsLogin(accountNumber: string): void {
  handedOver = accountNumber;
  kioskApp.goTo('sms-login');
}

/**
 * The SMS the training billing centre "sent" for an account, newest first; nothing outside training
 * mode, where a real SMS went to the customer's phone and the kiosk must not show it.
 */
export async function readTrainingSms(accountNumber: string): Promise<TrainingSms[]> {
  if (!kioskApp.terminal?.trainingMode) return [];
  const result = await callKiosk('smsLogin.trainingInbox', { accountNumber });
  return result.ok ? result.value.messages : [];
}

/** Whole minutes for «Код действует 5 минут», from the seconds left when the code was sent. */
export function validMinutes(seconds: number): number {
  return Math.max(1, Math.round(seconds / 60));
}

export class SmsLoginForm {
  step = $state<SmsLoginStep>('account');
  accountNumber = $state('');
  code = $state('');
  /** Where the code went (masked) and for how long it is valid, once it was sent. */
  sent = $state<{ sentTo: string; validForSeconds: number } | null>(null);
  error = $state<KioskError | null>(null);
  busy = $state(false);
  /** Training mode only: the SMS the phone would have shown, newest first. */
  trainingSms = $state<TrainingSms[]>([]);
  private readonly lockout = new LockoutCountdown();
  private readonly resendPause = new LockoutCountdown();

  constructor() {
    this.accountNumber = handedOver.replace(/\D/g, '').slice(0, ACCOUNT_DIGITS);
    handedOver = '';
  }

  readonly accountComplete = $derived(this.accountNumber.length === ACCOUNT_DIGITS);
  readonly codeComplete = $derived(this.code.length === CODE_DIGITS);

  get lockSecondsLeft(): number {
    return this.lockout.secondsLeft;
  }
  /** Seconds until «Отправить код ещё раз» works; 0 once it does. */
  get resendSecondsLeft(): number {
    return this.resendPause.secondsLeft;
  }

  get canRequest(): boolean {
    return this.accountComplete && !this.busy && this.lockSecondsLeft === 0 && this.resendSecondsLeft === 0;
  }
  get canVerify(): boolean {
    return this.step === 'code' && this.codeComplete && !this.busy && this.lockSecondsLeft === 0;
  }

  pressKeypad(key: string): void {
    this.error = null;
    if (this.step === 'code') {
      this.code = pressDigitKey(this.code, key, CODE_DIGITS);
      return;
    }
    const typed = pressDigitKey(this.accountNumber, key, ACCOUNT_DIGITS);
    // The pause before another code is the billing centre's for one account: another number has none.
    if (typed !== this.accountNumber) this.resendPause.reset();
    this.accountNumber = typed;
  }

  /** «Получить код» and «Отправить код ещё раз»: a new code replaces the one sent before. */
  async requestCode(): Promise<void> {
    if (!this.canRequest) return;
    this.busy = true;
    this.error = null;
    try {
      const result = await kioskApp.track(callKiosk('smsLogin.requestCode', { accountNumber: this.accountNumber }));
      if (result.ok) {
        this.sent = { sentTo: result.value.sentTo, validForSeconds: result.value.validForSeconds };
        this.code = '';
        this.step = 'code';
        this.resendPause.start(result.value.resendAfterSeconds);
      } else {
        this.error = result.error;
        const wait = result.error.retryAfterSeconds;
        // Once the time is up the refusal no longer holds: it leaves the screen with its countdown.
        if (result.error.code === 'rate-limited' && wait) this.resendPause.start(wait, dropsRefusal(this, 'rate-limited'));
        if (result.error.code === 'locked-out' && wait) this.lockout.start(wait, dropsRefusal(this, 'locked-out'));
      }
    } finally {
      this.busy = false;
    }
    this.trainingSms = await readTrainingSms(this.accountNumber);
  }

  async verify(): Promise<void> {
    if (!this.canVerify) return;
    this.busy = true;
    this.error = null;
    try {
      const result = await kioskApp.track(callKiosk('smsLogin.verify', { accountNumber: this.accountNumber, code: this.code }));
      if (!result.ok) {
        this.error = result.error;
        // A wrong, expired or burnt code is of no more use: the field is ready for the next one.
        this.code = '';
        if (result.error.code === 'locked-out' && result.error.retryAfterSeconds) {
          this.lockout.start(result.error.retryAfterSeconds, dropsRefusal(this, 'locked-out'));
        }
        return;
      }
      this.code = '';
      this.trainingSms = [];
      const entered = await kioskApp.enterAccount();
      if (!entered && kioskApp.summaryError) this.error = kioskApp.summaryError;
    } finally {
      this.busy = false;
    }
  }

  /** Back to the account number (another account, or a mistyped one); the code sent is dropped. */
  changeAccount(): void {
    this.step = 'account';
    this.code = '';
    this.sent = null;
    this.error = null;
    this.trainingSms = [];
  }

  stopTickers(): void {
    this.lockout.stop();
    this.resendPause.stop();
  }
}
