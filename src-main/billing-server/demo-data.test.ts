import { describe, expect, it } from 'vitest';
import { DEMO_BILL_CODES, DEMO_PHONES, derivedBillCode } from './demo-data';
import { canReceiveSms } from './training-sms';

describe('the demo bills and phones', () => {
  it('derive a generated account’s bill code from its number and period: four digits, another each month', () => {
    const months = ['2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12'];
    const codes = months.map((period) => derivedBillCode('820000042', period));
    for (const code of codes) expect(code).toMatch(/^\d{4}$/);
    expect(new Set(codes).size).toBe(months.length);
    expect(derivedBillCode('820000042', '2026-10')).toBe(codes[3]);
    expect(derivedBillCode('820000043', '2026-10')).not.toBe(codes[3]);
  });

  it('give the fixed accounts distinct codes, and a phone each: mobile, except Ивановой’s landline', () => {
    expect(new Set(Object.values(DEMO_BILL_CODES)).size).toBe(Object.keys(DEMO_BILL_CODES).length);
    const mobile = Object.entries(DEMO_PHONES)
      .filter(([, phone]) => canReceiveSms(phone))
      .map(([name]) => name);
    expect(mobile.sort()).toEqual(['expiredVerification', 'owesMoney', 'paidInAdvance', 'paperBillOnly']);
  });
});
