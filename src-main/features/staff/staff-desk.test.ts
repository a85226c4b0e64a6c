import { describe, expect, it } from 'vitest';
import { KioskFailure } from '../../core/api/contract';
import { LoginLimiter } from '../../core/session/login-limiter';
import { openKioskDatabase } from '../../core/store/database';
import { hashSecret } from '../../core/security/secret-hash';
import { StaffDesk } from './staff-desk';

const cheap = { N: 2 ** 10, r: 8, p: 1 };

function setup() {
  const db = openKioskDatabase(':memory:');
  const desk = new StaffDesk(db, new LoginLimiter(db), { maxFailuresPerSubject: 3, maxFailuresPerTerminal: 10, windowMs: 60_000 });
  desk.ensureMembers([{ staffNumber: '7001', displayName: 'Петрова А. В.', pinHash: hashSecret('135790', cheap) }]);
  return { db, desk };
}

describe('StaffDesk', () => {
  it('logs staff in with the right PIN and audits it', async () => {
    const { desk } = setup();
    await desk.login('7001', '135790');
    expect(desk.session?.displayName).toBe('Петрова А. В.');
    desk.audit('outbox.retry', '820000001', { messageId: 4 });
    expect(desk.auditTrail().map((entry) => entry.action)).toEqual(['outbox.retry', 'staff.login']);
  });

  it('locks a staff number after repeated wrong PINs', async () => {
    const { desk } = setup();
    for (let attempt = 0; attempt < 2; attempt += 1)
      await expect(desk.login('7001', '000000')).rejects.toMatchObject({ error: { code: 'wrong-credentials' } });
    await expect(desk.login('7001', '000000')).rejects.toMatchObject({ error: { code: 'locked-out' } });
    const locked = await desk.login('7001', '135790').catch((error: unknown) => error);
    expect(locked).toBeInstanceOf(KioskFailure);
    expect((locked as KioskFailure).error.retryAfterSeconds).toBeGreaterThan(0);
  });

  // An unknown number is compared against a dummy hash of full strength, as slow as a real PIN on
  // purpose (no timing tells which numbers exist); on two loaded cores that can pass 5 s.
  it('refuses unknown staff numbers the same way as wrong PINs', { timeout: 30_000 }, async () => {
    const { desk } = setup();
    await expect(desk.login('9999', '135790')).rejects.toMatchObject({ error: { code: 'wrong-credentials' } });
  });

  it('closes a staff session nobody has used for a while, and audits it', async () => {
    const db = openKioskDatabase(':memory:');
    let now = 1_000_000;
    const clock = () => now;
    const desk = new StaffDesk(
      db,
      new LoginLimiter(db, clock),
      { maxFailuresPerSubject: 3, maxFailuresPerTerminal: 10, windowMs: 60_000 },
      clock,
      60_000,
    );
    desk.ensureMembers([{ staffNumber: '7001', displayName: 'Петрова А. В.', pinHash: hashSecret('135790', cheap) }]);
    await desk.login('7001', '135790');
    now += 59_000;
    desk.require();
    now += 59_000;
    expect(desk.session?.staffNumber).toBe('7001');
    now += 61_000;
    expect(desk.session).toBeNull();
    expect(() => desk.require()).toThrow(KioskFailure);
    expect(desk.auditTrail()[0]).toMatchObject({ action: 'staff.logout', staffNumber: '7001', details: { reason: 'inactivity' } });
  });

  it('keeps an audit log that nobody can edit or delete', async () => {
    const { db, desk } = setup();
    await desk.login('7001', '135790');
    expect(() => db.prepare("UPDATE audit_log SET action = 'nothing'").run()).toThrow(/cannot be changed/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/cannot be changed/);
  });
});
