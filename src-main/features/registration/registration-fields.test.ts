import { describe, expect, it } from 'vitest';
import {
  activationCodeSchema,
  captchaAnswerSchema,
  consentSchema,
  consentTimeIsPlausible,
  emailSchema,
  phoneSchema,
} from './registration-fields';

function firstMessage(result: { success: boolean; error?: { issues: Array<{ message: string }> } }): string | undefined {
  return result.success ? undefined : result.error?.issues[0]?.message;
}

describe('registration fields', () => {
  it('accept e-mail addresses zod calls valid, trimmed', () => {
    expect(emailSchema.parse('ivanova@example.ru')).toBe('ivanova@example.ru');
    expect(emailSchema.parse('  petr.ivanov+kiosk@mail.example.com ')).toBe('petr.ivanov+kiosk@mail.example.com');
  });

  it.each(['ivanova', 'ivanova@', '@example.ru', 'ivanova@example', 'iva nova@example.ru', 'ivanova@@example.ru', 'иванова@пример.рф.'])(
    'refuse the e-mail %s asking to check it',
    (email) => {
      expect(firstMessage(emailSchema.safeParse(email))).toBe('register.fieldErrors.emailCheck');
    },
  );

  it('refuse an empty e-mail asking to enter it', () => {
    expect(firstMessage(emailSchema.safeParse('   '))).toBe('register.fieldErrors.emailRequired');
  });

  it('take a phone as +7 and ten digits only', () => {
    expect(phoneSchema.parse('+79175555555')).toBe('+79175555555');
    for (const phone of ['89175555555', '+7917555555', '+791755555555', '+7 (917) 555-55-55', '+19175555555']) {
      expect(firstMessage(phoneSchema.safeParse(phone)), phone).toBe('register.fieldErrors.phoneFormat');
    }
  });

  it('take an activation code as three groups of four digits', () => {
    expect(activationCodeSchema.parse('4821-7390-1156')).toBe('4821-7390-1156');
    for (const code of ['482173901156', '4821-7390-115', '4821-7390-11567', 'abcd-7390-1156', '4821 7390 1156']) {
      expect(firstMessage(activationCodeSchema.safeParse(code)), code).toBe('register.fieldErrors.activationCodeFormat');
    }
  });

  it('take the captcha answer in Latin letters and digits, in capitals', () => {
    expect(captchaAnswerSchema.parse(' 6f21b ')).toBe('6F21B');
    expect(firstMessage(captchaAnswerSchema.safeParse('6Ф21'))).toBe('register.fieldErrors.captchaFormat');
    expect(firstMessage(captchaAnswerSchema.safeParse(''))).toBe('register.fieldErrors.captchaRequired');
  });

  it('need the consent with its text version and time', () => {
    expect(consentSchema.parse({ textVersion: '2025-09-01', givenAt: '2026-03-02T09:15:00.000Z' })).toEqual({
      textVersion: '2025-09-01',
      givenAt: '2026-03-02T09:15:00.000Z',
    });
    for (const consent of [undefined, {}, { textVersion: '2025-09-01' }, { textVersion: '', givenAt: '2026-03-02T09:15:00Z' }]) {
      expect(firstMessage(consentSchema.safeParse(consent)), JSON.stringify(consent)).toBe('register.fieldErrors.consent');
    }
  });

  it('believe a consent time only if it is not ahead of the clock nor a day old', () => {
    const now = Date.parse('2026-03-02T09:15:00.000Z');
    expect(consentTimeIsPlausible('2026-03-02T09:14:00.000Z', now)).toBe(true);
    expect(consentTimeIsPlausible('2026-03-02T09:15:30.000Z', now)).toBe(true);
    expect(consentTimeIsPlausible('2026-03-02T09:30:00.000Z', now)).toBe(false);
    expect(consentTimeIsPlausible('2026-02-28T09:15:00.000Z', now)).toBe(false);
    expect(consentTimeIsPlausible('not a time', now)).toBe(false);
  });
});
