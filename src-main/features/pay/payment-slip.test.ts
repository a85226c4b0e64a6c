import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import type { Invoice } from '../../core/billing/billing-wire';
import ba from '../../../resources/messages/ba.json';
import en from '../../../resources/messages/en.json';
import ru from '../../../resources/messages/ru.json';
import { MAX_PAYMENT_KOPECKS, paymentAmountProblem } from './payment-amount';
import { parsePaymentQrPayload, paymentQrPayloadProblems } from './payment-qr';
import {
  buildPaymentSlip,
  PAYMENT_QR_ERROR_CORRECTION,
  payeeRequisites,
  paymentQrPayloadFor,
  paymentQrSegments,
  paymentQrSvg,
} from './payment-slip';

const invoice: Invoice = {
  accountNumber: '820000001',
  billingPeriod: '2026-10',
  payerName: 'Гарипова Зульфия Ринатовна',
  address: 'г. Уфа, ул. Ленина, д. 12, кв. 34',
  amountDueKopecks: 123_241,
  previousBalanceKopecks: 20_000,
  breakdown: [
    { label: 'Отопление (физ.лица), Гкал', amountKopecks: 96_000 },
    { label: 'ГВС (физ.лица), м3 (компонент вода)', amountKopecks: 5_000 },
    { label: 'ГВС (физ.лица), Гкал (компонент тепло)', amountKopecks: 2_241 },
    { label: 'Задолженность за прошлые периоды', amountKopecks: 20_000 },
  ],
  paymentDueBy: '2026-11-10',
  payee: {
    name: 'МУП «Уфимские инженерные сети» ГО г. Уфа РБ',
    inn: '0276000128',
    kpp: '027601001',
    bankName: 'ПАО СБЕРБАНК',
    bic: '048073601',
    correspondentAccount: '30101810300000000601',
    settlementAccount: '40702810206000012345',
    address: '450000, Республика Башкортостан, г. Уфа, ул. Ленина, д. 52',
    phone: '8-800-250-52-80',
  },
  purpose: 'Оплата за отопление и ГВС, л/с 820000001, за 10.2026',
};

describe('payment amounts', () => {
  it('allows from one kopeck to one million roubles', () => {
    expect(paymentAmountProblem(1)).toBeNull();
    expect(paymentAmountProblem(123_241)).toBeNull();
    expect(paymentAmountProblem(MAX_PAYMENT_KOPECKS)).toBeNull();
    expect(MAX_PAYMENT_KOPECKS).toBe(1_000_000 * 100);
  });

  it('refuses zero, negative, fractional and larger amounts', () => {
    expect(paymentAmountProblem(0)).toBe('pay.errors.notPositive');
    expect(paymentAmountProblem(-100)).toBe('pay.errors.notPositive');
    expect(paymentAmountProblem(0.5)).toBe('pay.errors.notKopecks');
    expect(paymentAmountProblem(MAX_PAYMENT_KOPECKS + 1)).toBe('pay.errors.tooLarge');
    // The catalogs write the limit out: they must say the same amount as the check.
    for (const catalog of [ru, ba, en]) expect(catalog.pay.errors.tooLarge).toContain('1 000 000 ₽');
  });
});

describe('QR payload from an invoice', () => {
  it('maps the payee requisites onto the standard fields', () => {
    expect(payeeRequisites(invoice.payee)).toEqual({
      name: invoice.payee.name,
      personalAcc: '40702810206000012345',
      bankName: 'ПАО СБЕРБАНК',
      bic: '048073601',
      correspAcc: '30101810300000000601',
      payeeInn: '0276000128',
      kpp: '027601001',
    });
  });

  it('carries the chosen sum, account, period, purpose, surname and address, and keeps the standard', () => {
    const payload = paymentQrPayloadFor(invoice, 50_075);
    expect(paymentQrPayloadProblems(payload)).toEqual([]);
    expect(Object.fromEntries(parsePaymentQrPayload(payload).fields)).toEqual({
      Name: invoice.payee.name,
      PersonalAcc: '40702810206000012345',
      BankName: 'ПАО СБЕРБАНК',
      BIC: '048073601',
      CorrespAcc: '30101810300000000601',
      KPP: '027601001',
      PayeeINN: '0276000128',
      Purpose: invoice.purpose,
      Sum: '50075',
      PersAcc: '820000001',
      PaymPeriod: '10.2026',
      TechCode: '02',
      LastName: 'Гарипова',
      PayerAddress: invoice.address,
    });
  });

  it('draws the QR code as a plain SVG without scripts or links', async () => {
    const svg = await paymentQrSvg(paymentQrPayloadFor(invoice, 50_075));
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toMatch(/viewBox="0 0 \d+ \d+"/);
    expect(svg).not.toMatch(/<script|href|on\w+=/i);
    expect(await paymentQrSvg(paymentQrPayloadFor(invoice, 50_076))).not.toBe(svg);
  });

  it('stores the payload as exactly one byte-mode segment of its UTF-8 bytes, as the printer does', async () => {
    const payload = paymentQrPayloadFor(invoice, 50_075);
    const symbol = QRCode.create(paymentQrSegments(payload), { errorCorrectionLevel: PAYMENT_QR_ERROR_CORRECTION });
    expect(symbol.segments).toHaveLength(1);
    const [segment] = symbol.segments;
    expect(segment?.mode.id).toBe('Byte');
    expect(Buffer.from((segment as unknown as { data: Uint8Array }).data).equals(Buffer.from(payload, 'utf8'))).toBe(true);
    // The SVG is drawn from that same symbol: its side is the symbol's modules plus two quiet modules each side.
    const side = symbol.modules.size + 4;
    expect(await paymentQrSvg(payload)).toContain(`viewBox="0 0 ${side} ${side}"`);
  });
});

describe('payment slip', () => {
  it('holds what the printed slip shows, with the QR text for the chosen amount', () => {
    const slip = buildPaymentSlip(invoice, 200_000, '2026-11-20');
    expect(slip).toMatchObject({
      date: '2026-11-20',
      payee: invoice.payee,
      accountNumber: '820000001',
      payerName: invoice.payerName,
      address: invoice.address,
      billingPeriod: '2026-10',
      amountKopecks: 200_000,
      amountDueKopecks: 123_241,
      previousBalanceKopecks: 20_000,
      breakdown: invoice.breakdown,
      paymentDueBy: '2026-11-10',
      purpose: invoice.purpose,
    });
    expect(Object.fromEntries(parsePaymentQrPayload(slip.qrPayload ?? '').fields).Sum).toBe('200000');
    // Requisites that fail their checks give a slip without a QR code, never a QR a bank app refuses.
    expect(buildPaymentSlip({ ...invoice, payee: { ...invoice.payee, inn: '0276000123' } }, 200_000, '2026-11-20').qrPayload).toBeNull();
    expect(() => paymentQrPayloadFor({ ...invoice, payee: { ...invoice.payee, settlementAccount: '40702810406000012345' } }, 1)).toThrow(
      /settlement account 40702810406000012345 fails the control key/,
    );
    // A copy: changing the slip does not change the invoice it came from.
    slip.breakdown[0]!.amountKopecks = 1;
    expect(invoice.breakdown[0]!.amountKopecks).toBe(96_000);
  });
});
