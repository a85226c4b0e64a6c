// What every printed document shares: the context it is printed in, the footer, the way dates
// read, and the refusal for a document that is not this visit's. Each feature lays out its own
// document (plain data in, blocks out; the same model is previewed on screen and printed).
import { KioskFailure } from '../api/contract';
import { message } from '../messages/messages';
import { ufaDate, ufaTime } from '../time/calendar';
import type { Receipt, ReceiptBlock } from './receipt';

export interface ReceiptContext {
  terminalId: string;
  officeName: string;
  /** `DD.MM.YYYY HH:MM` in Ufa. */
  printedAt: string;
}

export const footer = (context: ReceiptContext): ReceiptBlock[] => [
  { kind: 'rule' },
  { kind: 'pair', label: 'Терминал', value: context.terminalId },
  { kind: 'text', text: context.officeName },
  { kind: 'pair', label: 'Напечатано', value: context.printedAt },
  { kind: 'text', text: 'Контакт-центр МУП УИС: 8-800-250-52-80 (бесплатно)', align: 'center' },
];

/** Where and when a document is printed: terminal, office, now in Ufa. */
export function receiptContext(config: { terminalId: string; officeName: string }, clock: () => number): ReceiptContext {
  return { terminalId: config.terminalId, officeName: config.officeName, printedAt: ufaDateTime(clock()) };
}

/** `DD.MM.YYYY HH:MM` in Ufa, as receipts print an instant. */
export function ufaDateTime(instantMs: number): string {
  return `${russianDate(ufaDate(instantMs))} ${ufaTime(instantMs)}`;
}

/**
 * A copy of a receipt that has already come out of the printer, so nobody can take it for a second
 * original (a second payment slip, a second ticket): «КОПИЯ» in the title's style at the top, then
 * when the original and the copy were printed; the rest is the original, unchanged.
 */
export function copyOfReceipt(receipt: Receipt, firstPrintedAtMs: number, copyPrintedAtMs: number): Receipt {
  return {
    ...receipt,
    blocks: [
      { kind: 'title', text: 'КОПИЯ' },
      { kind: 'text', text: `Напечатано впервые: ${ufaDateTime(firstPrintedAtMs)} (время уфимское)`, align: 'center' },
      { kind: 'text', text: `Копия напечатана: ${ufaDateTime(copyPrintedAtMs)} (время уфимское)`, align: 'center' },
      { kind: 'rule' },
      ...receipt.blocks,
    ],
  };
}

export function documentNotFound(): KioskFailure {
  return new KioskFailure({ code: 'not-found', message: message('print.problems.documentNotFound') });
}

/** `2026-10` → `10.2026`; `2026-11-20` → `20.11.2026`. */
export function russianDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return day ? `${day}.${month}.${year}` : `${month}.${year}`;
}
