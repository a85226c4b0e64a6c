// Guesses sent at once against every secret the kiosk checks: the limit is reserved before the
// slow comparison, so a burst never has more than the limit checked, even with the right secret in it.
import { afterEach, describe, expect, it } from 'vitest';
import type { KioskResult } from '../../src-main/core/api/contract';
import { BILL_HOLDERS, DEMO, TRAINING_STAFF } from '../support/demo-accounts';
import { startCoreFixture, type CoreFixture } from '../support/kiosk-core-fixture';

let fixture: CoreFixture | null = null;
afterEach(async () => {
  await fixture?.close();
  fixture = null;
});

const codes = (results: Array<KioskResult<unknown>>) => results.map((result) => (result.ok ? 'ok' : result.error.code));
/** Attempts whose secret was compared: each one reserved a row before the comparison. */
const checkedAttempts = (fixture: CoreFixture, kind: string) =>
  (fixture.core.services.db.prepare('SELECT count(*) AS n FROM login_attempt WHERE kind = ?').get(kind) as { n: number }).n;

describe('a burst of guesses', () => {
  it('29 wrong staff PINs and the right one sent together: five are checked, the right one is refused', async () => {
    fixture = await startCoreFixture();
    const { dispatch } = fixture.core;
    const pins = [...Array.from({ length: 29 }, (_, index) => String(900000 + index)), TRAINING_STAFF.pin];
    const results = await Promise.all(pins.map((pin) => dispatch('staff.login', { staffNumber: TRAINING_STAFF.number, pin })));
    const outcome = codes(results);
    expect(checkedAttempts(fixture, 'staff')).toBe(5);
    expect(outcome).not.toContain('ok');
    expect(outcome.filter((code) => code === 'locked-out').length).toBeGreaterThanOrEqual(25);
    expect(outcome.at(-1)).toBe('locked-out');
    expect(fixture.core.services.staffDesk.session).toBeNull();
  });

  it('24 wrong customer passwords and the right one sent together: five are checked, no one logs in', async () => {
    fixture = await startCoreFixture();
    const { dispatch } = fixture.core;
    const { accountNumber, password } = DEMO.owesMoney;
    const passwords = [...Array.from({ length: 24 }, (_, index) => `wrong-${index}`), password];
    const results = await Promise.all(passwords.map((guess) => dispatch('session.login', { accountNumber, password: guess })));
    const outcome = codes(results);
    expect(checkedAttempts(fixture, 'customer')).toBe(5);
    expect(outcome).not.toContain('ok');
    expect(new Set(outcome)).toEqual(new Set(['locked-out']));
    expect(fixture.core.services.customerSession.active).toBeNull();
  });

  it('19 wrong bill codes and the right one sent together: five are checked, no bill session opens', async () => {
    fixture = await startCoreFixture();
    const { dispatch } = fixture.core;
    const { accountNumber, billCode } = BILL_HOLDERS.owesMoney;
    const guesses = [...Array.from({ length: 19 }, (_, index) => String(1000 + index)), billCode];
    const results = await Promise.all(guesses.map((guess) => dispatch('billSession.open', { accountNumber, billCode: guess })));
    const outcome = codes(results);
    expect(checkedAttempts(fixture, 'bill-code')).toBe(5);
    expect(outcome).not.toContain('ok');
    expect(outcome.at(-1)).toBe('locked-out');
    expect(fixture.core.services.customerSession.active).toBeNull();
  });

  it('9 wrong SMS codes and the right one sent together: five are checked, no one logs in', async () => {
    fixture = await startCoreFixture();
    const { dispatch } = fixture.core;
    const { accountNumber } = BILL_HOLDERS.paperBillOnly;
    expect((await dispatch('smsLogin.requestCode', { accountNumber })).ok).toBe(true);
    const inbox = await dispatch('smsLogin.trainingInbox', { accountNumber });
    const code = inbox.ok
      ? (/(\d{6})/.exec((inbox.value as { messages: Array<{ text: string }> }).messages[0]?.text ?? '')?.[1] ?? '')
      : '';
    expect(code).toMatch(/^\d{6}$/);
    const wrong = Array.from({ length: 9 }, (_, index) => String((Number(code) + index + 1) % 1_000_000).padStart(6, '0'));
    const results = await Promise.all([...wrong, code].map((guess) => dispatch('smsLogin.verify', { accountNumber, code: guess })));
    expect(checkedAttempts(fixture, 'customer')).toBe(5);
    expect(codes(results)).not.toContain('ok');
    expect(fixture.core.services.customerSession.active).toBeNull();
  });

  it('ten SMS code requests sent together send one SMS', async () => {
    fixture = await startCoreFixture();
    const { dispatch } = fixture.core;
    const { accountNumber } = BILL_HOLDERS.paperBillOnly;
    const results = await Promise.all(Array.from({ length: 10 }, () => dispatch('smsLogin.requestCode', { accountNumber })));
    expect(codes(results).filter((code) => code === 'ok')).toHaveLength(1);
    expect(checkedAttempts(fixture, 'sms-code')).toBeLessThanOrEqual(5);
    const inbox = await dispatch('smsLogin.trainingInbox', { accountNumber });
    expect(inbox.ok && (inbox.value as { messages: unknown[] }).messages).toHaveLength(1);
  });
});
