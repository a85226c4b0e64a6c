import { afterEach, describe, expect, it, vi } from 'vitest';
import { bridgeAnswering } from '../../tests/support/kiosk-bridge-stub';
import { kioskApp } from '../state/kiosk-app.svelte';
import { formatActivationCode, formatPhone, RegisterForm } from './register-form.svelte';

function type(form: RegisterForm, digits: string): void {
  for (const digit of digits) form.pressKeypad(digit);
}

/** A form with every detail of README's demo registration typed in. */
function filledIn(): RegisterForm {
  const form = new RegisterForm();
  type(form, '820000004');
  form.setEmail('ivanova@example.ru');
  form.select('phone');
  type(form, '9175555555');
  type(form, '482173901156');
  return form;
}

afterEach(() => {
  vi.unstubAllGlobals();
  kioskApp.terminal = null;
});

describe('formats of the registration fields', () => {
  it('shapes the mobile phone as it is typed: +7 (917) 555-55-55', () => {
    expect(formatPhone('')).toBe('');
    expect(formatPhone('91')).toBe('+7 (91');
    expect(formatPhone('9175')).toBe('+7 (917) 5');
    expect(formatPhone('9175555')).toBe('+7 (917) 555-5');
    expect(formatPhone('9175555555')).toBe('+7 (917) 555-55-55');
  });

  it('puts the dashes in the activation code by itself: 4821-7390-1156', () => {
    expect(formatActivationCode('')).toBe('');
    expect(formatActivationCode('48217')).toBe('4821-7');
    expect(formatActivationCode('482173901156')).toBe('4821-7390-1156');
  });
});

describe('RegisterForm', () => {
  it('moves from the account number to the e-mail, and from the phone to the code, once each is whole', () => {
    const form = new RegisterForm();
    type(form, '82000000');
    expect(form.activeField).toBe('account');
    type(form, '4');
    expect(form.activeField).toBe('email');
    form.select('phone');
    type(form, '9175555555');
    expect(form.activeField).toBe('code');
    type(form, '4821739011569999');
    expect(form.codeDigits).toBe('482173901156');
  });

  it('derives what the core receives: +7 and ten digits, the code with dashes', () => {
    const form = filledIn();
    expect(form.phone).toBe('+79175555555');
    expect(form.activationCode).toBe('4821-7390-1156');
    expect(form.detailsComplete).toBe(true);
    form.select('code');
    form.pressKeypad('backspace');
    expect(form.detailsComplete).toBe(false);
  });

  it('takes the e-mail without spaces and at most 100 characters', () => {
    const form = new RegisterForm();
    form.setEmail(' ivanova @example.ru ');
    expect(form.email).toBe('ivanova@example.ru');
    form.setEmail(`${'a'.repeat(120)}@example.ru`);
    expect(form.email).toHaveLength(100);
  });

  it('the consent is never given in advance, only on a shown agreement, and may be taken back', () => {
    const form = filledIn();
    expect(form.consentGiven).toBe(false);
    form.toggleConsent();
    expect(form.consentGivenAt).toBeNull();
    form.agreement = { textVersion: '2026-01', text: 'Соглашение…' };
    form.toggleConsent();
    expect(form.consentGiven).toBe(true);
    expect(Number.isNaN(Date.parse(form.consentGivenAt ?? ''))).toBe(false);
    form.toggleConsent();
    expect(form.consentGiven).toBe(false);
  });

  it('does not open the captcha step without the consent, and may be sent only with every step done', async () => {
    const form = filledIn();
    form.agreement = { textVersion: '2026-01', text: 'Соглашение…' };
    // No kiosk API in unit tests: a call would fail, so a quiet return proves none was made.
    await form.toCaptcha();
    expect(form.step).toBe('details');
    form.toggleConsent();
    form.setCaptchaAnswer('k7p2q');
    expect(form.canSubmit).toBe(false);
    form.captcha.picture = { captchaId: 'c1', imageSvg: '<svg/>', spokenHint: 'K 7 P 2 Q' };
    expect(form.canSubmit).toBe(true);
    form.busy = true;
    expect(form.canSubmit).toBe(false);
  });

  it('back to the details from the captcha puts the keypad on the account number; nothing typed is lost', () => {
    const form = filledIn();
    form.step = 'captcha';
    form.activeField = 'captcha';
    form.error = { code: 'billing-refused', message: { key: 'register.refusals.wrong-captcha' }, billingCode: 'wrong-captcha' };
    form.backTo('details');
    expect([form.step, form.activeField, form.error]).toEqual(['details', 'account', null]);
    expect([form.accountNumber, form.email, form.phoneDigits, form.codeDigits]).toEqual([
      '820000004',
      'ivanova@example.ru',
      '9175555555',
      '482173901156',
    ]);
  });

  it('with the password by SMS the e-mail is not needed and not sent, and the keys skip it', () => {
    const form = new RegisterForm();
    form.choosePasswordDelivery('sms');
    type(form, '820000217');
    expect(form.activeField).toBe('phone');
    type(form, '9175550505');
    type(form, '731520486690');
    expect(form.email).toBe('');
    expect(form.detailsComplete).toBe(true);
    form.choosePasswordDelivery('email');
    expect(form.detailsComplete).toBe(false);
  });

  it('choosing SMS while the e-mail is being typed moves the keys to the phone', () => {
    const form = filledIn();
    form.select('email');
    form.choosePasswordDelivery('sms');
    expect([form.passwordDelivery, form.activeField]).toEqual(['sms', 'phone']);
  });

  it('registers with the password by SMS without an e-mail, and in training mode shows the SMS', async () => {
    const sms = { text: 'Ваш пароль для входа в личный кабинет абонента МУП УИС: k7p2q9', sentAt: '2026-12-01T12:00:00Z' };
    const calls = bridgeAnswering({
      'registration.register': {
        ok: true,
        value: {
          accountNumber: '820000217',
          registeredAt: '2026-12-01T12:00:00Z',
          passwordSentBy: 'sms',
          passwordSentTo: '+7 (917) ***-**-05',
        },
      },
      'smsLogin.trainingInbox': { ok: true, value: { messages: [sms] } },
    });
    kioskApp.terminal = { trainingMode: true } as typeof kioskApp.terminal;
    const form = new RegisterForm();
    form.choosePasswordDelivery('sms');
    type(form, '820000217');
    type(form, '9175550505');
    type(form, '731520486690');
    form.agreement = { textVersion: '2026-01', text: 'Соглашение…' };
    form.toggleConsent();
    form.captcha.picture = { captchaId: 'c1', imageSvg: '<svg/>', spokenHint: 'K 7 P 2 Q' };
    form.setCaptchaAnswer('k7p2q');
    await form.submit();
    expect(calls[0]?.method).toBe('registration.register');
    expect(calls[0]?.input).toMatchObject({ passwordDelivery: 'sms', phone: '+79175550505' });
    expect(calls[0]?.input).not.toHaveProperty('email');
    expect([form.step, form.passwordSentBy, form.passwordSentTo]).toEqual(['done', 'sms', '+7 (917) ***-**-05']);
    expect(calls[1]).toEqual({ method: 'smsLogin.trainingInbox', input: { accountNumber: '820000217' } });
    expect(form.trainingSms).toEqual([sms]);
  });
});
