import { afterEach, describe, expect, it } from 'vitest';
import { BillingError } from '../billing/billing-error';
import { silentLogger } from '../logging/logger';
import { openKioskDatabase, type KioskDatabase } from '../store/database';
import { z } from 'zod';
import { Outbox, type OutboxMessage } from './outbox';
import { OutboxWorker, type OutboxSender } from './outbox-worker';
import { defineSubmission, SubmissionKindError, SubmissionKinds } from './submission-kinds';

// Two kinds of the shape features declare; their senders are given per test.
const readingKind = defineSubmission({
  kind: 'readings.submit',
  payload: z.object({ value: z.number() }).strict(),
  summary: z.object({ value: z.number() }),
  send: async () => ({ ok: true }),
});
const passwordKind = defineSubmission({
  kind: 'profile.password',
  payload: z.object({ newPassword: z.string(), currentPassword: z.string() }),
  summary: z.object({}),
  secretFields: ['newPassword'],
  send: async () => ({ ok: true }),
});
const kinds = new SubmissionKinds([readingKind, passwordKind]);

const workers: OutboxWorker[] = [];
afterEach(async () => {
  for (const worker of workers.splice(0)) await worker.stop(100);
});

function setup(db: KioskDatabase = openKioskDatabase(':memory:')) {
  const outbox = new Outbox(db, { terminalId: 'T1', kinds });
  return { db, outbox };
}

function startWorker(
  outbox: Outbox,
  senders: Record<string, OutboxSender>,
  extra: Partial<ConstructorParameters<typeof OutboxWorker>[0]> = {},
) {
  const worker = new OutboxWorker({
    outbox,
    senders,
    logger: silentLogger,
    backoff: { baseMs: 5, capMs: 20 },
    breaker: { failureThreshold: 1000, cooldownMs: 50 },
    idlePollMs: 20,
    ...extra,
  });
  workers.push(worker);
  worker.start();
  return worker;
}

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const enqueueReading = (outbox: Outbox, accountNumber: string, value: number) =>
  outbox.enqueue({ kind: 'readings.submit', accountNumber, sessionId: 's1', payload: { value }, summary: { value } });

describe('Outbox', () => {
  it('commits the submission and its message together and gives a readable reference', () => {
    const { db, outbox } = setup();
    const enqueued = enqueueReading(outbox, '820000001', 10);
    expect(enqueued.localReference).toBe('T1-000001');
    expect(db.prepare('SELECT count(*) AS n FROM submission').get()).toEqual({ n: 1 });
    expect(outbox.get(enqueued.messageId)).toMatchObject({ status: 'pending', payload: { value: 10 }, localReference: 'T1-000001' });
    expect(outbox.stats()).toMatchObject({ pending: 1, rejected: 0 });
  });
});

describe('OutboxWorker', () => {
  it('delivers every message once, in order per account', async () => {
    const { outbox } = setup();
    const sent: string[] = [];
    for (let index = 0; index < 5; index += 1) {
      enqueueReading(outbox, '820000001', index);
      enqueueReading(outbox, '820000002', index);
    }
    startWorker(outbox, {
      'readings.submit': async (message: OutboxMessage) => {
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
        sent.push(`${message.accountNumber}:${(message.payload as { value: number }).value}`);
        return { registrationNumber: `R${message.id}` };
      },
    });
    await until(() => outbox.stats().delivered === 10);
    for (const account of ['820000001', '820000002']) {
      expect(sent.filter((entry) => entry.startsWith(account))).toEqual([0, 1, 2, 3, 4].map((value) => `${account}:${value}`));
    }
    expect(outbox.list({ status: 'delivered' })[0]?.result).toMatchObject({ registrationNumber: expect.stringMatching(/^R\d+$/) });
  });

  it('retries network failures with back-off and keeps the message until it is delivered', async () => {
    const { outbox } = setup();
    const { messageId } = enqueueReading(outbox, '820000001', 1);
    let calls = 0;
    startWorker(outbox, {
      'readings.submit': async () => {
        calls += 1;
        if (calls < 4) throw new BillingError(calls % 2 ? 'unavailable' : 'timeout');
        return { ok: true };
      },
    });
    await until(() => outbox.get(messageId)?.status === 'delivered');
    expect(outbox.get(messageId)?.attempts).toBe(4);
  });

  it('turns a refusal into a rejected row with the billing centre reason, never retried', async () => {
    const { outbox } = setup();
    const { messageId } = enqueueReading(outbox, '820000001', 1);
    let calls = 0;
    startWorker(outbox, {
      'readings.submit': async () => {
        calls += 1;
        throw new BillingError('refused', {
          status: 422,
          billingCode: 'reading-lower-than-previous',
          billingMessage: 'Показание меньше предыдущего',
        });
      },
    });
    await until(() => outbox.get(messageId)?.status === 'rejected');
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(calls).toBe(1);
    expect(outbox.get(messageId)).toMatchObject({
      rejectionCode: 'reading-lower-than-previous',
      rejectionMessage: 'Показание меньше предыдущего',
    });
    expect(outbox.markHandled(messageId, 'staff-7')).toBe(true);
    expect(outbox.get(messageId)?.status).toBe('handled');
  });

  it('keeps a write the billing centre refuses with 401 and retries it once the key is accepted', async () => {
    const { outbox } = setup();
    const { messageId } = enqueueReading(outbox, '820000001', 1);
    let calls = 0;
    startWorker(outbox, {
      'readings.submit': async () => {
        calls += 1;
        if (calls < 3) throw new BillingError('unauthorized', { status: 401 });
        return { ok: true };
      },
    });
    await until(() => outbox.get(messageId)?.status === 'delivered');
    expect(calls).toBe(3);
  });

  it('resumes what a previous run left pending', async () => {
    const { db, outbox } = setup();
    const first = enqueueReading(outbox, '820000001', 1);
    const restarted = new Outbox(db, { terminalId: 'T1', kinds });
    startWorker(restarted, { 'readings.submit': async () => ({ ok: true }) });
    await until(() => restarted.get(first.messageId)?.status === 'delivered');
  });

  it('tells the customer "delivered" only when it was, and "pending" when the line is slow', async () => {
    const { outbox } = setup();
    let hang = false;
    const worker = startWorker(outbox, {
      'readings.submit': () => (hang ? new Promise(() => undefined) : Promise.resolve({ ok: true })),
    });
    const quick = enqueueReading(outbox, '820000001', 1);
    expect(await worker.deliverSoon(quick.messageId, 2_000)).toBe('delivered');
    hang = true;
    const slow = enqueueReading(outbox, '820000002', 1);
    expect(await worker.deliverSoon(slow.messageId, 50)).toBe('pending');
    expect(outbox.get(slow.messageId)?.status).toBe('pending');
  });

  it('opens the circuit after repeated failures and stops hammering the billing centre', async () => {
    const { outbox } = setup();
    for (let index = 0; index < 20; index += 1) enqueueReading(outbox, `8200000${String(index).padStart(2, '0')}`, index);
    let calls = 0;
    const worker = startWorker(
      outbox,
      {
        'readings.submit': async () => {
          calls += 1;
          throw new BillingError('unavailable');
        },
      },
      { concurrency: 1, breaker: { failureThreshold: 3, cooldownMs: 60_000 }, backoff: { baseMs: 0, capMs: 0 } },
    );
    await until(() => worker.circuitOpen);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(calls).toBe(3);
    expect(outbox.stats().pending).toBe(20);
  });

  it('wipes secrets when a message settles and personal payloads after the retention period', async () => {
    const { db, outbox } = setup();
    const password = outbox.enqueue({
      kind: 'profile.password',
      accountNumber: '820000001',
      sessionId: 's1',
      payload: { newPassword: 'Secret-Pass-42', currentPassword: 'demo1234' },
      summary: {},
    });
    outbox.markDelivered(password.messageId, { ok: true });
    expect(JSON.stringify(outbox.get(password.messageId)?.payload)).not.toContain('Secret-Pass-42');

    const reading = enqueueReading(outbox, '820000001', 77);
    outbox.markDelivered(reading.messageId, { ok: true });
    expect(outbox.wipeSettledOlderThan(60_000)).toBe(0);
    expect(outbox.wipeSettledOlderThan(-1)).toBe(2);
    expect(outbox.get(reading.messageId)?.payload).toBeNull();
    expect(db.prepare('SELECT summary_json FROM submission WHERE id = ?').get(reading.submissionId)).toEqual({ summary_json: null });
  });

  it('refuses a submission of an undeclared kind or one that breaks its schema, and writes nothing', () => {
    const { db, outbox } = setup();
    expect(() => outbox.enqueue({ kind: 'readings', accountNumber: '820000001', sessionId: null, payload: {}, summary: {} })).toThrow(
      SubmissionKindError,
    );
    expect(() =>
      outbox.enqueue({
        kind: 'readings.submit',
        accountNumber: '820000001',
        sessionId: null,
        payload: { value: 'x' },
        summary: { value: 1 },
      }),
    ).toThrow(/payload breaks its schema: value/);
    expect(() =>
      outbox.enqueue({ kind: 'readings.submit', accountNumber: '820000001', sessionId: null, payload: { value: 1 }, summary: {} }),
    ).toThrow(/summary breaks its schema/);
    expect(db.prepare('SELECT COUNT(*) AS n FROM submission').get()).toEqual({ n: 0 });
  });

  it('the database itself refuses a row of a kind no feature lists', () => {
    const { db } = setup();
    expect(() =>
      db.prepare(`INSERT INTO submission (kind, account_number, local_reference, created_at) VALUES ('typo', '820000001', 'x', 0)`).run(),
    ).toThrow(/unknown submission kind/);
  });

  it('reads a summary back through its kind, and only for that kind and visit', () => {
    const { outbox } = setup();
    const accepted = enqueueReading(outbox, '820000001', 5);
    expect(outbox.findOfSession(readingKind, accepted.localReference, '820000001', 's1')?.summary).toEqual({ value: 5 });
    expect(outbox.findOfSession(passwordKind, accepted.localReference, '820000001', 's1')).toBeNull();
    expect(outbox.findOfSession(readingKind, accepted.localReference, '820000001', 'another-visit')).toBeNull();
  });

  it('rejects for staff, loudly, a stored row that no longer parses as its kind', async () => {
    const { db, outbox } = setup();
    const { messageId } = enqueueReading(outbox, '820000001', 9);
    db.prepare(`UPDATE outbox_message SET payload_json = '{"value":"broken"}' WHERE id = ?`).run(messageId);
    const send: OutboxSender = (message) => Promise.resolve(kinds.parsePayload(message.kind, message.payload));
    startWorker(outbox, { 'readings.submit': send });
    await until(() => outbox.get(messageId)?.status === 'rejected');
    expect(outbox.get(messageId)?.rejectionCode).toBe('invalid-row');
  });
});
