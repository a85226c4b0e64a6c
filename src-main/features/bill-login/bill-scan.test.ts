import { describe, expect, it } from 'vitest';
import { DEMO_PAYEE } from '../../billing-server/reference-content';
import { buildPaymentQrPayload } from '../pay/payment-qr';
import { readBillScan } from './bill-scan';

const requisites = {
  name: DEMO_PAYEE.name,
  personalAcc: DEMO_PAYEE.settlementAccount,
  bankName: DEMO_PAYEE.bankName,
  bic: DEMO_PAYEE.bic,
  correspAcc: DEMO_PAYEE.correspondentAccount,
  payeeInn: DEMO_PAYEE.inn,
  kpp: DEMO_PAYEE.kpp,
};
const billQr = (persAcc: string, payee = requisites) =>
  buildPaymentQrPayload(payee, { sumKopecks: 123_241, persAcc, period: '2026-11', purpose: 'Оплата за тепловую энергию и ГВС' });

/** What a scanner types for `text` when the kiosk's keyboard layout is Russian: Latin letters become the Cyrillic ones on their keys. */
const typedInRussianLayout = (text: string) =>
  text.replace(
    /[a-zA-Z]/g,
    (letter) =>
      'фисвуапршолдьтщзйкыегмцчняФИСВУАПРШОЛДЬТЩЗЙКЫЕГМЦЧНЯ'['abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'.indexOf(letter)] ??
      letter,
  );

describe('reading a bill scan', () => {
  it('reads the account number from the GOST R 56042 QR of this utility’s bill', () => {
    expect(readBillScan(billQr('820000217'), DEMO_PAYEE)).toEqual({ ok: true, accountNumber: '820000217' });
    expect(readBillScan(`${billQr('820000217')}\n`, DEMO_PAYEE)).toEqual({ ok: true, accountNumber: '820000217' });
  });

  it('reads a plain 1D barcode of the account number', () => {
    expect(readBillScan('820000001', DEMO_PAYEE)).toEqual({ ok: true, accountNumber: '820000001' });
  });

  it('reads the QR typed by a scanner while the keyboard layout is Russian', () => {
    const typed = typedInRussianLayout(billQr('820000003'));
    expect(typed).toContain('ЗукыФсс=820000003');
    expect(readBillScan(typed, DEMO_PAYEE)).toEqual({ ok: true, accountNumber: '820000003' });
  });

  it('refuses the bill of another payee, by its INN or its settlement account', () => {
    expect(readBillScan(billQr('820000001', { ...requisites, payeeInn: '7707083893' }), DEMO_PAYEE)).toEqual({
      ok: false,
      reason: 'foreign',
    });
    expect(readBillScan(billQr('820000001', { ...requisites, personalAcc: '40702810900000000001' }), DEMO_PAYEE)).toEqual({
      ok: false,
      reason: 'foreign',
    });
  });

  it('calls anything else unreadable: a short number, a URL, our QR without a 9-digit account', () => {
    for (const scanned of ['82000000', '8200000011', 'https://example.ru/pay', '', 'ST00012']) {
      expect(readBillScan(scanned, DEMO_PAYEE), scanned).toEqual({ ok: false, reason: 'unreadable' });
    }
    expect(readBillScan(billQr('12345'), DEMO_PAYEE)).toEqual({ ok: false, reason: 'unreadable' });
  });
});
