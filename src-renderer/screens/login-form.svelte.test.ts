import { afterEach, describe, expect, it, vi } from 'vitest';
import { bridgeAnswering } from '../../tests/support/kiosk-bridge-stub';
import type { KioskError } from '../lib/kiosk-api';
import { kioskApp } from '../state/kiosk-app.svelte';
import { LoginForm, openLogin } from './login-form.svelte';
import { SmsLoginForm } from './sms-login-form.svelte';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** A form with a whole account number and `password` typed, ready to send. */
function filled(password: string): LoginForm {
  const form = new LoginForm();
  for (const digit of '820000001') form.pressKeypad(digit);
  form.setPassword(password);
  return form;
}

describe('LoginForm', () => {
  it('empties the password after every failed try, whatever the refusal', async () => {
    const refusals: KioskError[] = [
      { code: 'wrong-credentials', message: { key: 'errors.wrong-credentials', values: { attemptsLeft: 4 } } },
      { code: 'billing-unavailable', message: { key: 'errors.billing-unavailable' } },
      { code: 'locked-out', retryAfterSeconds: 900, message: { key: 'login.refusals.lockedOutAccount', values: { failures: 5 } } },
    ];
    for (const error of refusals) {
      bridgeAnswering({ 'session.login': { ok: false, error } });
      const form = filled('wrong-pass');
      await form.submit();
      expect(form.error, error.code).toEqual(error);
      expect(form.password, error.code).toBe('');
      expect(form.accountNumber, error.code).toBe('820000001');
      form.stopTicker();
    }
  });

  it('counts a lockout down, and takes its refusal off the screen when the time is up', async () => {
    vi.useFakeTimers();
    const locked: KioskError = {
      code: 'locked-out',
      retryAfterSeconds: 3,
      message: { key: 'login.refusals.lockedOutAccount', values: { failures: 5 } },
    };
    bridgeAnswering({ 'session.login': { ok: false, error: locked } });
    const form = filled('wrong-pass');
    await form.submit();
    expect(form.lockSecondsLeft).toBe(3);
    vi.advanceTimersByTime(2_000);
    expect(form.lockSecondsLeft).toBe(1);
    expect(form.error).toEqual(locked);
    vi.advanceTimersByTime(1_000);
    expect(form.lockSecondsLeft).toBe(0);
    expect(form.error).toBeNull();
  });

  it('takes nine digits of the account number, then moves on to the password by itself', () => {
    const form = new LoginForm();
    for (const digit of '82000000') form.pressKeypad(digit);
    expect(form.accountComplete).toBe(false);
    expect(form.activeField).toBe('account');
    form.pressKeypad('1');
    expect(form.accountNumber).toBe('820000001');
    expect(form.accountComplete).toBe(true);
    expect(form.activeField).toBe('password');
    form.pressKeypad('5');
    expect(form.accountNumber).toBe('820000001');
  });

  it('backspace and clear edit the number without jumping to the password', () => {
    const form = new LoginForm();
    for (const digit of '820000001') form.pressKeypad(digit);
    form.activeField = 'account';
    form.pressKeypad('backspace');
    expect(form.accountNumber).toBe('82000000');
    expect(form.activeField).toBe('account');
    form.pressKeypad('clear');
    expect(form.accountNumber).toBe('');
    expect(form.accountComplete).toBe(false);
  });

  it('opens with the account number handed over (after registration), once, with the password next', () => {
    openLogin('820000009');
    expect(kioskApp.screen).toBe('login');
    const handed = new LoginForm();
    expect(handed.accountNumber).toBe('820000009');
    expect(handed.activeField).toBe('password');
    // Taken once: the next login form starts empty.
    const next = new LoginForm();
    expect(next.accountNumber).toBe('');
    expect(next.activeField).toBe('account');
  });

  it('typing clears the refusal shown', () => {
    const form = new LoginForm();
    form.error = { code: 'wrong-credentials', message: { key: 'errors.wrong-credentials', values: { attemptsLeft: 4 } } };
    form.pressKeypad('8');
    expect(form.error).toBeNull();
    form.error = { code: 'wrong-credentials', message: { key: 'errors.wrong-credentials', values: { attemptsLeft: 4 } } };
    form.setPassword('demo');
    expect(form.error).toBeNull();
    expect(form.password).toBe('demo');
  });

  it('does not send while a login is on its way', async () => {
    const form = new LoginForm();
    form.submitting = true;
    // No kiosk API in unit tests: a call would fail, so a quiet return proves nothing was sent.
    await form.submit();
    expect(form.submitting).toBe(true);
    expect(form.error).toBeNull();
    expect(form.lockSecondsLeft).toBe(0);
  });

  it('«Войти по коду из SMS» takes the account number along and drops the password', () => {
    const form = new LoginForm();
    for (const digit of '820000217') form.pressKeypad(digit);
    form.setPassword('demo');
    form.toSmsLogin();
    expect(kioskApp.screen).toBe('sms-login');
    expect(form.password).toBe('');
    expect(new SmsLoginForm().accountNumber).toBe('820000217');
    kioskApp.screen = 'start';
  });
});
