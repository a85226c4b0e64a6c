import { describe, expect, it } from 'vitest';
import { StaffLoginForm } from './staff-login-form.svelte';

function type(form: StaffLoginForm, field: 'staffNumber' | 'pin', digits: string): void {
  form.activeField = field;
  for (const digit of digits) form.pressKeypad(digit);
}

describe('StaffLoginForm', () => {
  it('may be sent with a staff number of 3–8 digits and a PIN of 4–8', () => {
    const form = new StaffLoginForm();
    type(form, 'staffNumber', '10');
    type(form, 'pin', '123');
    expect(form.canSubmit).toBe(false);
    type(form, 'staffNumber', '0');
    expect(form.canSubmit).toBe(false);
    type(form, 'pin', '4');
    expect(form.canSubmit).toBe(true);
    form.submitting = true;
    expect(form.canSubmit).toBe(false);
  });

  it('stops each field at eight digits; backspace and clear edit only the active one', () => {
    const form = new StaffLoginForm();
    type(form, 'staffNumber', '1234567890');
    type(form, 'pin', '9876543210');
    expect([form.staffNumber, form.pin]).toEqual(['12345678', '98765432']);
    form.pressKeypad('backspace');
    expect([form.staffNumber, form.pin]).toEqual(['12345678', '9876543']);
    form.pressKeypad('clear');
    expect([form.staffNumber, form.pin]).toEqual(['12345678', '']);
  });

  it('typing clears the refusal; nothing is sent while it cannot be', async () => {
    const form = new StaffLoginForm();
    form.error = { code: 'wrong-credentials', message: { key: 'staff.errors.wrong-credentials', values: { attemptsLeft: 4 } } };
    type(form, 'staffNumber', '1');
    expect(form.error).toBeNull();
    // No kiosk API here: a call would fail, so a quiet return proves nothing was sent.
    await form.submit();
    expect(form.submitting).toBe(false);
  });
});
