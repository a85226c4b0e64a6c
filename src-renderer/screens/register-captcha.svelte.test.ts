import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../lib/i18n.svelte';
import { CAPTCHA_ANSWER_MAX, CaptchaState, fieldErrorText, isCaptchaRefusal, refusalText } from './register-captcha.svelte';

afterEach(() => {
  i18n.language = 'ru';
});

describe('CaptchaState', () => {
  it('keeps the answer as drawn: Latin letters and digits only, in capitals, at most ten', () => {
    const captcha = new CaptchaState();
    captcha.setAnswer('ab 3-д7x');
    expect(captcha.answer).toBe('AB37X');
    captcha.setAnswer('a'.repeat(CAPTCHA_ANSWER_MAX + 5));
    expect(captcha.answer).toHaveLength(CAPTCHA_ANSWER_MAX);
  });

  it('is ready with a picture and an answer, and shows the picture as an encoded data: URL', () => {
    const captcha = new CaptchaState();
    captcha.setAnswer('K7P2Q');
    expect(captcha.ready).toBe(false);
    expect(captcha.imageUrl).toBeNull();
    captcha.picture = { captchaId: 'c1', imageSvg: '<svg><text>K7P2Q</text></svg>', spokenHint: 'K 7 P 2 Q' };
    expect(captcha.ready).toBe(true);
    expect(captcha.imageUrl).toBe(`data:image/svg+xml;charset=utf-8,${encodeURIComponent('<svg><text>K7P2Q</text></svg>')}`);
    captcha.setAnswer('');
    expect(captcha.ready).toBe(false);
  });

  it('spells the code out on request, and hides it again', () => {
    const captcha = new CaptchaState();
    captcha.toggleSpelling();
    expect(captcha.spelledOut).toBe(true);
    captcha.toggleSpelling();
    expect(captcha.spelledOut).toBe(false);
  });
});

describe('refusals of registration and recovery', () => {
  it('a wrong or expired captcha needs a new picture; other refusals do not', () => {
    expect(isCaptchaRefusal({ code: 'billing-refused', message: '', billingCode: 'wrong-captcha' })).toBe(true);
    expect(isCaptchaRefusal({ code: 'billing-refused', message: '', billingCode: 'captcha-expired' })).toBe(true);
    expect(isCaptchaRefusal({ code: 'billing-refused', message: '', billingCode: 'email-mismatch' })).toBe(false);
  });

  it('in Russian shows the core’s text; in English the service’s own translation of the code or field', () => {
    const mismatch = { code: 'billing-refused' as const, message: 'Указанный e-mail не совпадает.', billingCode: 'email-mismatch' };
    const badField = { code: 'invalid-input' as const, message: 'Проверьте поля.', fields: { accountNumber: 'Девять цифр' } };
    expect(refusalText('recover', mismatch)).toBe('Указанный e-mail не совпадает.');
    expect(fieldErrorText('register', 'email', 'Проверьте адрес')).toBe('Проверьте адрес');
    i18n.language = 'en';
    expect(refusalText('recover', mismatch)).toBe('The e-mail given does not match the e-mail given at registration.');
    expect(refusalText('register', badField)).toBe('The account number has 9 digits');
    expect(fieldErrorText('register', 'email', 'Проверьте адрес')).toBe('Check the e-mail address, for example ivanova@example.ru');
    expect(fieldErrorText('register', 'no-such-field', 'Проверьте')).toBe('Проверьте');
  });

  it('without a link to the billing centre says that the service needs one', () => {
    i18n.language = 'en';
    const text = refusalText('register', { code: 'billing-unavailable', message: 'Нет связи.' });
    expect(text.startsWith('Registration needs a connection to the billing centre. ')).toBe(true);
  });
});
