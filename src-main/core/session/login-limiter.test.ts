import { describe, expect, it } from 'vitest';
import { openKioskDatabase } from '../store/database';
import { LoginLimiter } from './login-limiter';

const policy = { maxFailuresPerSubject: 5, maxFailuresPerTerminal: 8, windowMs: 15 * 60_000 };

function setup() {
  let now = Date.UTC(2026, 10, 25, 10, 0, 0);
  const db = openKioskDatabase(':memory:');
  const limiter = new LoginLimiter(db, () => now);
  return { db, limiter, advance: (ms: number) => (now += ms) };
}

describe('LoginLimiter', () => {
  it('counts down attempts and locks one account after five failures in a row', () => {
    const { limiter } = setup();
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      limiter.record('customer', '820000001', false);
      expect(limiter.check('customer', '820000001', policy)).toEqual({ allowed: true, failuresLeft: 5 - attempt });
    }
    limiter.record('customer', '820000001', false);
    expect(limiter.check('customer', '820000001', policy)).toEqual({ allowed: false, scope: 'subject', retryAfterSeconds: 900 });
    // Another account on the same terminal is not affected.
    expect(limiter.check('customer', '820000002', policy).allowed).toBe(true);
  });

  it('releases the lock when the lockout time has passed and shows the time left before that', () => {
    const { limiter, advance } = setup();
    for (let attempt = 0; attempt < 5; attempt += 1) limiter.record('customer', '820000001', false);
    advance(10 * 60_000);
    expect(limiter.check('customer', '820000001', policy)).toMatchObject({ allowed: false, retryAfterSeconds: 300 });
    advance(5 * 60_000 + 1);
    expect(limiter.check('customer', '820000001', policy).allowed).toBe(true);
  });

  it('a success resets the count of failures in a row', () => {
    const { limiter } = setup();
    for (let attempt = 0; attempt < 4; attempt += 1) limiter.record('customer', '820000001', false);
    limiter.record('customer', '820000001', true);
    limiter.record('customer', '820000001', false);
    expect(limiter.check('customer', '820000001', policy)).toEqual({ allowed: true, failuresLeft: 4 });
  });

  it('locks the whole terminal when many accounts are tried', () => {
    const { limiter } = setup();
    for (let account = 0; account < 8; account += 1) limiter.record('customer', `82000010${account}`, false);
    expect(limiter.check('customer', '820000999', policy)).toMatchObject({ allowed: false, scope: 'terminal' });
    limiter.reset('customer');
    expect(limiter.check('customer', '820000999', policy).allowed).toBe(true);
  });

  it('stores no account number in the clear', () => {
    const { db, limiter } = setup();
    limiter.record('customer', '820000001', false);
    const rows = db.prepare('SELECT * FROM login_attempt').all();
    expect(JSON.stringify(rows)).not.toContain('820000001');
  });
});
