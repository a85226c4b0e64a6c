import { describe, expect, it } from 'vitest';
import { openKioskDatabase } from '../store/database';
import { LoginLimiter } from './login-limiter';

const policy = { maxFailuresPerSubject: 5, maxFailuresPerTerminal: 8, windowMs: 15 * 60_000 };

function setup() {
  let now = Date.UTC(2026, 10, 25, 10, 0, 0);
  const db = openKioskDatabase(':memory:');
  const limiter = new LoginLimiter(db, () => now);
  /** A wrong secret: the reserved attempt stays a failure. */
  const fail = (subject: string) => expect(limiter.reserve('customer', subject, policy).allowed).toBe(true);
  const succeed = (subject: string) => {
    const verdict = limiter.reserve('customer', subject, policy);
    if (!verdict.allowed) throw new Error('locked');
    verdict.attempt.succeed();
  };
  return { db, limiter, fail, succeed, advance: (ms: number) => (now += ms) };
}

describe('LoginLimiter', () => {
  it('counts down attempts and locks one account after five failures in a row', () => {
    const { limiter, fail } = setup();
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      fail('820000001');
      expect(limiter.check('customer', '820000001', policy)).toEqual({ allowed: true, failuresLeft: 5 - attempt });
    }
    fail('820000001');
    expect(limiter.check('customer', '820000001', policy)).toEqual({ allowed: false, scope: 'subject', retryAfterSeconds: 900 });
    // Another account on the same terminal is not affected.
    expect(limiter.check('customer', '820000002', policy).allowed).toBe(true);
  });

  it('releases the lock when the lockout time has passed and shows the time left before that', () => {
    const { limiter, fail, advance } = setup();
    for (let attempt = 0; attempt < 5; attempt += 1) fail('820000001');
    advance(10 * 60_000);
    expect(limiter.check('customer', '820000001', policy)).toMatchObject({ allowed: false, retryAfterSeconds: 300 });
    advance(5 * 60_000 + 1);
    expect(limiter.check('customer', '820000001', policy).allowed).toBe(true);
  });

  it('a success resets the count of failures in a row', () => {
    const { limiter, fail, succeed } = setup();
    for (let attempt = 0; attempt < 4; attempt += 1) fail('820000001');
    succeed('820000001');
    fail('820000001');
    expect(limiter.check('customer', '820000001', policy)).toEqual({ allowed: true, failuresLeft: 4 });
  });

  it('locks the whole terminal when many accounts are tried', () => {
    const { limiter, fail } = setup();
    for (let account = 0; account < 8; account += 1) fail(`82000010${account}`);
    expect(limiter.check('customer', '820000999', policy)).toMatchObject({ allowed: false, scope: 'terminal' });
    limiter.reset('customer');
    expect(limiter.check('customer', '820000999', policy).allowed).toBe(true);
  });

  it('stores no account number in the clear', () => {
    const { db, fail } = setup();
    fail('820000001');
    const rows = db.prepare('SELECT * FROM login_attempt').all();
    expect(JSON.stringify(rows)).not.toContain('820000001');
  });

  it('reserves attempts as they arrive, so a burst sent at once has at most the limit checked', async () => {
    const { limiter } = setup();
    // Thirty guesses reach the limiter before any slow comparison has finished.
    const verdicts = Array.from({ length: 30 }, () => limiter.reserve('customer', '820000001', policy));
    expect(verdicts.filter((verdict) => verdict.allowed)).toHaveLength(5);
    expect(verdicts.slice(5).every((verdict) => !verdict.allowed)).toBe(true);
  });

  it('forgets a cancelled attempt (the secret was never checked) and counts a success as one', () => {
    const { limiter } = setup();
    const first = limiter.reserve('customer', '820000001', policy);
    if (!first.allowed) throw new Error('locked');
    first.attempt.cancel();
    expect(limiter.check('customer', '820000001', policy)).toEqual({ allowed: true, failuresLeft: 5 });
  });
});
