import { describe, expect, it } from 'vitest';
import { CAPTCHA_ANSWER_MAX, CaptchaState, isCaptchaRefusal } from './register-captcha.svelte';

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
    const refused = (billingCode: string) => ({
      code: 'billing-refused' as const,
      message: { key: 'errors.billing-refused' as const },
      billingCode,
    });
    expect(isCaptchaRefusal(refused('wrong-captcha'))).toBe(true);
    expect(isCaptchaRefusal(refused('captcha-expired'))).toBe(true);
    expect(isCaptchaRefusal(refused('email-mismatch'))).toBe(false);
  });
});
