// The readings confirmation on paper: each meter's previous and new reading, and the number.
import type { Receipt, ReceiptBlock } from '../../core/printing/receipt';
import { footer, russianDate, type ReceiptContext } from '../../core/printing/document-parts';

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
