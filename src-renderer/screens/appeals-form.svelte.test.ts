import { describe, expect, it } from 'vitest';
import { APPEAL_TEXT_LIMIT, AppealsState, formatPhoneDigits, localDate } from './appeals-form.svelte';

describe('formatPhoneDigits', () => {
  it('grows as the customer types: +7 917 123-45-67', () => {
    expect(formatPhoneDigits('')).toBe('+7');
    expect(formatPhoneDigits('917')).toBe('+7 917');
    expect(formatPhoneDigits('91712')).toBe('+7 917 12');
    expect(formatPhoneDigits('9171234')).toBe('+7 917 123-4');
    expect(formatPhoneDigits('9171234567')).toBe('+7 917 123-45-67');
  });
});

describe('localDate', () => {
  it('gives the calendar date of an instant, and the date part of a string that is not one', () => {
    expect(localDate('2026-11-20T12:00:00Z')).toMatch(/^2026-11-2[01]$/);
    expect(localDate('2026-11-20 garbled')).toBe('2026-11-20');
  });
});

describe('AppealsState', () => {
  it('counts the characters left and cuts the text at the limit', () => {
    const state = new AppealsState();
    expect(state.remaining).toBe(APPEAL_TEXT_LIMIT);
    state.setText('нет горячей воды третий день');
    expect(state.remaining).toBe(APPEAL_TEXT_LIMIT - 28);
    state.setText('я'.repeat(APPEAL_TEXT_LIMIT + 10));
    expect(state.text).toHaveLength(APPEAL_TEXT_LIMIT);
    expect(state.remaining).toBe(0);
  });

  it('takes ten digits of a phone for the answer, shown as it is typed', () => {
    const state = new AppealsState();
    for (const digit of '917123456789') state.pressKeypad(digit);
    expect(state.phoneDigits).toBe('9171234567');
    expect(state.phoneShown).toBe('+7 917 123-45-67');
    state.pressKeypad('backspace');
    expect(state.phoneShown).toBe('+7 917 123-45-6');
    state.pressKeypad('clear');
    expect(state.phoneDigits).toBe('');
  });

  it('another contact moves the keyboard to the phone; back to the profile it returns to the text', () => {
    const state = new AppealsState();
    expect(state.activeField).toBe('text');
    state.chooseContactMode('other');
    expect([state.contactMode, state.activeField]).toEqual(['other', 'phone']);
    state.activeField = 'email';
    state.chooseContactMode('other');
    expect(state.activeField).toBe('email');
    state.chooseContactMode('profile');
    expect([state.contactMode, state.activeField]).toEqual(['profile', 'text']);
  });

  it('the profile is a usable default only when it has a phone or an e-mail', () => {
    const state = new AppealsState();
    expect(state.profileUsable).toBe(false);
    state.profileContacts = { phoneMasked: null, emailMasked: null };
    expect(state.profileUsable).toBe(false);
    state.profileContacts = { phoneMasked: '+7 917 ***-**-01', emailMasked: null };
    expect(state.profileUsable).toBe(true);
  });

  it('any change to the form clears the refusal shown', () => {
    const state = new AppealsState();
    const refusal = { code: 'invalid-input' as const, message: { key: 'appeals.fieldErrors.topicRequired' as const } };
    for (const change of [
      () => state.chooseTopic('hot-water-quality'),
      () => state.setText('вопрос'),
      () => state.setEmail('petrov@mail.ru'),
      () => state.pressKeypad('9'),
      () => state.chooseContactMode('other'),
    ]) {
      state.error = refusal;
      change();
      expect(state.error).toBeNull();
    }
    expect(state.topicId).toBe('hot-water-quality');
  });
});
