// What one readings submission costs the billing centre, counted where it arrives: the real kiosk
// core against the real reference billing server (own SQLite files, loopback HTTP), with a plain
// forwarder between them that notes every request. Opening «Передать показания» fetches the meters
// once; the submission reuses them (for METERS_REUSE_MS, in the same visit only) and posts the readings.
import { afterEach, describe, expect, it } from 'vitest';
import type { KioskOutput } from '../../src-main/features/kiosk-methods';
import type { KioskCore } from '../../src-main/core/kiosk-core';
import { formatReading } from '../../src-main/features/readings/reading-checks';
import { METERS_REUSE_MS } from '../../src-main/features/readings/visit-meters';
import { startForwardedVisit, value, type ForwardedVisit } from '../support/forwarded-visit';
import { DEMO, type DemoAccount } from '../support/demo-accounts';

type Meters = KioskOutput<'readings.meters'>;
type Submitted = KioskOutput<'readings.submit'>;

const NOW = Date.parse('2026-11-20T10:00:00+05:00');
const METERS_GET = /^\/api\/v1\/account\/meters$/;
const READINGS_POST = /^\/api\/v1\/accounts\/\d{9}\/readings$/;

interface Visit extends ForwardedVisit {
  metersFetched(): number;
  readingsPosted(): number;
}

const visits: ForwardedVisit[] = [];

afterEach(async () => {
  for (const visit of visits.splice(0).reverse()) await visit.close();
});

async function startVisit(): Promise<Visit> {
  const visit = await startForwardedVisit(NOW, 'readings-trips-');
  visits.push(visit);
  return {
    ...visit,
    metersFetched: () => visit.forwarder.count('GET', METERS_GET),
    readingsPosted: () => visit.forwarder.count('POST', READINGS_POST),
  };
}

async function logIn(core: KioskCore, account: DemoAccount): Promise<void> {
  value(await core.dispatch('session.login', { accountNumber: account.accountNumber, password: account.password }));
}

async function openReadings(core: KioskCore): Promise<Meters> {
  return value<Meters>(await core.dispatch('readings.meters', {}));
}

/** A meter that takes readings and has a last one, and a reading `delta` above that, as typed («47,123»). */
function readingFor(meters: Meters, delta: number): { meterId: string; value: string } {
  const meter = meters.meters.find((candidate) => candidate.acceptsReadings && candidate.lastReading);
  if (!meter?.lastReading) throw new Error('no meter that takes readings');
  return { meterId: meter.meterId, value: formatReading(meter.lastReading.value + delta, meter.fractionDigits) };
}

async function submit(core: KioskCore, input: Record<string, unknown>): Promise<Submitted> {
  return value<Submitted>(await core.dispatch('readings.submit', input));
}

describe('one submission, counted at the billing centre', () => {
  it('opening the screen GETs the meters once; the submission and its correction only POST, and show what a new GET would', async () => {
    const visit = await startVisit();
    await logIn(visit.core, DEMO.expiredVerification);
    const opened = await openReadings(visit.core);
    expect([visit.metersFetched(), visit.readingsPosted()]).toEqual([1, 0]);

    const first = await submit(visit.core, { readings: [readingFor(opened, 2)] });
    expect(first).toMatchObject({ delivery: 'delivered', registrationNumber: 'П-20261120-000001' });
    expect([visit.metersFetched(), visit.readingsPosted()]).toEqual([1, 1]);
    expect(first.updatedMeters.submissions).toEqual([
      { registrationNumber: 'П-20261120-000001', acceptedAt: new Date(NOW).toISOString(), readings: [readingFor(opened, 2)].map(asNumber) },
    ]);

    // «Исправить» on the confirmation: the core knows the submission it just made without asking.
    const corrected = await submit(visit.core, { readings: [readingFor(opened, 3)], correctsRegistrationNumber: first.registrationNumber });
    expect(corrected).toMatchObject({ delivery: 'delivered', registrationNumber: 'П-20261120-000002', corrects: 'П-20261120-000001' });
    expect([visit.metersFetched(), visit.readingsPosted()]).toEqual([1, 2]);

    // What the screen was given is what the billing centre now lists.
    expect(await openReadings(visit.core)).toEqual(corrected.updatedMeters);
    expect(visit.metersFetched()).toBe(2);
  });

  it('readings queued while the billing centre cannot take them: no GET, the month’s list as it was', async () => {
    const visit = await startVisit();
    await logIn(visit.core, DEMO.expiredVerification);
    const opened = await openReadings(visit.core);
    visit.forwarder.dropReadings = true;
    const queued = await submit(visit.core, { readings: [readingFor(opened, 2)] });
    expect(queued).toMatchObject({ delivery: 'pending', registrationNumber: null });
    expect(queued.updatedMeters).toEqual(opened);
    expect(visit.metersFetched()).toBe(1);
    expect(visit.core.services.outbox.stats().pending).toBe(1);
  });
});

describe('the meters of a visit are reused for a short time, in that visit only', () => {
  it('fetches again once METERS_REUSE_MS have passed, and works from the old copy when the billing centre is gone', async () => {
    const visit = await startVisit();
    await logIn(visit.core, DEMO.expiredVerification);
    const opened = await openReadings(visit.core);

    visit.advance(METERS_REUSE_MS - 1000);
    await submit(visit.core, { readings: [readingFor(opened, 1)] });
    expect(visit.metersFetched()).toBe(1);

    visit.advance(1000);
    await submit(visit.core, { readings: [readingFor(opened, 2)] });
    expect([visit.metersFetched(), visit.readingsPosted()]).toEqual([2, 2]);

    // Past the time again, and the billing centre unreachable: the copy of this visit stands in, the readings queue.
    visit.advance(METERS_REUSE_MS);
    await visit.forwarder.close();
    const queued = await submit(visit.core, { readings: [readingFor(opened, 3)] });
    expect(queued.delivery).toBe('pending');
    expect(queued.updatedMeters.submissions.map((submission) => submission.registrationNumber)).toEqual([
      'П-20261120-000002',
      'П-20261120-000001',
    ]);
  });

  it('a new visit, of another customer or the same one, fetches its own; none is kept past logout', async () => {
    const visit = await startVisit();
    await logIn(visit.core, DEMO.owesMoney);
    const secondCustomers = await openReadings(visit.core);
    value(await visit.core.dispatch('session.logout', {}));

    await logIn(visit.core, DEMO.expiredVerification);
    const firstCustomers = await openReadings(visit.core);
    value(await visit.core.dispatch('session.logout', {}));
    expect(visit.metersFetched()).toBe(2);

    // Straight to the submission in a new visit: its own meters are fetched (the last visit's lack this meter).
    await logIn(visit.core, DEMO.owesMoney);
    const submitted = await submit(visit.core, { readings: [readingFor(secondCustomers, 1)] });
    expect(submitted.delivery).toBe('delivered');
    expect([visit.metersFetched(), visit.readingsPosted()]).toEqual([3, 1]);
    expect(submitted.updatedMeters.meters.map((meter) => meter.meterId)).toEqual(secondCustomers.meters.map((meter) => meter.meterId));
    value(await visit.core.dispatch('session.logout', {}));

    // The same customer again, with the billing centre gone: the earlier visit's meters are not there to stand in.
    await logIn(visit.core, DEMO.expiredVerification);
    await visit.forwarder.close();
    const refused = await visit.core.dispatch('readings.submit', { readings: [readingFor(firstCustomers, 1)] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'billing-unavailable' } });
    expect(visit.core.services.outbox.stats().pending).toBe(0);
  });
});

/** A reading as the billing centre lists it: a number, not the typed text. */
function asNumber(reading: { meterId: string; value: string }): { meterId: string; value: number } {
  return { meterId: reading.meterId, value: Number(reading.value.replace(',', '.')) };
}
