import { describe, expect, it } from 'vitest';
import { RecoverForm } from './recover-form.svelte';

describe('RecoverForm', () => {
  it('takes nine digits of the account number and then moves on to the e-mail', () => {
    const form = new RecoverForm();
    for (const digit of '8200000020') form.pressKeypad(digit);
    expect(form.accountNumber).toBe('820000002');
    expect(form.activeField).toBe('email');
    form.select('account');
    form.pressKeypad('backspace');
    expect([form.accountNumber, form.activeField]).toEqual(['82000000', 'account']);
  });

  it('may be sent with the account number, an e-mail and an answer to a picture', async () => {
    const form = new RecoverForm();
    for (const digit of '820000002') form.pressKeypad(digit);
    form.setEmail(' galieva.ar@example.ru ');
    expect(form.email).toBe('galieva.ar@example.ru');
    form.setCaptchaAnswer('k7p2q');
    expect(form.canSubmit).toBe(false);
    // No kiosk API in unit tests: a call would fail, so a quiet return proves none was made.
    await form.submit();
    expect(form.busy).toBe(false);
    form.captcha.picture = { captchaId: 'c1', imageSvg: '<svg/>', spokenHint: 'K 7 P 2 Q' };
    expect(form.canSubmit).toBe(true);
  });

  it('typing clears the refusal and the field errors', () => {
    const form = new RecoverForm();
    form.error = { code: 'invalid-input', message: { key: 'register.fieldErrors.emailCheck' } };
    form.fieldErrors = { email: { key: 'register.fieldErrors.emailCheck' } };
    form.setEmail('x');
    expect([form.error, form.fieldErrors]).toEqual([null, {}]);
  });
});
