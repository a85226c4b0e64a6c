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
    desk.audit({ action: 'outbox.retry', messageId: 4, kind: 'readings' }, '820000001');
    expect(desk.auditTrail().map((entry) => entry.event)).toEqual([
      { action: 'outbox.retry', messageId: 4, kind: 'readings' },
      { action: 'staff.login' },
    ]);
    expect(desk.auditTrail()[0]).toMatchObject({ staffNumber: '7001', staffName: 'Петрова А. В.', accountNumber: '820000001' });
  });

  it('names the staff member as the staff list does now, and by the number alone once they left it', async () => {
    const { db, desk } = setup();
    await desk.login('7001', '135790');
    desk.ensureMembers([{ staffNumber: '7001', displayName: 'Петрова-Сидорова А. В.', pinHash: hashSecret('000000', cheap) }]);
    expect(desk.auditTrail()[0]?.staffName).toBe('Петрова-Сидорова А. В.');
    // The PIN is not changed by the list.
    desk.logout();
    await desk.login('7001', '135790');
    db.prepare("INSERT INTO audit_log (at, staff_number, action) VALUES (1, '4004', 'staff.login')").run();
    expect(desk.auditTrail()[0]).toMatchObject({ staffNumber: '4004', staffName: null, event: { action: 'staff.login' } });
  });

  it('reads rows written before the events were typed, and shows what it cannot read by name', () => {
    const { db, desk } = setup();
    const insert = db.prepare('INSERT INTO audit_log (at, staff_number, action, account_number, details_json) VALUES (1, ?, ?, ?, ?)');
    // As the kiosk wrote them until now: the action's name and its details as JSON.
    insert.run('7001', 'assist.end', '820000002', JSON.stringify({ minutes: 3 }));
    insert.run('7001', 'readings.meters', '820000002', JSON.stringify({ assisted: true, outcome: 'ok' }));
    insert.run('7001', 'account.summary', '820000002', JSON.stringify({ assisted: true, outcome: 'billing-unavailable' }));
    insert.run('7001', 'settings.save', null, JSON.stringify({ officeName: ['Офис', 'Офис на Ленина 2'] }));
    insert.run('7001', 'staff.logout', null, JSON.stringify({ reason: 'inactivity' }));
    insert.run('7001', 'print.reprint', '820000001', JSON.stringify({ jobId: 6, reprintJobId: 9, status: 'printed' }));
    // Not readable by this version: an action it does not know, details that do not fit, text that is not JSON.
    insert.run('7001', 'cash.withdraw', null, null);
    insert.run('7001', 'assist.end', '820000002', JSON.stringify({ minutes: 'many' }));
    insert.run('7001', 'readings.submit', '820000002', '{not json');
    expect(desk.auditTrail().map((entry) => entry.event)).toEqual([
      { action: 'unreadable', storedAction: 'readings.submit' },
      { action: 'unreadable', storedAction: 'assist.end' },
      { action: 'unreadable', storedAction: 'cash.withdraw' },
      { action: 'print.reprint', jobId: 6, reprintJobId: 9, status: 'printed' },
      { action: 'staff.logout', reason: 'inactivity' },
      { action: 'settings.save', changed: { officeName: ['Офис', 'Офис на Ленина 2'] } },
      { action: 'assisted-call', method: 'account.summary', outcome: 'billing-unavailable' },
      { action: 'assisted-call', method: 'readings.meters', outcome: 'ok' },
      { action: 'assist.end', minutes: 3 },
    ]);
  });

  it('writes each event as the rows above store it, and reads it back the same', async () => {
    const { db, desk } = setup();
    await desk.login('7001', '135790');
    desk.audit({ action: 'settings.save', changed: { idleTimeoutSeconds: [60, 90] } });
    desk.audit({ action: 'kiosk.restart' });
    desk.auditAssistedCall('7001', 'readings.submit', '820000002', 'invalid-input');
    const rows = db
      .prepare<[], { action: string; details_json: string | null }>('SELECT action, details_json FROM audit_log ORDER BY id DESC LIMIT 3')
      .all();
    expect(rows).toEqual([
      { action: 'readings.submit', details_json: '{"assisted":true,"outcome":"invalid-input"}' },
      { action: 'kiosk.restart', details_json: null },
      { action: 'settings.save', details_json: '{"idleTimeoutSeconds":[60,90]}' },
    ]);
    expect(desk.auditTrail(3).map((entry) => entry.event)).toEqual([
      { action: 'assisted-call', method: 'readings.submit', outcome: 'invalid-input' },
      { action: 'kiosk.restart' },
      { action: 'settings.save', changed: { idleTimeoutSeconds: [60, 90] } },
    ]);
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
    expect(desk.auditTrail()[0]).toMatchObject({ staffNumber: '7001', event: { action: 'staff.logout', reason: 'inactivity' } });
  });

  it('keeps an audit log that nobody can edit or delete', async () => {
    const { db, desk } = setup();
    await desk.login('7001', '135790');
    expect(() => db.prepare("UPDATE audit_log SET action = 'nothing'").run()).toThrow(/cannot be changed/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/cannot be changed/);
  });
});
