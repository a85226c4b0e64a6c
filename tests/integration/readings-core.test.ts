// Передать показания through the real kiosk core against the real reference billing server (own
// SQLite files, loopback HTTP): meters with verification flags and the reading window, every
// refusal with its message, submission through the write-ahead outbox, replay safety, correction,
// and the billing centre's own refusals on delivery.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { KioskError, KioskResult } from '../../src-main/core/api/contract';
import type { KioskOutput } from '../../src-main/features/kiosk-methods';
import { parseKioskConfig } from '../../src-main/core/config/kiosk-config';
import { startKioskCore, type KioskCore } from '../../src-main/core/kiosk-core';
import { billingSenders } from '../../src-main/core/outbox/customer-submissions';
import { SubmissionKinds } from '../../src-main/core/outbox/submission-kinds';
import { readingsSubmission } from '../../src-main/features/readings/readings-submission';
import { formatReading } from '../../src-main/features/readings/reading-checks';
import { addDays, ufaDate } from '../../src-main/core/time/calendar';
import { startReferenceBillingServer, type ReferenceBillingServer } from '../../src-main/billing-server/reference-billing-server';
import { startCoreFixture } from '../support/kiosk-core-fixture';
import { BillingForwarder } from '../support/billing-forwarder';
import { russianText } from '../../src-main/core/messages/message-test-kit';
import { DEMO } from '../support/demo-accounts';

type Meters = KioskOutput<'readings.meters'>;
type Meter = Meters['meters'][number];

const NOW = Date.parse('2026-11-20T10:00:00+05:00');
const WINDOW = { fromDay: 15, toDay: 25 };

interface Setup {
  server: ReferenceBillingServer;
  core: KioskCore;
  close(): Promise<void>;
}

const opened: Setup[] = [];

/**
 * A reference billing server and a kiosk core with their own clocks, so a test can put the
 * terminal's date and the billing centre's date where it needs them (the fixture uses the wall clock).
 */
async function startSetup(options: {
  serverNow: number;
  coreNow: number | (() => number);
  readingWindow?: typeof WINDOW;
  /** Put a forwarding proxy between the kiosk and the billing centre (to drop the readings write). */
  proxy?: BillingForwarder;
  timeoutMs?: number;
}): Promise<Setup> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readings-core-'));
  const server = await startReferenceBillingServer({
    dbFile: path.join(dir, 'billing.sqlite'),
    now: () => options.serverNow,
    ...(options.readingWindow ? { readingWindow: options.readingWindow } : {}),
  });
  const url = options.proxy ? await options.proxy.start(server.url) : server.url;
  const coreNow = options.coreNow;
  const core = await startKioskCore({
    config: parseKioskConfig({ billing: { url, timeoutMs: options.timeoutMs ?? 5000 } }),
    dataDir: dir,
    clock: typeof coreNow === 'number' ? () => coreNow : coreNow,
  });
  const setup: Setup = {
    server,
    core,
    close: async () => {
      await core.close();
      await options.proxy?.close();
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  opened.push(setup);
  return setup;
}

afterEach(async () => {
  for (const setup of opened.splice(0)) await setup.close();
});

function value<T>(result: KioskResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value;
}

function refusal(result: KioskResult<unknown>): KioskError {
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.value)}`);
  return result.error;
}

async function logIn(core: KioskCore, accountNumber: string): Promise<Meters> {
  value(await core.dispatch('session.login', { accountNumber, password: 'demo1234' }));
  return value((await core.dispatch('readings.meters', {})) as KioskResult<Meters>);
}

function submissionCount(server: ReferenceBillingServer, accountNumber: string): number {
  return (
    server.db
      .prepare<[string], { count: number }>('SELECT count(*) AS count FROM reading_submission WHERE account_number = ?')
      .get(accountNumber)?.count ?? 0
  );
}

function validMeter(meters: Meters): Meter & { lastReading: NonNullable<Meter['lastReading']> } {
  const meter = meters.meters.find(
    (candidate) => candidate.acceptsReadings && candidate.lastReading && candidate.averageMonthlyConsumption,
  );
  if (!meter?.lastReading) throw new Error('no valid meter with history');
  return meter as Meter & { lastReading: NonNullable<Meter['lastReading']> };
}

function expiredMeter(meters: Meters): Meter {
  const meter = meters.meters.find((candidate) => candidate.verificationState === 'expired');
  if (!meter) throw new Error('no expired meter');
  return meter;
}

/** The reading `delta` above the meter's last one, as typed on the keypad («123,456»). */
function typed(meter: Meter & { lastReading: { value: number } }, delta: number): string {
  return formatReading(meter.lastReading.value + delta, meter.fractionDigits);
}

describe('readings.meters in training mode', () => {
  let fixture: Awaited<ReturnType<typeof startCoreFixture>>;
  beforeAll(async () => {
    fixture = await startCoreFixture();
  });
  afterAll(async () => {
    await fixture?.close();
  });

  it('lists 820000003 meters with dates, one expired (not accepting readings) and one valid, and an open window', async () => {
    const meters = await logIn(fixture.core, DEMO.expiredVerification.accountNumber);
    const today = ufaDate(Date.now());
    expect(meters.today).toBe(today);
    expect(meters.readingWindow).toMatchObject({
      fromDay: 1,
      toDay: 31,
      openToday: true,
      countsForPeriod: today.slice(0, 7),
      opensOn: today,
    });
    expect(meters.meters).toHaveLength(2);
    const expired = expiredMeter(meters);
    expect(expired).toMatchObject({
      service: 'hot-water',
      unit: 'м³',
      acceptsReadings: false,
      daysLeft: -60,
      verificationDueOn: addDays(today, -60),
    });
    const valid = meters.meters.find((meter) => meter !== expired);
    expect(valid).toMatchObject({ verificationState: 'valid', acceptsReadings: true, installedOn: addDays(today, -400) });
    for (const meter of meters.meters) {
      expect(meter.serialNumber).toMatch(/^(ВСГ|СГВ|ETW)-\d{8}$/);
      expect(meter.lastReading?.takenOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('refuses anyone not logged in', async () => {
    value(await fixture.core.dispatch('session.logout', {}));
    expect(refusal(await fixture.core.dispatch('readings.meters', {})).code).toBe('not-logged-in');
  });
});

describe('readings against the reference billing server (terminal and billing centre on 20.11.2026, window 15–25)', () => {
  it('refuses each kind of bad reading in the core, with its message, before anything is queued', async () => {
    const { core, server } = await startSetup({ serverNow: NOW, coreNow: NOW, readingWindow: WINDOW });
    const meters = await logIn(core, DEMO.expiredVerification.accountNumber);
    expect(meters.readingWindow).toEqual({
      ...WINDOW,
      openToday: true,
      countsForPeriod: '2026-11',
      opensOn: '2026-11-20',
      closesOn: '2026-11-25',
    });
    const meter = validMeter(meters);
    const expired = expiredMeter(meters);
    const submit = (readings: Array<{ meterId: string; value: string }>, extra: Record<string, unknown> = {}) =>
      core.dispatch('readings.submit', { readings, ...extra }).then(refusal);

    const notNumber = await submit([{ meterId: meter.meterId, value: 'abc' }]);
    expect(notNumber).toMatchObject({
      code: 'invalid-input',
      message: { key: 'readings.meterRefusals.notANumber', values: { serial: meter.serialNumber } },
      fields: { [meter.meterId]: { key: 'readings.problemNotANumber' } },
    });
    expect(russianText(notNumber.message)).toBe(`Счётчик № ${meter.serialNumber}: Введите показание цифрами, например 01234,567.`);

    const tooLong = await submit([{ meterId: meter.meterId, value: '1234567' }]);
    expect(tooLong.message).toEqual({
      key: 'readings.meterRefusals.tooManyDigits',
      values: { integer: 5, fraction: 3, serial: meter.serialNumber },
    });
    expect(russianText(tooLong.message)).toContain('5 цифр до запятой и 3 после');

    const lower = await submit([{ meterId: meter.meterId, value: typed(meter, -0.5) }]);
    expect(lower.message).toEqual({
      key: 'readings.meterRefusals.lowerThanPrevious',
      values: { previous: formatReading(meter.lastReading.value, 3), serial: meter.serialNumber },
    });
    expect(russianText(lower.message)).toContain('замена счётчика оформляется в офисе');

    const expiredRefusal = await submit([{ meterId: expired.meterId, value: '99999' }]);
    expect(expiredRefusal.message).toMatchObject({
      key: 'readings.meterRefusals.verificationExpired',
      values: { serial: expired.serialNumber },
    });
    expect(russianText(expiredRefusal.message)).toContain('по среднему потреблению за 3 месяца, а затем — по нормативу');
    expect(russianText(expiredRefusal.message)).toContain('свидетельство о поверке');

    const high = await submit([{ meterId: meter.meterId, value: typed(meter, 60) }]);
    expect(high).toMatchObject({
      code: 'invalid-input',
      message: { key: 'readings.meterRefusals.highConsumption', values: { serial: meter.serialNumber } },
      fields: { [meter.meterId]: { key: 'readings.problemHighConsumption' } },
    });
    expect(russianText(high.message)).toContain('раза больше обычного');

    const unknownTarget = await submit([{ meterId: meter.meterId, value: typed(meter, 1) }], {
      correctsRegistrationNumber: 'П-20261120-999999',
    });
    expect(unknownTarget).toMatchObject({ code: 'not-found', message: { key: 'readings.refusalCorrectionTarget' } });

    expect(await submit([{ meterId: 'no-such-meter', value: '1' }])).toMatchObject({ code: 'not-found' });
    expect(
      await submit([
        { meterId: meter.meterId, value: typed(meter, 1) },
        { meterId: meter.meterId, value: typed(meter, 2) },
      ]),
    ).toMatchObject({ code: 'invalid-input' });
    expect(await submit([])).toMatchObject({ code: 'invalid-input', message: { key: 'readings.fieldErrors.atLeastOne' } });

    expect(submissionCount(server, DEMO.expiredVerification.accountNumber)).toBe(0);
    expect(core.services.outbox.stats()).toMatchObject({ pending: 0, delivered: 0, rejected: 0 });
  });

  it('submits through the outbox, is safe to replay, and a correction replaces the month’s reading', async () => {
    const { core, server } = await startSetup({ serverNow: NOW, coreNow: NOW, readingWindow: WINDOW });
    const meters = await logIn(core, DEMO.expiredVerification.accountNumber);
    const meter = validMeter(meters);
    expect(meters.submissions).toEqual([]);

    const first = value(
      await core.dispatch('readings.submit', { readings: [{ meterId: meter.meterId, value: typed(meter, 2) }] }),
    ) as KioskOutput<'readings.submit'>;
    expect(first).toMatchObject({
      delivery: 'delivered',
      registrationNumber: 'П-20261120-000001',
      acceptedAt: new Date(NOW).toISOString(),
      countsForPeriod: '2026-11',
      corrects: null,
      lines: [{ meterId: meter.meterId, serialNumber: meter.serialNumber, previous: meter.lastReading.value, consumption: 2 }],
    });
    expect(first.localReference).toMatch(/\S/);
    expect(first.message).toEqual({ key: 'readings.outcome.delivered', values: { number: 'П-20261120-000001' } });
    expect(russianText(first.message)).toBe('Показания приняты расчётным центром. Регистрационный номер: П-20261120-000001.');
    expect(submissionCount(server, DEMO.expiredVerification.accountNumber)).toBe(1);

    // Replay: the same outbox message sent again (as after a lost answer) is answered from the
    // billing centre's idempotency record, not registered a second time.
    const [message] = core.services.outbox.list({ status: 'delivered' });
    expect(message?.kind).toBe('readings');
    const replayed = (await billingSenders(new SubmissionKinds([readingsSubmission]), core.services.billing).readings!(message!)) as {
      registrationNumber: string;
    };
    expect(replayed.registrationNumber).toBe('П-20261120-000001');
    expect(submissionCount(server, DEMO.expiredVerification.accountNumber)).toBe(1);

    // A high consumption goes through once the customer confirms it.
    const confirmed = value(
      await core.dispatch('readings.submit', {
        readings: [{ meterId: meter.meterId, value: typed(meter, 60) }],
        confirmHighConsumption: true,
      }),
    ) as KioskOutput<'readings.submit'>;
    expect(confirmed).toMatchObject({ delivery: 'delivered', registrationNumber: 'П-20261120-000002', lines: [{ consumption: 60 }] });

    // The correction names what it corrects; the last submission of the month is the one that counts.
    const corrected = value(
      await core.dispatch('readings.submit', {
        readings: [{ meterId: meter.meterId, value: typed(meter, 3) }],
        correctsRegistrationNumber: 'П-20261120-000002',
      }),
    ) as KioskOutput<'readings.submit'>;
    expect(corrected).toMatchObject({ delivery: 'delivered', registrationNumber: 'П-20261120-000003', corrects: 'П-20261120-000002' });
    expect(corrected.lines[0]?.consumption).toBe(3);
    expect(submissionCount(server, DEMO.expiredVerification.accountNumber)).toBe(3);
    expect(server.db.prepare('SELECT corrects FROM reading_submission WHERE registration_number = ?').get('П-20261120-000003')).toEqual({
      corrects: 'П-20261120-000002',
    });
    expect(server.db.prepare("SELECT value FROM meter_reading WHERE meter_id = ? AND period = '2026-11'").all(meter.meterId)).toEqual([
      { value: Number((meter.lastReading.value + 3).toFixed(3)) },
    ]);

    const after = value((await core.dispatch('readings.meters', {})) as KioskResult<Meters>);
    expect(after.submissions.map((submission) => submission.registrationNumber)).toEqual([
      'П-20261120-000003',
      'П-20261120-000002',
      'П-20261120-000001',
    ]);
    // The previous reading stays last month's: a correction is judged against it, not against this month's.
    expect(after.meters.find((candidate) => candidate.meterId === meter.meterId)?.lastReading).toEqual(meter.lastReading);
  });
});

describe('the reading window', () => {
  it('outside the window the core refuses with the window and the month the readings will count for', async () => {
    const closed = Date.parse('2026-11-26T10:00:00+05:00');
    const { core, server } = await startSetup({ serverNow: closed, coreNow: closed, readingWindow: WINDOW });
    const meters = await logIn(core, DEMO.expiredVerification.accountNumber);
    expect(meters.readingWindow).toEqual({
      ...WINDOW,
      openToday: false,
      countsForPeriod: '2026-12',
      opensOn: '2026-12-15',
      closesOn: '2026-12-25',
    });
    const meter = validMeter(meters);
    const error = refusal(await core.dispatch('readings.submit', { readings: [{ meterId: meter.meterId, value: typed(meter, 1) }] }));
    expect(error).toMatchObject({
      code: 'invalid-input',
      message: {
        key: 'readings.refusalOutsideWindow',
        values: { fromDay: 15, toDay: 25, opensOn: '15.12.2026', closesOn: '25.12.2026', month: '12', year: '2026' },
      },
    });
    expect(russianText(error.message)).toBe(
      'Показания принимаются с 15 по 25 число месяца, сегодня приём закрыт. Передайте показания с 15.12.2026 по 25.12.2026: ' +
        'они будут учтены в расчёте за декабрь 2026 г.',
    );
    expect(submissionCount(server, DEMO.expiredVerification.accountNumber)).toBe(0);
  });

  it('before the window opens, the readings will count for the current month', async () => {
    const early = Date.parse('2026-11-03T10:00:00+05:00');
    const { core } = await startSetup({ serverNow: early, coreNow: early, readingWindow: WINDOW });
    const meters = await logIn(core, DEMO.owesMoney.accountNumber);
    expect(meters.readingWindow).toEqual({
      ...WINDOW,
      openToday: false,
      countsForPeriod: '2026-11',
      opensOn: '2026-11-15',
      closesOn: '2026-11-25',
    });
  });
});

describe("the billing centre's refusals on delivery are the customer's message", () => {
  it('outside-window: the billing centre is already past the window the terminal still sees open', async () => {
    const { core, server } = await startSetup({
      serverNow: Date.parse('2026-11-26T10:00:00+05:00'),
      coreNow: Date.parse('2026-11-25T10:00:00+05:00'),
      readingWindow: WINDOW,
    });
    const meter = validMeter(await logIn(core, DEMO.expiredVerification.accountNumber));
    const error = refusal(await core.dispatch('readings.submit', { readings: [{ meterId: meter.meterId, value: typed(meter, 1) }] }));
    expect(error).toEqual({
      code: 'billing-refused',
      billingCode: 'outside-window',
      message: {
        key: 'readings.billingOutsideWindow',
        values: {
          billingText: 'Показания принимаются с 15 по 25 число месяца. Передайте их в следующий период приёма.',
          fromDay: 15,
          toDay: 25,
        },
      },
    });
    // Russian shows the billing centre's own words.
    expect(russianText(error.message)).toBe('Показания принимаются с 15 по 25 число месяца. Передайте их в следующий период приёма.');
    expect(submissionCount(server, DEMO.expiredVerification.accountNumber)).toBe(0);
    expect(core.services.outbox.stats().pending).toBe(0);
  });

  it('verification-expired: the billing centre already counts the verification as expired', async () => {
    // The expired meter of 820000003 was due 60 days before the billing centre's date; the terminal's clock is before that.
    const { core } = await startSetup({ serverNow: NOW, coreNow: NOW - 62 * 86_400_000 });
    const meters = await logIn(core, DEMO.expiredVerification.accountNumber);
    const meter = meters.meters.find((candidate) => candidate.verificationDueOn === addDays('2026-11-20', -60));
    expect(meter).toMatchObject({ verificationState: 'expiring', daysLeft: 2, acceptsReadings: true });
    const reading = formatReading((meter?.lastReading?.value ?? 0) + 1, 3);
    const error = refusal(await core.dispatch('readings.submit', { readings: [{ meterId: meter!.meterId, value: reading }] }));
    expect(error).toMatchObject({ code: 'billing-refused', billingCode: 'verification-expired' });
    expect(error.message).toMatchObject({ key: 'readings.billingVerificationExpired', values: { serial: meter!.serialNumber } });
    expect(russianText(error.message)).toBe(
      `Истёк срок поверки прибора учёта № ${meter!.serialNumber}. Показания по нему не принимаются; начисление производится по среднему расходу, затем по нормативу.`,
    );
  });
});

describe('when the billing centre cannot take the readings right now', () => {
  it('the terminal keeps them, says so honestly, and delivers them exactly once when the link is back', async () => {
    const proxy = new BillingForwarder();
    const started = Date.now();
    const { core, server } = await startSetup({ serverNow: NOW, coreNow: () => NOW + (Date.now() - started), proxy, timeoutMs: 1000 });
    const meter = validMeter(await logIn(core, DEMO.expiredVerification.accountNumber));

    const pending = value(
      await core.dispatch('readings.submit', { readings: [{ meterId: meter.meterId, value: typed(meter, 2) }] }),
    ) as KioskOutput<'readings.submit'>;
    expect(pending).toMatchObject({ delivery: 'pending', registrationNumber: null, acceptedAt: null, lines: [{ consumption: 2 }] });
    expect(pending.message).toEqual({ key: 'readings.outcome.pending', values: { reference: pending.localReference } });
    expect(russianText(pending.message)).toBe(
      `Показания приняты терминалом и будут переданы в расчётный центр, как только появится связь. Номер операции на терминале: ${pending.localReference}.`,
    );
    expect(submissionCount(server, DEMO.expiredVerification.accountNumber)).toBe(0);

    proxy.dropReadings = false;
    await expect.poll(() => core.services.outbox.list({ status: 'delivered' }).length, { timeout: 20_000, interval: 200 }).toBe(1);
    expect(submissionCount(server, DEMO.expiredVerification.accountNumber)).toBe(1);
    const [message] = core.services.outbox.list({ status: 'delivered' });
    expect(message?.localReference).toBe(pending.localReference);
    await billingSenders(new SubmissionKinds([readingsSubmission]), core.services.billing).readings!(message!);
    expect(submissionCount(server, DEMO.expiredVerification.accountNumber)).toBe(1);
  });
});
