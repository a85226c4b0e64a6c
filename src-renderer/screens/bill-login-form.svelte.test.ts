import { afterEach, describe, expect, it, vi } from 'vitest';
import { bridgeAnswering } from '../../tests/support/kiosk-bridge-stub';
import type { KioskError } from '../lib/kiosk-api';
import { kioskApp } from '../state/kiosk-app.svelte';
import { BillLoginForm } from './bill-login-form.svelte';

const wrongCode: KioskError = { code: 'wrong-credentials', message: { key: 'billLogin.refusals.wrongCode', values: { attemptsLeft: 3 } } };

afterEach(() => {
  vi.unstubAllGlobals();
  kioskApp.summary = null;
  kioskApp.access = null;
  kioskApp.screen = 'start';
});

function typed(form: BillLoginForm, digits: string): void {
  for (const digit of digits) form.pressKeypad(digit);
}

describe('BillLoginForm', () => {
  it('takes nine digits of the account number, moves on to the code by itself, and four digits of the code', () => {
    const form = new BillLoginForm();
    typed(form, '82000021');
    expect(form.activeField).toBe('account');
    typed(form, '7');
    expect(form.accountNumber).toBe('820000217');
    expect(form.activeField).toBe('code');
    typed(form, '472699');
    expect(form.billCode).toBe('4726');
    expect(form.accountNumber).toBe('820000217');
    expect(form.canSubmit).toBe(true);
    form.pressKeypad('backspace');
    expect(form.billCode).toBe('472');
    expect(form.canSubmit).toBe(false);
  });

  it('opens a bill session with the number and the code, and enters the account as a bill holder', async () => {
    const calls = bridgeAnswering({
      'billSession.open': { ok: true, value: { accountNumber: '820000217', billingPeriod: '2026-11' } },
      'account.summary': { ok: true, value: { holderName: 'Сидорова В. И.' } },
    });
    const form = new BillLoginForm();
    typed(form, '8200002174726');
    await form.submit();
    expect(calls).toEqual([
      { method: 'billSession.open', input: { accountNumber: '820000217', billCode: '4726' } },
      { method: 'account.summary', input: {} },
    ]);
    expect(kioskApp.access).toBe('bill');
    expect(kioskApp.screen).toBe('home');
    expect(kioskApp.maySee('bill-holder')).toBe(true);
    expect(kioskApp.maySee('customer')).toBe(false);
    expect(form.billCode).toBe('');
  });

  it('a wrong code is shown and cleared, the number stays; a lockout counts down', async () => {
    bridgeAnswering({ 'billSession.open': { ok: false, error: wrongCode } });
    const form = new BillLoginForm();
    typed(form, '8200002170000');
    await form.submit();
    expect(form.error).toEqual(wrongCode);
    expect(form.billCode).toBe('');
    expect(form.accountNumber).toBe('820000217');
    expect(form.activeField).toBe('code');
    expect(kioskApp.access).toBeNull();

    bridgeAnswering({
      'billSession.open': {
        ok: false,
        error: {
          code: 'locked-out',
          retryAfterSeconds: 900,
          message: { key: 'billLogin.refusals.lockedOut' },
        },
      },
    });
    typed(form, '0000');
    await form.submit();
    expect(form.lockSecondsLeft).toBe(900);
    typed(form, '1111');
    expect(form.canSubmit).toBe(false);
    form.reset();
    expect(form.lockSecondsLeft).toBe(0);
    expect(form.accountNumber).toBe('');
  });

  it('empties the code after any failed try; a refusal of the account number goes back to it', async () => {
    bridgeAnswering({
      'billSession.open': { ok: false, error: { code: 'billing-unavailable', message: { key: 'errors.billing-unavailable' } } },
    });
    const form = new BillLoginForm();
    typed(form, '8200002174726');
    await form.submit();
    expect(form.billCode).toBe('');
    expect(form.activeField).toBe('code');

    const unknown: KioskError = { code: 'billing-refused', message: { key: 'errors.billing-unavailable' } };
    bridgeAnswering({ 'billSession.open': { ok: false, error: unknown } });
    typed(form, '4726');
    await form.submit();
    expect(form.billCode).toBe('');
    expect(form.activeField).toBe('account');
  });

  it('a scan fills the account number and makes the code next; a foreign bill is refused with its message', async () => {
    const calls = bridgeAnswering({ 'billSession.readScan': { ok: true, value: { accountNumber: '820000001' } } });
    const form = new BillLoginForm();
    typed(form, '123');
    await form.readScan('ST00012|PersAcc=820000001');
    expect(calls).toEqual([{ method: 'billSession.readScan', input: { scanned: 'ST00012|PersAcc=820000001' } }]);
    expect(form.accountNumber).toBe('820000001');
    expect(form.activeField).toBe('code');
    expect(form.scanned).toBe(true);

    const foreign: KioskError = { code: 'invalid-input', message: { key: 'billLogin.scan.foreignBill', values: { utility: 'МУП УИС' } } };
    bridgeAnswering({ 'billSession.readScan': { ok: false, error: foreign } });
    await form.readScan('ST00012|PayeeINN=7707083893');
    expect(form.error).toEqual(foreign);
    expect(form.scanned).toBe(false);
    form.activeField = 'account';
    form.pressKeypad('backspace');
    expect(form.error).toBeNull();
  });
});
