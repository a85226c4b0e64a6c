// Someone at the terminal trying many accounts: refused registrations and password resets are
// limited per terminal across accounts, explained with the time left, and staff can lift the limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSENT } from '../../src-main/billing-server/reference-content';
import { startCoreFixture, type CoreFixture } from '../support/kiosk-core-fixture';

let fixture: CoreFixture;

beforeAll(async () => {
  fixture = await startCoreFixture({ limits: { registrationFailuresPerTerminal: 3 } });
});

afterAll(async () => {
  await fixture?.close();
});

async function wrongCaptchaRegistration(accountNumber: string) {
  const captcha = await fixture.core.dispatch('registration.captcha', {});
  if (!captcha.ok) throw new Error(captcha.error.message.key);
  const { captchaId } = captcha.value as { captchaId: string };
  return fixture.core.dispatch('registration.register', {
    accountNumber,
    email: 'someone@example.ru',
    phone: '+79175550000',
    activationCode: '1111-2222-3333',
    captchaId,
    captchaAnswer: 'WRONG',
    consent: { textVersion: CONSENT.textVersion, givenAt: new Date().toISOString() },
  });
}

describe('registration and password-reset limits per terminal', () => {
  it('pauses registration after repeated refusals across accounts, with the time left; staff reset lifts it', async () => {
    for (const account of ['820000010', '820000011', '820000012']) {
      const result = await wrongCaptchaRegistration(account);
      expect(result.ok ? null : result.error.billingCode).toBe('wrong-captcha');
    }
    const paused = await wrongCaptchaRegistration('820000013');
    expect(paused.ok).toBe(false);
    if (paused.ok) return;
    expect(paused.error.code).toBe('rate-limited');
    expect(paused.error.message).toEqual({ key: 'register.refusals.rateLimited', values: { minutes: 15, seconds: 0 } });
    expect(paused.error.retryAfterSeconds).toBeGreaterThan(0);

    fixture.core.services.loginLimiter.reset();
    const again = await wrongCaptchaRegistration('820000014');
    expect(again.ok ? null : again.error.billingCode).toBe('wrong-captcha');
  });
});
