// Registration in three steps, as on the utility's website but one thing at a time: the details
// (account number, how the password should come, e-mail unless it comes by SMS, mobile phone,
// activation code), the agreement with its separate consent,
// then the code on the picture and «Зарегистрировать». What the customer typed survives refusals;
// only the captcha (single-use) is renewed.
import type { Message } from '../../src-main/core/messages/messages';
import { afterNextPaint } from '../lib/after-paint';
import { callKiosk, type KioskError } from '../lib/kiosk-api';
import { kioskApp } from '../state/kiosk-app.svelte';
import { CaptchaState, isCaptchaRefusal } from './register-captcha.svelte';
import { readTrainingSms, type TrainingSms } from './sms-login-form.svelte';

export type RegisterStep = 'details' | 'agreement' | 'captcha' | 'done';
export type RegisterField = 'account' | 'email' | 'phone' | 'code' | 'captcha';
/** Where the first password goes: the e-mail, or an SMS to the mobile phone for the customer with no e-mail. */
export type PasswordDelivery = 'email' | 'sms';

const ACCOUNT_DIGITS = 9;
const PHONE_DIGITS = 10;
const CODE_DIGITS = 12;
const EMAIL_MAX = 100;

/** `9175555555` → `+7 (917) 555-55-55`, and the same shape while it is being typed. */
export function formatPhone(digits: string): string {
  if (digits.length === 0) return '';
  let text = `+7 (${digits.slice(0, 3)}`;
  if (digits.length > 3) text += `) ${digits.slice(3, 6)}`;
  if (digits.length > 6) text += `-${digits.slice(6, 8)}`;
  if (digits.length > 8) text += `-${digits.slice(8, 10)}`;
  return text;
}

/** `482173901156` → `4821-7390-1156`: the dashes appear by themselves. */
export function formatActivationCode(digits: string): string {
  return (digits.match(/\d{1,4}/g) ?? []).join('-');
}

/** The present moment as an ISO instant, for the consent record. */
function instantNow(): string {
  return new Date(Date.now()).toISOString();
}

/** Which step shows the field an input refusal names. */
const FIELD_STEP: Record<string, { step: RegisterStep; field: RegisterField | null }> = {
  accountNumber: { step: 'details', field: 'account' },
  email: { step: 'details', field: 'email' },
  phone: { step: 'details', field: 'phone' },
  activationCode: { step: 'details', field: 'code' },
  consent: { step: 'agreement', field: null },
  captchaId: { step: 'captcha', field: 'captcha' },
  captchaAnswer: { step: 'captcha', field: 'captcha' },
};

/** Which field the billing centre's refusal is about, so the customer lands on it. */
const REFUSAL_FIELD: Record<string, RegisterField> = {
  'wrong-activation-code': 'code',
  'already-registered': 'account',
  'unknown-account': 'account',
  'invalid-email': 'email',
  'sms-undeliverable': 'phone',
};

export class RegisterForm {
  step = $state<RegisterStep>('details');
  accountNumber = $state('');
  passwordDelivery = $state<PasswordDelivery>('email');
  email = $state('');
  phoneDigits = $state('');
  codeDigits = $state('');
  activeField = $state<RegisterField>('account');

  agreement = $state<{ textVersion: string; text: string } | null>(null);
  agreementError = $state<KioskError | null>(null);
  /** When the customer ticked the consent (ISO time); null until they do. Never pre-ticked. */
  consentGivenAt = $state<string | null>(null);

  readonly captcha = new CaptchaState();

  error = $state<KioskError | null>(null);
  fieldErrors = $state<Record<string, Message>>({});
  busy = $state(false);
  passwordSentBy = $state<PasswordDelivery | null>(null);
  passwordSentTo = $state<string | null>(null);
  /** Training mode, password by SMS: the SMS the phone would have received. */
  trainingSms = $state<TrainingSms[]>([]);

  readonly phone = $derived(this.phoneDigits.length === 0 ? '' : `+7${this.phoneDigits}`);
  readonly activationCode = $derived(formatActivationCode(this.codeDigits));
  readonly detailsComplete = $derived(
    this.accountNumber.length === ACCOUNT_DIGITS &&
      (this.passwordDelivery === 'sms' || this.email.trim().length > 0) &&
      this.phoneDigits.length === PHONE_DIGITS &&
      this.codeDigits.length === CODE_DIGITS,
  );
  readonly consentGiven = $derived(this.consentGivenAt !== null && this.agreement !== null);
  readonly canSubmit = $derived(this.detailsComplete && this.consentGiven && this.captcha.ready && !this.busy && !this.captcha.loading);

  select(field: RegisterField): void {
    this.activeField = field;
  }

  /** By SMS the e-mail is not asked for: the keys move on to the phone, where the SMS goes. */
  choosePasswordDelivery(delivery: PasswordDelivery): void {
    this.clearMessages();
    this.passwordDelivery = delivery;
    if (delivery === 'sms' && this.activeField === 'email') this.activeField = 'phone';
  }

  /** The details as the core takes them: the e-mail only when the password goes there. */
  private details() {
    return {
      accountNumber: this.accountNumber,
      passwordDelivery: this.passwordDelivery,
      ...(this.passwordDelivery === 'email' ? { email: this.email } : {}),
      phone: this.phone,
      activationCode: this.activationCode,
    };
  }

  pressKeypad(key: string): void {
    this.clearMessages();
    const edit = (current: string, max: number): string => {
      if (key === 'backspace') return current.slice(0, -1);
      if (key === 'clear') return '';
      return current.length < max ? current + key : current;
    };
    const typed = key !== 'backspace' && key !== 'clear';
    if (this.activeField === 'account') {
      this.accountNumber = edit(this.accountNumber, ACCOUNT_DIGITS);
      // Nine digits are a whole account number: move on to the e-mail (or the phone, for an SMS) by itself.
      // Once the last digit is painted: the e-mail's full keyboard is the heavier frame (login-form.svelte.ts).
      if (typed && this.accountNumber.length === ACCOUNT_DIGITS) {
        afterNextPaint(() => {
          if (this.accountNumber.length === ACCOUNT_DIGITS && this.activeField === 'account')
            this.activeField = this.passwordDelivery === 'email' ? 'email' : 'phone';
        });
      }
    } else if (this.activeField === 'phone') {
      this.phoneDigits = edit(this.phoneDigits, PHONE_DIGITS);
      if (typed && this.phoneDigits.length === PHONE_DIGITS) this.activeField = 'code';
    } else if (this.activeField === 'code') {
      this.codeDigits = edit(this.codeDigits, CODE_DIGITS);
    }
  }

  setEmail(value: string): void {
    this.clearMessages();
    this.email = value.replace(/\s/g, '').slice(0, EMAIL_MAX);
  }

  setCaptchaAnswer(value: string): void {
    this.clearMessages();
    this.captcha.setAnswer(value);
  }

  /** Step 1 → 2: the core checks the fields (the e-mail with the same rule as at registration). */
  async checkDetails(): Promise<void> {
    if (this.busy || !this.detailsComplete) return;
    this.busy = true;
    this.clearMessages();
    try {
      const result = await kioskApp.track(callKiosk('registration.checkDetails', this.details()));
      if (!result.ok) {
        this.showRefusal(result.error);
        return;
      }
      this.step = 'agreement';
    } finally {
      this.busy = false;
    }
    if (!this.agreement) await this.loadAgreement();
  }

  async loadAgreement(): Promise<void> {
    const result = await kioskApp.track(callKiosk('registration.agreement', {}));
    if (result.ok) {
      // A different text needs a fresh consent.
      if (this.agreement && this.agreement.textVersion !== result.value.textVersion) this.consentGivenAt = null;
      this.agreement = result.value;
      this.agreementError = null;
    } else {
      this.agreementError = result.error;
    }
  }

  /** The consent is its own decision: the customer ticks it, and may untick it. */
  toggleConsent(): void {
    if (!this.agreement) return;
    this.clearMessages();
    this.consentGivenAt = this.consentGivenAt === null ? instantNow() : null;
  }

  /** Step 2 → 3: only with the consent; a picture is fetched when the step opens. */
  async toCaptcha(): Promise<void> {
    if (!this.consentGiven) return;
    this.clearMessages();
    this.step = 'captcha';
    this.activeField = 'captcha';
    if (!this.captcha.picture) await this.captcha.load();
  }

  backTo(step: 'details' | 'agreement'): void {
    this.clearMessages();
    this.step = step;
    if (step === 'details' && this.activeField === 'captcha') this.activeField = 'account';
  }

  async submit(): Promise<void> {
    if (!this.canSubmit || !this.agreement || !this.consentGivenAt || !this.captcha.picture) return;
    this.busy = true;
    this.clearMessages();
    try {
      const result = await kioskApp.track(
        callKiosk('registration.register', {
          ...this.details(),
          captchaId: this.captcha.picture.captchaId,
          captchaAnswer: this.captcha.answer,
          consent: { textVersion: this.agreement.textVersion, givenAt: this.consentGivenAt },
        }),
      );
      if (result.ok) {
        this.passwordSentBy = result.value.passwordSentBy;
        this.passwordSentTo = result.value.passwordSentTo;
        this.step = 'done';
        if (result.value.passwordSentBy === 'sms') this.trainingSms = await readTrainingSms(this.accountNumber);
        return;
      }
      this.showRefusal(result.error);
      // The picture is spent by any answer the billing centre saw: show a new one at once.
      if (result.error.code !== 'invalid-input') void this.captcha.load();
      if (result.error.billingCode === 'consent-outdated') {
        this.consentGivenAt = null;
        this.step = 'agreement';
        await this.loadAgreement();
      }
    } finally {
      this.busy = false;
    }
  }

  /** Shows a refusal and takes the customer to the field it is about; nothing typed is lost. */
  private showRefusal(error: KioskError): void {
    this.error = error;
    this.fieldErrors = error.code === 'invalid-input' ? (error.fields ?? {}) : {};
    // A consent the core did not believe must be given again.
    if (this.fieldErrors.consent) this.consentGivenAt = null;
    const firstField = Object.keys(this.fieldErrors)[0];
    const target = firstField ? FIELD_STEP[firstField] : undefined;
    if (target) {
      this.step = target.step;
      if (target.field) this.activeField = target.field;
      return;
    }
    const field = error.billingCode ? REFUSAL_FIELD[error.billingCode] : undefined;
    if (field) {
      this.step = 'details';
      this.activeField = field;
    } else if (error.billingCode && isCaptchaRefusal(error)) {
      this.activeField = 'captcha';
    }
  }

  private clearMessages(): void {
    this.error = null;
    this.fieldErrors = {};
  }
}
