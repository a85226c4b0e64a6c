import { describe, expect, it } from 'vitest';
import { ProfileState } from './profile-form.svelte';

describe('ProfileState', () => {
  it('types each password into the field that is active, at most 128 characters', () => {
    const state = new ProfileState();
    state.open('password');
    state.setPassword('demo1234');
    state.activePasswordField = 'new';
    state.setPassword('kurai-2026');
    state.activePasswordField = 'repeat';
    state.setPassword('x'.repeat(200));
    expect(state.passwordValue('current')).toBe('demo1234');
    expect(state.passwordValue('new')).toBe('kurai-2026');
    expect(state.passwordValue('repeat')).toHaveLength(128);
  });

  it('masks each password until shown, and forgets them all when the editor closes', () => {
    const state = new ProfileState();
    state.open('password');
    state.setPassword('demo1234');
    state.toggleVisible('current');
    expect(state.visible).toEqual({ current: true, new: false, repeat: false });
    state.close();
    expect(state.editor).toBe('none');
    expect([state.currentPassword, state.newPassword, state.repeatPassword]).toEqual(['', '', '']);
    expect(state.visible).toEqual({ current: false, new: false, repeat: false });
  });

  it('opening an editor masks the revealed contacts again and starts from empty drafts and the current password', () => {
    const state = new ProfileState();
    state.toggleContacts();
    expect(state.contactsRevealed).toBe(true);
    state.open('email');
    state.setEmail('aigul@example.ru');
    state.open('phone');
    expect(state.contactsRevealed).toBe(false);
    expect(state.emailDraft).toBe('');
    expect(state.activePasswordField).toBe('current');
    expect(state.editor).toBe('phone');
  });

  it('takes ten digits of the new phone, shown as +7 917 333-44-55', () => {
    const state = new ProfileState();
    state.open('phone');
    for (const digit of '91733344556') state.pressKeypad(digit);
    expect(state.phoneShown).toBe('+7 917 333-44-55');
    state.pressKeypad('clear');
    expect(state.phoneDigits).toBe('');
  });

  it('sends nothing with no editor open or no profile loaded', async () => {
    const state = new ProfileState();
    // No kiosk API in unit tests: a call would fail, so a quiet return proves none was made.
    await state.saveContact();
    await state.setBills({ emailBill: true });
    expect([state.saving, state.error, state.billsError]).toEqual([false, null, null]);
  });
});
