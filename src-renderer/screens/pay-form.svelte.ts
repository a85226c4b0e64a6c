// «Оплатить»: the invoice and where to pay it, the amount the customer chooses on the keypad in
// rubles and kopecks, and the QR code and slip for exactly that amount.
import { callKiosk, type KioskError } from '../lib/kiosk-api';
import type { KioskOutput } from '../../src-main/features/kiosk-methods';
import { kioskApp } from '../state/kiosk-app.svelte';
import type { MessageKey } from '../../src-main/core/messages/messages';

export type Invoice = KioskOutput<'payment.invoice'>;
export type PaymentQr = KioskOutput<'payment.qr'>;
export type PaymentSlip = KioskOutput<'payment.slip'>;
export type AmountField = 'rubles' | 'kopecks';

/** 1 000 000 ₽; the core refuses more as well. */
export const MAX_PAYMENT_KOPECKS = 100_000_000;
/** Enough digits to type a little over the limit, so the refusal can explain it. */
const MAX_RUBLE_DIGITS = 7;

/** Catalog key of the refusal for an amount, or null when it may be paid. */
export function amountProblemKey(amountKopecks: number): MessageKey | null {
  if (amountKopecks <= 0) return 'pay.errors.notPositive';
  if (amountKopecks > MAX_PAYMENT_KOPECKS) return 'pay.errors.tooLarge';
  return null;
}

/** An SVG document as an `<img>` source (CSP allows `data:` images, never inline script). */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

export class PayForm {
  invoice = $state.raw<Invoice | null>(null);
  loadError = $state<KioskError | null>(null);
  rubles = $state('');
  kopecks = $state('');
  activeField = $state<AmountField>('rubles');
  /** A refusal found here before asking the core: a catalog key. */
  amountProblem = $state<MessageKey | null>(null);
  /** A refusal from the core. */
  error = $state<KioskError | null>(null);
  qr = $state.raw<PaymentQr | null>(null);
  slip = $state.raw<PaymentSlip | null>(null);
  busy = $state(false);
  private request = 0;

  readonly amountKopecks = $derived(Number(this.rubles || '0') * 100 + Number(this.kopecks || '0'));
  /** The QR code on screen is for the amount in the fields (not for one typed before). */
  readonly qrCurrent = $derived(this.qr !== null && this.qr.amountKopecks === this.amountKopecks);
  readonly slipCurrent = $derived(this.slip !== null && this.slip.amountKopecks === this.amountKopecks);

  async load(): Promise<void> {
    this.loadError = null;
    const result = await kioskApp.track(callKiosk('payment.invoice', {}));
    if (!result.ok) {
      this.loadError = result.error;
      return;
    }
    this.invoice = result.value;
    if (result.value.amountDueKopecks > 0) {
      this.setAmount(result.value.amountDueKopecks);
      await this.makeQr();
    }
  }

  setAmount(kopecks: number): void {
    this.rubles = String(Math.floor(kopecks / 100));
    this.kopecks = String(kopecks % 100).padStart(2, '0');
  }

  pressKeypad(key: string): void {
    this.amountProblem = null;
    this.error = null;
    const field = this.activeField;
    const current = field === 'rubles' ? this.rubles : this.kopecks;
    let next = current;
    if (key === 'backspace') next = current.slice(0, -1);
    else if (key === 'clear') next = '';
    else if (field === 'rubles') next = current === '0' ? key : current.length < MAX_RUBLE_DIGITS ? current + key : current;
    else if (current.length < 2) next = current + key;
    if (field === 'rubles') this.rubles = next;
    else this.kopecks = next;
  }

  /** Asks the core for the QR code and the slip of the amount in the fields. */
  async makeQr(): Promise<void> {
    this.error = null;
    const amountKopecks = this.amountKopecks;
    this.amountProblem = amountProblemKey(amountKopecks);
    if (this.amountProblem) return;
    const request = ++this.request;
    this.busy = true;
    try {
      const [qr, slip] = await Promise.all([
        kioskApp.track(callKiosk('payment.qr', { amountKopecks })),
        kioskApp.track(callKiosk('payment.slip', { amountKopecks })),
      ]);
      // A newer request (the customer pressed again with another amount) wins.
      if (request !== this.request) return;
      if (!qr.ok) this.error = qr.error;
      else if (!slip.ok) this.error = slip.error;
      if (qr.ok) this.qr = qr.value;
      if (slip.ok) this.slip = slip.value;
    } finally {
      if (request === this.request) this.busy = false;
    }
  }
}
