// What each printed document says, as receipt models: the payment slip, the readings
// confirmation, the compact statement and the appeal ticket. Plain data in, blocks out; the same
// model is previewed on screen and printed.
import type { Statement } from '../billing/billing-wire';
import type { PaymentSlip } from '../payment/payment-slip';
import { formatRubles, type Receipt, type ReceiptBlock } from './receipt';

export interface ReceiptContext {
  terminalId: string;
  officeName: string;
  /** `DD.MM.YYYY HH:MM` in Ufa. */
  printedAt: string;
}

const footer = (context: ReceiptContext): ReceiptBlock[] => [
  { kind: 'rule' },
  { kind: 'pair', label: 'Терминал', value: context.terminalId },
  { kind: 'text', text: context.officeName },
  { kind: 'pair', label: 'Напечатано', value: context.printedAt },
  { kind: 'text', text: 'Контакт-центр МУП УИС: 8-800-250-52-80 (бесплатно)', align: 'center' },
];

/** `2026-10` → `10.2026`; `2026-11-20` → `20.11.2026`. */
export function russianDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return day ? `${day}.${month}.${year}` : `${month}.${year}`;
}

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

export interface ReadingsConfirmation {
  accountNumber: string;
  /** The billing centre's number once delivered; null while queued. */
  registrationNumber: string | null;
  localReference: string;
  delivered: boolean;
  countsForPeriod: string | null;
  /** When the customer submitted, `DD.MM.YYYY HH:MM` in Ufa. */
  submittedAt: string;
  lines: Array<{ serialNumber: string; unit: string; previous: number | null; value: string | number; consumption: number | null }>;
}

export function readingsConfirmationReceipt(confirmation: ReadingsConfirmation, context: ReceiptContext): Receipt {
  return {
    kind: 'readings-confirmation',
    blocks: [
      { kind: 'title', text: 'Показания приборов учёта' },
      { kind: 'pair', label: 'Лицевой счёт', value: confirmation.accountNumber },
      { kind: 'pair', label: 'Передано', value: confirmation.submittedAt },
      ...(confirmation.countsForPeriod
        ? [{ kind: 'pair', label: 'Расчётный период', value: russianDate(confirmation.countsForPeriod) } as const]
        : []),
      { kind: 'rule' },
      ...confirmation.lines.flatMap((line): ReceiptBlock[] => [
        { kind: 'text', text: `Счётчик № ${line.serialNumber}`, bold: true },
        { kind: 'pair', label: 'Предыдущее', value: line.previous === null ? '-' : `${line.previous} ${line.unit}` },
        { kind: 'pair', label: 'Новое', value: `${line.value} ${line.unit}` },
        { kind: 'pair', label: 'Расход', value: line.consumption === null ? '-' : `${line.consumption} ${line.unit}` },
      ]),
      { kind: 'rule' },
      confirmation.delivered && confirmation.registrationNumber
        ? { kind: 'pair', label: 'Регистрационный номер', value: confirmation.registrationNumber, bold: true }
        : { kind: 'pair', label: 'Номер на терминале', value: confirmation.localReference, bold: true },
      {
        kind: 'text',
        text: confirmation.delivered
          ? 'Показания приняты расчётным центром. Для расчёта принимаются последние переданные показания.'
          : 'Показания приняты терминалом и будут переданы в расчётный центр, как только появится связь.',
      },
      ...footer(context),
    ],
  };
}

export function statementReceipt(statement: Statement, context: ReceiptContext): Receipt {
  return {
    kind: 'statement',
    blocks: [
      { kind: 'title', text: 'Начисления и платежи' },
      { kind: 'pair', label: 'Лицевой счёт', value: statement.accountNumber },
      { kind: 'pair', label: 'Период', value: `${russianDate(statement.from)} - ${russianDate(statement.to)}` },
      { kind: 'pair', label: 'Долг на начало', value: formatRubles(statement.openingBalanceKopecks) },
      { kind: 'rule' },
      ...statement.months.flatMap((month): ReceiptBlock[] => [
        { kind: 'text', text: russianDate(month.period), bold: true },
        { kind: 'pair', label: '  начислено', value: formatRubles(month.chargedKopecks) },
        { kind: 'pair', label: '  оплачено', value: formatRubles(month.paidKopecks) },
        { kind: 'pair', label: '  на конец месяца', value: formatRubles(month.closingBalanceKopecks) },
      ]),
      { kind: 'rule' },
      { kind: 'pair', label: 'Начислено за период', value: formatRubles(statement.chargedKopecks) },
      { kind: 'pair', label: 'Оплачено за период', value: formatRubles(statement.paidKopecks) },
      {
        kind: 'pair',
        label: statement.closingBalanceKopecks >= 0 ? 'Задолженность на конец' : 'Переплата на конец',
        value: formatRubles(Math.abs(statement.closingBalanceKopecks)),
        bold: true,
      },
      ...footer(context),
    ],
  };
}

export interface AppealTicket {
  accountNumber: string;
  appealNumber: string | null;
  localReference: string;
  topic: string;
  /** `DD.MM.YYYY HH:MM` in Ufa. */
  submittedAt: string;
  delivered: boolean;
}

export function appealTicketReceipt(ticket: AppealTicket, context: ReceiptContext): Receipt {
  return {
    kind: 'appeal-ticket',
    blocks: [
      { kind: 'title', text: 'Обращение' },
      { kind: 'pair', label: 'Лицевой счёт', value: ticket.accountNumber },
      ticket.appealNumber
        ? { kind: 'pair', label: 'Номер обращения', value: ticket.appealNumber, bold: true }
        : { kind: 'pair', label: 'Номер на терминале', value: ticket.localReference, bold: true },
      { kind: 'pair', label: 'Дата', value: ticket.submittedAt },
      { kind: 'text', text: `Тема: ${ticket.topic}` },
      {
        kind: 'text',
        text: ticket.delivered
          ? 'Обращение зарегистрировано. Ответ придёт на указанный вами контакт.'
          : 'Обращение принято терминалом и будет передано, как только появится связь.',
      },
      ...footer(context),
    ],
  };
}
