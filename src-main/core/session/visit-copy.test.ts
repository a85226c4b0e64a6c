import { describe, expect, it } from 'vitest';
import type { MetersResponse } from '../billing/billing-wire';
import { KioskFailure } from '../api/contract';
import { message } from '../messages/messages';
import { METERS_REUSE_MS, withSubmission } from '../../features/readings/visit-meters';
import { CustomerSession } from './customer-session';
import { VisitCopy } from './visit-copy';

const METERS: MetersResponse = {
  accountNumber: '820000003',
  readingWindow: { fromDay: 1, toDay: 31 },
  meters: [],
  submissions: [
    { registrationNumber: 'П-20261120-000001', acceptedAt: '2026-11-20T05:00:00.000Z', readings: [{ meterId: 'HW1', value: 49.5 }] },
  ],
};

function copyAt(start: number) {
  let now = start;
  const session = new CustomerSession(() => now);
  // What the billing centre does with the next request: answer with the meters, or fail.
  const billing = { requests: 0, failure: null as KioskFailure | null };
  const meters = new VisitCopy<MetersResponse>(
    session,
    () => now,
    METERS_REUSE_MS,
    async () => {
      billing.requests += 1;
      if (billing.failure) throw billing.failure;
      return METERS;
    },
  );
  return { meters, session, billing, advance: (ms: number) => (now += ms), setClock: (at: number) => (now = at) };
}

const unreachable = () => new KioskFailure({ code: 'billing-unavailable', message: message('errors.billing-unavailable') });

describe('VisitCopy', () => {
  it('stands in for a new request for METERS_REUSE_MS, then only while the billing centre is unreachable', () => {
    const { meters, advance } = copyAt(1_000_000);
    meters.remember('visit-1', METERS);
    advance(METERS_REUSE_MS - 1);
    expect(meters.fresh('visit-1')).toBe(METERS);
    advance(1);
    expect(meters.fresh('visit-1')).toBeNull();
    expect(meters.last('visit-1')).toBe(METERS);
  });

  it('belongs to its visit: another visit gets nothing, and nothing is left after forget', () => {
    const { meters } = copyAt(0);
    meters.remember('visit-1', METERS);
    expect([meters.fresh('visit-2'), meters.last('visit-2')]).toEqual([null, null]);
    meters.forget();
    expect([meters.fresh('visit-1'), meters.last('visit-1')]).toEqual([null, null]);
  });

  it('a stale copy is fetched again but still stands in offline; a clock set back makes it unknown', () => {
    const { meters, setClock } = copyAt(5_000);
    meters.remember('visit-1', METERS);
    meters.markStale('visit-1');
    expect([meters.fresh('visit-1'), meters.last('visit-1')]).toEqual([null, METERS]);

    meters.remember('visit-1', METERS);
    setClock(4_000);
    expect(meters.fresh('visit-1')).toBeNull();
  });

  it('takes this terminal’s own submission in, keeping the age of the fetch; only for its own visit', () => {
    const { meters, advance } = copyAt(0);
    meters.remember('visit-1', METERS);
    const registered = { registrationNumber: 'П-20261120-000002', acceptedAt: '2026-11-20T06:00:00.000Z', readings: [] };
    const after = withSubmission(METERS, registered);
    expect(after.submissions.map((submission) => submission.registrationNumber)).toEqual(['П-20261120-000002', 'П-20261120-000001']);
    meters.update('visit-2', after);
    expect(meters.last('visit-1')).toBe(METERS);
    meters.update('visit-1', after);
    expect(meters.fresh('visit-1')).toBe(after);
    advance(METERS_REUSE_MS);
    expect(meters.fresh('visit-1')).toBeNull();
  });

  it('fetch keeps the answer for a current visit only, and stands in with it when the billing centre is unreachable', async () => {
    const { meters, session, billing, advance } = copyAt(0);
    const visit = session.begin('820000003', 'token');
    expect(await meters.reuseOrFetch(visit)).toBe(METERS);
    expect(await meters.reuseOrFetch(visit)).toBe(METERS);
    expect(billing.requests).toBe(1);

    advance(METERS_REUSE_MS);
    billing.failure = unreachable();
    await expect(meters.reuseOrFetch(visit)).resolves.toBe(METERS);
    const refused = new KioskFailure({ code: 'billing-refused', message: message('errors.billing-refused') });
    billing.failure = refused;
    await expect(meters.fetch(visit)).rejects.toBe(refused);

    // The visit ends while its answer is on the way: nobody keeps it.
    session.end();
    billing.failure = null;
    await meters.fetch(visit);
    expect(meters.last(visit.sessionId)).toBeNull();
    billing.failure = unreachable();
    await expect(meters.fetch(visit)).rejects.toThrow(KioskFailure);
  });

  it('is forgotten when the visit ends', () => {
    const { meters, session } = copyAt(0);
    const visit = session.begin('820000003', 'token');
    meters.remember(visit.sessionId, METERS);
    session.end();
    expect(meters.last(visit.sessionId)).toBeNull();
  });
});
