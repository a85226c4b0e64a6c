// The compact statement on paper: per month charged, paid and the balance, then the totals.
import type { Statement } from '../../core/billing/billing-wire';
import { formatRubles, type Receipt, type ReceiptBlock } from '../../core/printing/receipt';
import { footer, russianDate, type ReceiptContext } from '../../core/printing/document-parts';

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
