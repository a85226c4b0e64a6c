import { describe, expect, it } from 'vitest';
import { isCommonPassword, NCSC_LONG_PASSWORDS, TOP_100_PASSWORDS } from './common-passwords';
import { passwordChangeProblems } from './password-rules';

const change = (newPassword: string, repeatPassword = newPassword, currentPassword = 'demo1234') =>
  passwordChangeProblems({ currentPassword, newPassword, repeatPassword });

describe('new password rules', () => {
  it('accept a long enough password with letters that is not common', () => {
    expect(change('Ufa-river-2026')).toEqual([]);
    expect(change('пароль-на-русском')).toEqual([]);
  });

  it('refuse fewer than 8 characters, counting letters rather than UTF-16 units', () => {
    expect(change('abc1234')).toEqual(['too-short']);
    expect(change('abcd1234x')).toEqual([]);
    expect(change('😀😀😀😀😀😀😀')).toEqual(['too-short']);
  });

  it('refuse a password of digits only, however long', () => {
    expect(change('20262026')).toEqual(['digits-only']);
    expect(change('820000001')).toEqual(['digits-only']);
  });

  it('refuse the most common passwords whatever their case', () => {
    expect(change('password')).toEqual(['common']);
    expect(change('PassWord')).toEqual(['common']);
    expect(change('qwertyuiop')).toEqual(['common']);
    expect(change('qwerty123')).toEqual(['common']);
  });

  it('refuse the current password as the new one', () => {
    expect(change('demo1234', 'demo1234', 'demo1234')).toEqual(['same-as-current']);
  });

  it('refuse a repeat that differs and a missing current password', () => {
    expect(change('Ufa-river-2026', 'Ufa-river-2025')).toEqual(['repeat-mismatch']);
    expect(change('Ufa-river-2026', 'Ufa-river-2026', '')).toEqual(['current-missing']);
  });

  it('report every broken rule at once', () => {
    expect(change('1234', '12345', '')).toEqual(['current-missing', 'too-short', 'digits-only', 'repeat-mismatch']);
  });
});

describe('common password list', () => {
  it('holds the SecLists top 100 verbatim and a supplement of longer ones', () => {
    expect(TOP_100_PASSWORDS).toHaveLength(100);
    expect(new Set(TOP_100_PASSWORDS).size).toBe(100);
    expect(TOP_100_PASSWORDS.slice(0, 4)).toEqual(['123456', 'password', '12345678', 'qwerty']);
    for (const password of NCSC_LONG_PASSWORDS) {
      expect(password.length, password).toBeGreaterThanOrEqual(8);
      expect(password, password).toMatch(/\D/);
    }
  });

  it('matches regardless of case and only whole passwords', () => {
    expect(isCommonPassword('ILOVEYOU')).toBe(true);
    expect(isCommonPassword('iloveyou-ufa')).toBe(false);
  });
});
