// The paper bill in end-to-end tests: the GOST R 56042 QR code printed on a demo bill, a bill
// scanner in keyboard (HID) mode typing it into the page, and a bill holder's meters read through
// the billing API the way a second device would.
import type { Page } from 'playwright-core';
import { DEMO_PAYEE } from '../../src-main/billing-server/reference-content';
import type { BillingClient } from '../../src-main/core/billing/billing-client';
import { ufaDate } from '../../src-main/core/time/calendar';
import { buildPaymentQrPayload, type PayeeRequisites } from '../../src-main/features/pay/payment-qr';
import type { DemoBillHolder } from './demo-accounts';
import type { MeterWithHistory } from './demo-meters';

/** The utility's requisites as the payment QR names them. */
export const UTILITY_REQUISITES: PayeeRequisites = {
  name: DEMO_PAYEE.name,
  personalAcc: DEMO_PAYEE.settlementAccount,
  bankName: DEMO_PAYEE.bankName,
  bic: DEMO_PAYEE.bic,
  correspAcc: DEMO_PAYEE.correspondentAccount,
  payeeInn: DEMO_PAYEE.inn,
  kpp: DEMO_PAYEE.kpp,
};

/** The payment QR of a bill for this account; another payee's requisites make a foreign bill. */
export function billQrPayload(accountNumber: string, payee: PayeeRequisites = UTILITY_REQUISITES): string {
  return buildPaymentQrPayload(payee, {
    sumKopecks: 123_241,
    persAcc: accountNumber,
    period: '2026-11',
    purpose: 'Оплата за тепловую энергию и ГВС',
  });
}

/**
 * Types `text` and Enter as a bill scanner in keyboard mode does, faster than any person: the
 * browser's own key events sent over the DevTools protocol all at once, without waiting for each to
 * be acknowledged, so Chromium takes them as quickly as it can. (A pause of a few ms between keys,
 * timed on this side, grew to a person's pace on a busy test machine; page.keyboard waits two round
 * trips a key, and it inserts characters outside the US layout, Cyrillic and «», as text without
 * any key event, as no scanner does.) The scanner-bursts unit test holds the pace limits themselves.
 */
export async function scanWithScanner(page: Page, text: string): Promise<void> {
  const devtools = await page.context().newCDPSession(page);
  const sent: Array<Promise<unknown>> = [];
  const press = (key: string, typed: string, codes: { code?: string; windowsVirtualKeyCode?: number } = {}) => {
    sent.push(devtools.send('Input.dispatchKeyEvent', { type: 'keyDown', key, text: typed, unmodifiedText: typed, ...codes }));
    sent.push(devtools.send('Input.dispatchKeyEvent', { type: 'keyUp', key, ...codes }));
  };
  try {
    for (const character of text) press(character, character);
    press('Enter', '\r', { code: 'Enter', windowsVirtualKeyCode: 13 });
    await Promise.all(sent);
  } finally {
    await devtools.detach();
  }
}

/** The bill holder's first meter still verified today with a reading to go on from, seen in a bill session of its own. */
export async function workingMeterOfBillHolder(billing: BillingClient, holder: DemoBillHolder): Promise<MeterWithHistory> {
  const session = await billing.openBillSession(holder.accountNumber, holder.billCode);
  const today = ufaDate(Date.now());
  const meter = (await billing.getMeters(session.sessionToken)).meters.find(
    (candidate) => candidate.verificationDueOn >= today && candidate.lastReading,
  );
  if (!meter?.lastReading) throw new Error(`${holder.accountNumber} should have a working meter`);
  return meter as MeterWithHistory;
}
