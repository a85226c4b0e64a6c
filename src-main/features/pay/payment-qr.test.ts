import { describe, expect, it } from 'vitest';
import { buildPaymentQrPayload, parsePaymentQrPayload, paymentQrPayloadProblems, PaymentQrError, type PayeeRequisites } from './payment-qr';

const payee: PayeeRequisites = {
  name: 'МУП «Уфимские инженерные сети»',
  personalAcc: '40702810506000012345',
  bankName: 'ПАО Сбербанк',
  bic: '048073601',
  correspAcc: '30101810300000000601',
  payeeInn: '0276000000',
  kpp: '027601001',
};
const payment = { sumKopecks: 123241, persAcc: '820000001', period: '2026-11', purpose: 'Оплата за тепловую энергию и ГВС, л/с 820000001' };

describe('GOST R 56042-2014 payment QR payload', () => {
  it('starts with ST00012 and lists the required fields first, in the standard order', () => {
    const payload = buildPaymentQrPayload(payee, payment);
    expect(
      payload.startsWith(
        'ST00012|Name=МУП «Уфимские инженерные сети»|PersonalAcc=40702810506000012345|BankName=ПАО Сбербанк|BIC=048073601|CorrespAcc=30101810300000000601|',
      ),
    ).toBe(true);
    const { header, separator, fields } = parsePaymentQrPayload(payload);
    expect(header).toBe('ST00012');
    expect(separator).toBe('|');
    expect(fields.map(([key]) => key).slice(0, 9)).toEqual([
      'Name',
      'PersonalAcc',
      'BankName',
      'BIC',
      'CorrespAcc',
      'KPP',
      'PayeeINN',
      'Purpose',
      'Sum',
    ]);
    expect(Object.fromEntries(fields)).toMatchObject({ Sum: '123241', PersAcc: '820000001', PaymPeriod: '11.2026', TechCode: '02' });
  });

  it('writes the sum in kopecks, digits only', () => {
    const { fields } = parsePaymentQrPayload(buildPaymentQrPayload(payee, { ...payment, sumKopecks: 5 }));
    expect(Object.fromEntries(fields).Sum).toBe('5');
  });

  it('picks another separator when a value contains "|"', () => {
    const payload = buildPaymentQrPayload(payee, { ...payment, purpose: 'Оплата | ГВС' });
    expect(payload.charAt(7)).toBe(';');
    expect(Object.fromEntries(parsePaymentQrPayload(payload).fields).Purpose).toBe('Оплата | ГВС');
  });

  it('refuses values that break the standard', () => {
    expect(() => buildPaymentQrPayload({ ...payee, bic: '12345' }, payment)).toThrow(PaymentQrError);
    expect(() => buildPaymentQrPayload({ ...payee, personalAcc: '4070281050600001234' }, payment)).toThrow(/PersonalAcc/);
    expect(() => buildPaymentQrPayload({ ...payee, bankName: 'Б'.repeat(46) }, payment)).toThrow(/BankName is longer than 45/);
    expect(() => buildPaymentQrPayload(payee, { ...payment, sumKopecks: 0 })).toThrow(/Sum/);
    expect(() => buildPaymentQrPayload(payee, { ...payment, sumKopecks: 10.5 })).toThrow(/Sum/);
    expect(() => buildPaymentQrPayload(payee, { ...payment, purpose: 'x'.repeat(211) })).toThrow(/Purpose/);
  });

  it('flattens line breaks so a value cannot start a new field', () => {
    const payload = buildPaymentQrPayload(payee, { ...payment, payerAddress: 'г. Уфа,\nул. Ленина, д. 1' });
    expect(payload).not.toMatch(/[\r\n]/);
    expect(payload.endsWith('PayerAddress=г. Уфа, ул. Ленина, д. 1')).toBe(true);
  });
});

describe('payloads checked against the standard', () => {
  it('a payload the builder makes breaks none of the rules, whichever separator it needs', () => {
    expect(paymentQrPayloadProblems(buildPaymentQrPayload(payee, payment))).toEqual([]);
    const withPipe = buildPaymentQrPayload(payee, {
      ...payment,
      purpose: 'Оплата | ГВС',
      lastName: 'Иванова',
      payerAddress: 'г. Уфа, ул. Ленина, д. 1',
    });
    expect(paymentQrPayloadProblems(withPipe)).toEqual([]);
    const pipeAndSemicolon = buildPaymentQrPayload(payee, { ...payment, purpose: 'Оплата | ГВС; отопление' });
    expect(pipeAndSemicolon.charAt(7)).toBe(':');
    expect(paymentQrPayloadProblems(pipeAndSemicolon)).toEqual([]);
  });

  it('uses UTF-8 (encoding digit 2) and keeps every limit at its maximum', () => {
    const longest = buildPaymentQrPayload(
      { ...payee, name: 'Н'.repeat(160), bankName: 'Б'.repeat(45), payeeInn: '027600000012' },
      { ...payment, purpose: 'П'.repeat(210), sumKopecks: 100_000_000 },
    );
    expect(longest.slice(0, 7)).toBe('ST00012');
    expect(paymentQrPayloadProblems(longest)).toEqual([]);
  });

  it('finds a wrong header, separator, order, missing or repeated field, bad lengths and formats', () => {
    const good = buildPaymentQrPayload(payee, payment);
    expect(paymentQrPayloadProblems(good.replace('ST00012', 'ST00015'))).toContain('header is not ST0001 followed by 1, 2 or 3');
    expect(paymentQrPayloadProblems(good.replaceAll('|', ',')).join()).toMatch(/not one of the standard's separators/);
    const swapped = good.replace('|BankName=ПАО Сбербанк|BIC=048073601', '|BIC=048073601|BankName=ПАО Сбербанк');
    expect(paymentQrPayloadProblems(swapped)).toContain('field 3 is BIC, the standard requires BankName');
    expect(paymentQrPayloadProblems('ST00012|Name=МУП|PersonalAcc=40702810506000012345').join()).toMatch(/field 3 is missing/);
    expect(paymentQrPayloadProblems(`${good}|Sum=100`)).toContain('Sum appears twice');
    expect(paymentQrPayloadProblems(good.replace('BIC=048073601', 'BIC=04807360'))).toContain('BIC must be 9 digits');
    expect(paymentQrPayloadProblems(good.replace('Sum=123241', 'Sum=1232.41'))).toContain('Sum must be 1–18 digits');
    expect(paymentQrPayloadProblems(good.replace('PaymPeriod=11.2026', 'PaymPeriod=2026-11'))).toContain('PaymPeriod is not MM.YYYY');
    expect(paymentQrPayloadProblems(good.replace('TechCode=02', 'TechCode=2'))).toContain('TechCode is not a code from 01 to 15');
    expect(paymentQrPayloadProblems(good.replace('Purpose=', `Purpose=${'x'.repeat(211)}`))).toContain(
      'Purpose is longer than 210 characters',
    );
    expect(paymentQrPayloadProblems(good.replace('Purpose=Оплата', 'Purpose=Опл|ата')).join()).toMatch(/has no "="/);
    expect(paymentQrPayloadProblems(good.replace(/PersAcc=\d+/, 'PersAcc='))).toContain('PersAcc is empty');
  });
});
