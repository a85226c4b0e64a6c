// The payment slip on paper: requisites, payer, breakdown, the amount chosen and its QR code.
import { formatRubles, type Receipt, type ReceiptBlock } from '../../core/printing/receipt';
import { footer, russianDate, type ReceiptContext } from '../../core/printing/document-parts';
import type { Payee } from '../../core/billing/billing-wire';
import type { PaymentSlip } from './payment-slip';

/** The payee's name and requisites, centred, as every bill and slip of the utility prints them. */
export function payeeBlocks(payee: Payee): ReceiptBlock[] {
  return [
    { kind: 'text', text: payee.name, align: 'center', bold: true },
    { kind: 'text', text: `ИНН ${payee.inn} КПП ${payee.kpp}`, align: 'center' },
    { kind: 'text', text: `р/с ${payee.settlementAccount}`, align: 'center' },
    { kind: 'text', text: `${payee.bankName}, БИК ${payee.bic}`, align: 'center' },
    { kind: 'text', text: `к/с ${payee.correspondentAccount}`, align: 'center' },
  ];
}

/** Printed instead of the QR code when the payee's requisites failed the kiosk's checks. */
export const PAYEE_REFUSED_NOTE =
  'QR-кода нет: реквизиты получателя платежа не прошли проверку. Оплатите в кассе МУП УИС или по реквизитам выше; сотрудник офиса предупреждён.';

export function paymentSlipReceipt(slip: PaymentSlip, context: ReceiptContext): Receipt {
  return {
    kind: 'payment-slip',
    blocks: [
      { kind: 'title', text: 'Квитанция на оплату' },
      ...payeeBlocks(slip.payee),
      { kind: 'rule' },
      { kind: 'pair', label: 'Лицевой счёт', value: slip.accountNumber },
      { kind: 'text', text: `Плательщик: ${slip.payerName}` },
      { kind: 'text', text: `Адрес: ${slip.address}` },
      { kind: 'pair', label: 'Расчётный период', value: russianDate(slip.billingPeriod) },
      { kind: 'rule' },
      ...slip.breakdown.map((line): ReceiptBlock => ({ kind: 'pair', label: line.label, value: formatRubles(line.amountKopecks) })),
      { kind: 'pair', label: 'Начислено к оплате', value: formatRubles(slip.amountDueKopecks) },
      { kind: 'pair', label: 'СУММА ПЛАТЕЖА', value: formatRubles(slip.amountKopecks), bold: true },
      { kind: 'pair', label: 'Оплатить до', value: russianDate(slip.paymentDueBy) },
      { kind: 'blank' },
      slip.qrPayload
        ? { kind: 'qr', payload: slip.qrPayload, caption: 'Отсканируйте QR-код в приложении банка' }
        : { kind: 'text', text: PAYEE_REFUSED_NOTE, align: 'center' },
      ...footer(context),
    ],
  };
}
