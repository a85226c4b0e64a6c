// The readings confirmation on paper: each meter's previous and new reading, and the number.
import type { Receipt, ReceiptBlock } from '../../core/printing/receipt';
import { footer, russianDate, type ReceiptContext } from '../../core/printing/document-parts';
import { formatNumber, formatReading } from './reading-checks';

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

/**
 * The meter's precision: the decimal places of the reading as the customer typed it («416,260» →
 * 3). A reading journaled as a bare number has lost its trailing zeros; its own places are used.
 */
function decimalsOf(value: string | number): number {
  const fraction = /[.,](\d*)$/.exec(String(value).trim());
  return fraction?.[1]?.length ?? 0;
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
      ...confirmation.lines.flatMap((line): ReceiptBlock[] => {
        // As the confirmation screen shows them: readings in the meter's precision, consumption
        // without trailing zeros, both with a decimal comma.
        const decimals = decimalsOf(line.value);
        const reading = (value: string | number) => formatReading(Number(String(value).replace(',', '.')), decimals);
        return [
          { kind: 'text', text: `Счётчик № ${line.serialNumber}`, bold: true },
          { kind: 'pair', label: 'Предыдущее', value: line.previous === null ? '-' : `${reading(line.previous)} ${line.unit}` },
          { kind: 'pair', label: 'Новое', value: `${reading(line.value)} ${line.unit}` },
          { kind: 'pair', label: 'Расход', value: line.consumption === null ? '-' : `${formatNumber(line.consumption)} ${line.unit}` },
        ];
      }),
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
