// The captcha shared by registration and «Забыли пароль»: the picture from the billing centre (the
// core has checked it is a plain SVG), a new one on request or after any refusal (each picture is
// good for one attempt), the code spelled out for those who cannot read it, and the typed answer.
import { callKiosk, type KioskError } from '../lib/kiosk-api';
import { kioskApp } from '../state/kiosk-app.svelte';

export interface CaptchaPicture {
  captchaId: string;
  imageSvg: string;
  spokenHint: string;
}

/** Longest answer the field takes; the pictures carry five characters. */
export const CAPTCHA_ANSWER_MAX = 10;

export class CaptchaState {
  picture = $state<CaptchaPicture | null>(null);
  answer = $state('');
  spelledOut = $state(false);
  loading = $state(false);
  error = $state<KioskError | null>(null);

  readonly imageUrl = $derived(this.picture ? `data:image/svg+xml;charset=utf-8,${encodeURIComponent(this.picture.imageSvg)}` : null);
  readonly ready = $derived(this.picture !== null && this.answer.trim().length > 0);

  /** Asks for a new picture; the old one and its answer are dropped. */
  async load(): Promise<void> {
    if (this.loading) return;
    this.loading = true;
    this.answer = '';
    this.spelledOut = false;
    try {
      const result = await kioskApp.track(callKiosk('registration.captcha', {}));
      if (result.ok) {
        this.picture = result.value;
        this.error = null;
      } else {
        this.picture = null;
        this.error = result.error;
      }
    } finally {
      this.loading = false;
    }
  }

  /** The code is typed as drawn: Latin letters and digits, shown in capitals. */
  setAnswer(value: string): void {
    this.answer = value
      .replace(/[^A-Za-z0-9]/g, '')
      .toUpperCase()
      .slice(0, CAPTCHA_ANSWER_MAX);
  }

  toggleSpelling(): void {
    this.spelledOut = !this.spelledOut;
  }
}

/** Refusals the billing centre gives for the captcha: the picture was used up, a new one is needed. */
export function isCaptchaRefusal(error: KioskError): boolean {
  return error.billingCode === 'wrong-captcha' || error.billingCode === 'captcha-expired';
}
