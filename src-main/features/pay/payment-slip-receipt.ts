// The payment slip on paper: requisites, payer, breakdown, the amount chosen and its QR code.
import { formatRubles, type Receipt, type ReceiptBlock } from '../../core/printing/receipt';
import { footer, russianDate, type ReceiptContext } from '../../core/printing/document-parts';
import type { PaymentSlip } from './payment-slip';

export function paymentSlipReceipt(slip: PaymentSlip, context: ReceiptContext): Receipt {
  return {
    kind: 'payment-slip',
    blocks: [
      { kind: 'title', text: 'Квитанция на оплату' },
      { kind: 'text', text: slip.payee.name, align: 'center', bold: true },
      { kind: 'text', text: `ИНН ${slip.payee.inn} КПП ${slip.payee.kpp}`, align: 'center' },
      { kind: 'text', text: `р/с ${slip.payee.settlementAccount}`, align: 'center' },
      { kind: 'text', text: `${slip.payee.bankName}, БИК ${slip.payee.bic}`, align: 'center' },
      { kind: 'text', text: `к/с ${slip.payee.correspondentAccount}`, align: 'center' },
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
      { kind: 'qr', payload: slip.qrPayload, caption: 'Отсканируйте QR-код в приложении банка' },
      ...footer(context),
    ],
  };
}
