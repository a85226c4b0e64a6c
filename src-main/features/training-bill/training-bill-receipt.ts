// The demo paper bill (ЕПД) on the receipt printer: marked as a training bill at both ends, the
// utility's requisites, the month, the account number with the «код квитанции» beside it, the payer,
// what is due and by when, the activation code while unregistered, and the payment QR code.
import type { z } from 'zod';
import { footer, russianDate, type ReceiptContext } from '../../core/printing/document-parts';
import { formatRubles, type Receipt, type ReceiptBlock } from '../../core/printing/receipt';
import { PAYEE_REFUSED_NOTE, payeeBlocks } from '../pay/payment-slip-receipt';
import type { trainingBillOutput } from './training-bill-contract';

export type TrainingBill = z.output<typeof trainingBillOutput>;

const TRAINING_BILL_MARK = 'УЧЕБНАЯ КВИТАНЦИЯ — НЕ ДЛЯ ОПЛАТЫ';

/** `2026-11` → `ноябрь 2026`. */
function russianMonth(period: string): string {
  const [year, month] = period.split('-').map(Number) as [number, number];
  const name = new Intl.DateTimeFormat('ru-RU', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, 1)));
  return `${name} ${year}`;
}

export function trainingBillReceipt(bill: TrainingBill, context: ReceiptContext): Receipt {
  return {
    kind: 'training-bill',
    blocks: [
      // Two double-size lines, broken where the mark reads best, even on 58 mm paper.
      { kind: 'title', text: 'УЧЕБНАЯ КВИТАНЦИЯ —' },
      { kind: 'title', text: 'НЕ ДЛЯ ОПЛАТЫ' },
      { kind: 'blank' },
      { kind: 'text', text: `Единый платёжный документ за ${russianMonth(bill.billingPeriod)}`, align: 'center', bold: true },
      ...payeeBlocks(bill.payee),
      { kind: 'rule' },
      // The code is printed beside the account number, as on the real bill.
      { kind: 'pair', label: `Лицевой счёт ${bill.accountNumber}`, value: `Код квитанции: ${bill.billCode}`, bold: true },
      { kind: 'text', text: `Плательщик: ${bill.holderName}` },
      { kind: 'text', text: `Адрес: ${bill.address}` },
      { kind: 'rule' },
      ...bill.breakdown.map((line): ReceiptBlock => ({ kind: 'pair', label: line.label, value: formatRubles(line.amountKopecks) })),
      { kind: 'pair', label: 'К ОПЛАТЕ', value: formatRubles(bill.amountDueKopecks), bold: true },
      { kind: 'pair', label: 'Оплатить до', value: russianDate(bill.paymentDueBy) },
      ...(bill.activationCode
        ? ([
            { kind: 'rule' },
            { kind: 'pair', label: 'Код активации', value: bill.activationCode, bold: true },
            { kind: 'text', text: 'для регистрации в личном кабинете' },
          ] satisfies ReceiptBlock[])
        : []),
      { kind: 'blank' },
      bill.qr
        ? { kind: 'qr', payload: bill.qr.payload, caption: 'QR-код для оплаты в приложении банка и для сканера терминала' }
        : bill.payeeRefused
          ? { kind: 'text', text: PAYEE_REFUSED_NOTE, align: 'center' }
          : { kind: 'text', text: 'Оплачивать нечего: QR-кода для оплаты нет. Номер лицевого счёта вводится вручную.', align: 'center' },
      { kind: 'blank' },
      { kind: 'text', text: TRAINING_BILL_MARK, align: 'center', bold: true },
      ...footer(context),
    ],
  };
}
