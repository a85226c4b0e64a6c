import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { KioskResult } from '../lib/kiosk-api';
import { bridgeAnswering } from '../../tests/support/kiosk-bridge-stub';
import { kioskApp } from '../state/kiosk-app.svelte';
import { openSmsLogin, SmsLoginForm, validMinutes } from './sms-login-form.svelte';

const SENT = { sentTo: '+7 (917) ***-**-55', validForSeconds: 300, resendAfterSeconds: 60, attemptsLeft: 3 };
const TRAINING_SMS = { text: 'Код для входа в личный кабинет абонента МУП УИС: 123456.', sentAt: '2026-12-01T12:00:00Z' };

function typed(form: SmsLoginForm, digits: string): SmsLoginForm {
  for (const digit of digits) form.pressKeypad(digit);
  return form;
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  kioskApp.terminal = null;
  kioskApp.screen = 'start';
});

describe('SmsLoginForm', () => {
  it('takes the account number typed on the login screen, once', () => {
    openSmsLogin('82000');
    expect(kioskApp.screen).toBe('sms-login');
    const form = new SmsLoginForm();
    expect(form.accountNumber).toBe('82000');
    expect(new SmsLoginForm().accountNumber).toBe('');
  });

  it('asks for a code only with nine digits, then takes six digits of the code', async () => {
    const calls = bridgeAnswering({ 'smsLogin.requestCode': { ok: true, value: SENT } });
    const form = new SmsLoginForm();
    typed(form, '82000021');
    expect(form.canRequest).toBe(false);
    await form.requestCode();
    expect(calls).toEqual([]);
    typed(form, '79');
    expect(form.accountNumber).toBe('820000217');
    await form.requestCode();
    expect(calls).toEqual([{ method: 'smsLogin.requestCode', input: { accountNumber: '820000217' } }]);
    expect(form.step).toBe('code');
    expect(form.sent).toEqual({ sentTo: SENT.sentTo, validForSeconds: 300 });
    typed(form, '1234567');
    expect(form.code).toBe('123456');
    expect(form.canVerify).toBe(true);
    form.pressKeypad('backspace');
    expect(form.canVerify).toBe(false);
    form.stopTickers();
  });

  it('counts down the pause before «Отправить код ещё раз», then allows it', async () => {
    bridgeAnswering({ 'smsLogin.requestCode': { ok: true, value: SENT } });
    const form = typed(new SmsLoginForm(), '820000217');
    await form.requestCode();
    expect(form.resendSecondsLeft).toBe(60);
    expect(form.canRequest).toBe(false);
    vi.advanceTimersByTime(1_000);
    expect(form.resendSecondsLeft).toBe(59);
    vi.advanceTimersByTime(59_000);
    expect(form.resendSecondsLeft).toBe(0);
    expect(form.canRequest).toBe(true);
  });

  it('a code asked for too early starts the pause the billing centre names', async () => {
    bridgeAnswering({
      'smsLogin.requestCode': {
        ok: false,
        error: {
          code: 'rate-limited',
          retryAfterSeconds: 42,
          message: { key: 'smsLogin.refusals.resendTooEarly' },
        },
      },
    });
    const form = typed(new SmsLoginForm(), '820000217');
    await form.requestCode();
    expect(form.step).toBe('account');
    expect(form.error?.code).toBe('rate-limited');
    expect(form.resendSecondsLeft).toBe(42);
    // Another account number has no pause of its own.
    form.pressKeypad('backspace');
    expect(form.resendSecondsLeft).toBe(0);
  });

  it('a wrong code is refused and cleared; a lockout counts down and blocks «Войти»', async () => {
    const answers: Record<string, KioskResult<unknown>> = {
      'smsLogin.requestCode': { ok: true, value: SENT },
      'smsLogin.verify': { ok: false, error: { code: 'wrong-credentials', message: { key: 'smsLogin.refusals.wrongCode' } } },
    };
    bridgeAnswering(answers);
    const form = typed(new SmsLoginForm(), '820000217');
    await form.requestCode();
    typed(form, '000000');
    await form.verify();
    expect(form.error?.message.key).toBe('smsLogin.refusals.wrongCode');
    expect(form.code).toBe('');
    typed(form, '1');
    expect(form.error).toBeNull();

    answers['smsLogin.verify'] = {
      ok: false,
      error: {
        code: 'locked-out',
        retryAfterSeconds: 900,
        message: { key: 'smsLogin.refusals.lockedOut' },
      },
    };
    typed(form, '23456');
    await form.verify();
    expect(form.lockSecondsLeft).toBe(900);
    typed(form, '123456');
    expect(form.canVerify).toBe(false);
    form.stopTickers();
  });

  it('shows the training SMS only in training mode, read again after each request', async () => {
    const calls = bridgeAnswering({
      'smsLogin.requestCode': { ok: true, value: SENT },
      'smsLogin.trainingInbox': { ok: true, value: { messages: [TRAINING_SMS] } },
    });
    const form = typed(new SmsLoginForm(), '820000217');
    await form.requestCode();
    expect(form.trainingSms).toEqual([]);
    expect(calls.map((call) => call.method)).toEqual(['smsLogin.requestCode']);

    kioskApp.terminal = { trainingMode: true } as typeof kioskApp.terminal;
    vi.advanceTimersByTime(60_000);
    await form.requestCode();
    expect(calls.map((call) => call.method)).toEqual(['smsLogin.requestCode', 'smsLogin.requestCode', 'smsLogin.trainingInbox']);
    expect(form.trainingSms).toEqual([TRAINING_SMS]);
    form.changeAccount();
    expect([form.step, form.trainingSms, form.sent]).toEqual(['account', [], null]);
    expect(form.accountNumber).toBe('820000217');
    form.stopTickers();
  });

  it('says the validity in whole minutes', () => {
    expect(validMinutes(300)).toBe(5);
    expect(validMinutes(299)).toBe(5);
    expect(validMinutes(20)).toBe(1);
  });
});
