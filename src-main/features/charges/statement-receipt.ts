// The statement on paper. In full: per month charged, paid and the balance, then the totals. In
// compact, for long periods: one table line a month with the same three amounts.
import type { Statement } from '../../core/billing/billing-wire';
import { formatAmount, formatRubles, type Receipt, type ReceiptBlock } from '../../core/printing/receipt';
import { footer, russianDate, type ReceiptContext } from '../../core/printing/document-parts';

export function statementReceipt(statement: Statement, context: ReceiptContext): Receipt {
  return statementPaper(
    statement,
    context,
    statement.months.flatMap((month): ReceiptBlock[] => [
      { kind: 'text', text: russianDate(month.period), bold: true },
      { kind: 'pair', label: '  начислено', value: formatRubles(month.chargedKopecks) },
      { kind: 'pair', label: '  оплачено', value: formatRubles(month.paidKopecks) },
      { kind: 'pair', label: '  на конец месяца', value: formatRubles(month.closingBalanceKopecks) },
    ]),
  );
}

/**
 * One line a month: month, charged, paid, balance at the month's end. Amounts go without «руб.»
 * and thousands spaces, and the month as `MM.YY` (the period with its years is in the header), so
 * four columns fit 58 mm paper's 32 characters; a wider row falls back to two lines.
 */
export function statementCompactReceipt(statement: Statement, context: ReceiptContext): Receipt {
  const amount = (kopecks: number) => formatAmount(kopecks, false);
  return statementPaper(statement, context, [
    { kind: 'text', text: 'Суммы в рублях. Долг - на конец месяца, минус - переплата.' },
    {
      kind: 'table',
      header: ['Мес.', 'Начисл.', 'Оплач.', 'Долг'],
      rows: statement.months.map((month) => [
        russianDate(month.period).replace(/\.\d\d(\d\d)$/, '.$1'),
        amount(month.chargedKopecks),
        amount(month.paidKopecks),
        amount(month.closingBalanceKopecks),
      ]),
    },
  ]);
}

/** What both forms share: the header with the account and period, the months, the totals, the footer. */
function statementPaper(statement: Statement, context: ReceiptContext, months: ReceiptBlock[]): Receipt {
  return {
    kind: 'statement',
    blocks: [
      { kind: 'title', text: 'Начисления и платежи' },
      { kind: 'pair', label: 'Лицевой счёт', value: statement.accountNumber },
      { kind: 'pair', label: 'Период', value: `${russianDate(statement.from)} - ${russianDate(statement.to)}` },
      { kind: 'pair', label: 'Долг на начало', value: formatRubles(statement.openingBalanceKopecks) },
      { kind: 'rule' },
      ...months,
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
