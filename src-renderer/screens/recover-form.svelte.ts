// «Забыли пароль»: account number, the e-mail given at registration and the code on the picture;
// the billing centre e-mails a new password. A refusal keeps what was typed and shows a new picture.
import type { Message } from '../../src-main/core/messages/messages';
import { afterNextPaint } from '../lib/after-paint';
import { callKiosk, type KioskError } from '../lib/kiosk-api';
import { kioskApp } from '../state/kiosk-app.svelte';
import { CaptchaState, isCaptchaRefusal } from './register-captcha.svelte';
import { isEditingKey, pressDigitKey } from './keypad-digits';

export type RecoverField = 'account' | 'email' | 'captcha';

const ACCOUNT_DIGITS = 9;
const EMAIL_MAX = 100;

const FIELD_OF: Record<string, RecoverField> = { accountNumber: 'account', email: 'email', captchaId: 'captcha', captchaAnswer: 'captcha' };
const REFUSAL_FIELD: Record<string, RecoverField> = {
  'email-mismatch': 'email',
  'not-registered': 'account',
  'unknown-account': 'account',
};

export class RecoverForm {
  accountNumber = $state('');
  email = $state('');
  activeField = $state<RecoverField>('account');
  readonly captcha = new CaptchaState();
  error = $state<KioskError | null>(null);
  fieldErrors = $state<Record<string, Message>>({});
  busy = $state(false);
  sentTo = $state<string | null>(null);

  readonly canSubmit = $derived(
    this.accountNumber.length === ACCOUNT_DIGITS &&
      this.email.trim().length > 0 &&
      this.captcha.ready &&
      !this.busy &&
      !this.captcha.loading,
  );

  select(field: RecoverField): void {
    this.activeField = field;
  }

  pressKeypad(key: string): void {
    this.clearMessages();
    this.accountNumber = pressDigitKey(this.accountNumber, key, ACCOUNT_DIGITS);
    // A whole account number: on to the e-mail once the last digit is painted (login-form.svelte.ts).
    if (!isEditingKey(key) && this.accountNumber.length === ACCOUNT_DIGITS) {
      afterNextPaint(() => {
        if (this.accountNumber.length === ACCOUNT_DIGITS && this.activeField === 'account') this.activeField = 'email';
      });
    }
  }

  setCaptchaAnswer(value: string): void {
    this.clearMessages();
    this.captcha.setAnswer(value);
  }

  /** Spaces cannot be part of an address: a tap on «Пробел» is dropped. */
  setEmail(value: string): void {
    this.clearMessages();
    this.email = value.replace(/\s/g, '').slice(0, EMAIL_MAX);
  }

  async submit(): Promise<void> {
    if (!this.canSubmit || !this.captcha.picture) return;
    this.busy = true;
    this.clearMessages();
    try {
      const result = await kioskApp.track(
        callKiosk('recovery.requestPassword', {
          accountNumber: this.accountNumber,
          email: this.email,
          captchaId: this.captcha.picture.captchaId,
          captchaAnswer: this.captcha.answer,
        }),
      );
      if (result.ok) {
        this.sentTo = result.value.sentTo;
        return;
      }
      const error = result.error;
      this.error = error;
      this.fieldErrors = error.code === 'invalid-input' ? (error.fields ?? {}) : {};
      const firstField = Object.keys(this.fieldErrors)[0];
      const field = (firstField ? FIELD_OF[firstField] : undefined) ?? (error.billingCode ? REFUSAL_FIELD[error.billingCode] : undefined);
      if (field) this.activeField = field;
      else if (isCaptchaRefusal(error)) this.activeField = 'captcha';
      // Any answer the billing centre saw used the picture up: show a new one at once.
      if (error.code !== 'invalid-input') void this.captcha.load();
    } finally {
      this.busy = false;
    }
  }

  private clearMessages(): void {
    this.error = null;
    this.fieldErrors = {};
  }
}
