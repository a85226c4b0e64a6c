import { describe, expect, it } from 'vitest';
import { amountProblemKey, MAX_PAYMENT_KOPECKS, PayForm, svgDataUrl, type PaymentQr } from './pay-form.svelte';

/** Presses keys of the keypad into the field that is active. */
function press(form: PayForm, ...keys: string[]): void {
  for (const key of keys) form.pressKeypad(key);
}

describe('amountProblemKey', () => {
  it('refuses nothing and less, and more than 1 000 000 ₽; allows 1 kopeck and exactly the limit', () => {
    expect(amountProblemKey(0)).toBe('pay.errors.notPositive');
    expect(amountProblemKey(-100)).toBe('pay.errors.notPositive');
    expect(amountProblemKey(1)).toBeNull();
    expect(amountProblemKey(MAX_PAYMENT_KOPECKS)).toBeNull();
    expect(amountProblemKey(MAX_PAYMENT_KOPECKS + 1)).toBe('pay.errors.tooLarge');
  });
});

describe('PayForm', () => {
  it('adds rubles and kopecks into the amount in kopecks, empty fields counting as zero', () => {
    const form = new PayForm();
    expect(form.amountKopecks).toBe(0);
    press(form, '1', '5', '0', '0');
    expect(form.amountKopecks).toBe(150_000);
    form.activeField = 'kopecks';
    press(form, '5');
    expect(form.amountKopecks).toBe(150_005);
    press(form, '0');
    expect(form.amountKopecks).toBe(150_050);
  });

  it('setAmount fills the fields from kopecks, with two kopeck digits', () => {
    const form = new PayForm();
    form.setAmount(150_050);
    expect([form.rubles, form.kopecks]).toEqual(['1500', '50']);
    form.setAmount(7);
    expect([form.rubles, form.kopecks]).toEqual(['0', '07']);
    expect(form.amountKopecks).toBe(7);
  });

  it('types a leading zero away, stops at 7 ruble digits and 2 kopeck digits, and erases with backspace and clear', () => {
    const form = new PayForm();
    press(form, '0', '5');
    expect(form.rubles).toBe('5');
    press(form, '1', '2', '3', '4', '5', '6', '7', '8');
    expect(form.rubles).toBe('5123456');
    press(form, 'backspace');
    expect(form.rubles).toBe('512345');
    form.activeField = 'kopecks';
    press(form, '9', '9', '9');
    expect(form.kopecks).toBe('99');
    press(form, 'clear');
    expect([form.rubles, form.kopecks]).toEqual(['512345', '']);
  });

  it('refuses an amount it cannot pay before asking the core, and typing clears the refusal', async () => {
    const form = new PayForm();
    press(form, '0');
    // No kiosk API in this test: a call would fail, so returning with the refusal proves none was made.
    await form.makeQr();
    expect(form.amountProblem).toBe('pay.errors.notPositive');
    expect(form.busy).toBe(false);
    press(form, 'clear', '1', '0', '0', '0', '0', '0', '0');
    expect(form.amountProblem).toBeNull();
    form.activeField = 'kopecks';
    press(form, '0', '1');
    await form.makeQr();
    expect(form.amountProblem).toBe('pay.errors.tooLarge');
  });

  it('says the QR code on screen is current only for the amount in the fields', () => {
    const form = new PayForm();
    expect(form.qrCurrent).toBe(false);
    form.setAmount(50_000);
    form.qr = { amountKopecks: 50_000 } as PaymentQr;
    expect(form.qrCurrent).toBe(true);
    press(form, '1');
    expect(form.amountKopecks).toBe(500_100);
    expect(form.qrCurrent).toBe(false);
    expect(form.slipCurrent).toBe(false);
  });
});

describe('helpers of the pay screen', () => {
  it('makes an SVG an encoded data: URL (the CSP allows data: images, never inline markup)', () => {
    const url = svgDataUrl('<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>');
    expect(url.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
    expect(url).not.toContain('<');
    expect(decodeURIComponent(url.split(',')[1]!)).toContain('<rect width="1" height="1"/>');
  });
});
