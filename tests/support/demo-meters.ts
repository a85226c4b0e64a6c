// A demo customer's meters as the billing centre lists them, read through the billing API the way a
// second device would, so a test types a reading that fits the real last one.
import type { BillingClient } from '../../src-main/core/billing/billing-client';
import type { Meter, MetersResponse } from '../../src-main/core/billing/billing-wire';
import { ufaDate } from '../../src-main/core/time/calendar';
import type { DemoAccount } from './demo-accounts';

export type MeterWithHistory = Meter & { lastReading: NonNullable<Meter['lastReading']> };

export async function metersOf(billing: BillingClient, { accountNumber, password }: DemoAccount): Promise<MetersResponse> {
  const session = await billing.login(accountNumber, password);
  return billing.getMeters(session.sessionToken);
}

/** The customer's first meter that is still verified today and has a reading to go on from. */
export async function workingMeterOf(billing: BillingClient, account: DemoAccount): Promise<MeterWithHistory> {
  const today = ufaDate(Date.now());
  const meter = (await metersOf(billing, account)).meters.find(
    (candidate) => candidate.verificationDueOn >= today && candidate.lastReading,
  );
  if (!meter?.lastReading) throw new Error(`${account.accountNumber} should have a working meter`);
  return meter as MeterWithHistory;
}
