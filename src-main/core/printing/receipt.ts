// One receipt layout model for both the paper and the screen: a receipt is a list of blocks, laid
// out once into fixed-width lines for the paper width; the ESC/POS encoder prints those lines and
// the on-screen preview shows the same lines, so the customer sees what will come out.
import { printableText, type CodePage } from './code-page-text';
import { fitQr, qrModules as qrModulesOf, type ShortenedField } from './qr-fit';

export type ReceiptKind = 'payment-slip' | 'readings-confirmation' | 'statement' | 'appeal-ticket' | 'test-page' | 'training-bill';

export type ReceiptBlock =
  | { kind: 'title'; text: string }
  | { kind: 'text'; text: string; align?: 'left' | 'center' | 'right'; bold?: boolean }
  /** A label on the left and a value on the right («К оплате ........ 1 232,41 руб.»). */
  | { kind: 'pair'; label: string; value: string; bold?: boolean }
  | { kind: 'rule' }
  | { kind: 'blank' }
  | { kind: 'qr'; payload: string; caption?: string }
  /**
   * Rows of cells in aligned columns: the first column left, the others right-aligned (amounts).
   * A row too wide for the paper prints its first cell on one line and the others on the next.
   */
  | { kind: 'table'; header: string[]; rows: string[][] };

export interface Receipt {
  kind: ReceiptKind;
  blocks: ReceiptBlock[];
}

export type PrintedLine =
  | { kind: 'text'; text: string; align: 'left' | 'center' | 'right'; bold: boolean; large: boolean }
  /** `moduleSize` in printer dots, chosen so the symbol fits the paper (see qr-fit.ts). */
  | { kind: 'qr'; payload: string; moduleSize: number };

/** Characters per line in the printer's font A: 58 mm paper → 32, 80 mm → 48. */
export function columnsFor(widthMm: 58 | 80): number {
  return widthMm === 58 ? 32 : 48;
}

const SHORTENED_NOTES: Record<ShortenedField, string> = {
  'payer-address-removed': 'без адреса плательщика',
  'purpose-cut': 'назначение платежа сокращено',
  'purpose-removed': 'без назначения платежа',
};

/**
 * Lays a receipt out for `columns` characters. Large (double-size) titles get half the columns.
 * Text is first made printable: characters the code page lacks (both Cyrillic code pages when none
 * is given) are spelled plainly. A QR code gets the module size that fits the paper; if its payload
 * had to be shortened to fit, or cannot fit at all, the receipt says so in words.
 */
export function layoutReceipt(receipt: Receipt, columns: number, codePage?: CodePage): PrintedLine[] {
  const lines: PrintedLine[] = [];
  const plain = (value: string) => printableText(value, codePage);
  const text = (value: string, align: 'left' | 'center' | 'right', bold: boolean, large = false) => {
    for (const line of wrap(plain(value), large ? Math.floor(columns / 2) : columns))
      lines.push({ kind: 'text', text: line, align, bold, large });
  };
  for (const block of receipt.blocks) {
    switch (block.kind) {
      case 'title':
        text(block.text, 'center', true, true);
        break;
      case 'text':
        text(block.text, block.align ?? 'left', block.bold ?? false);
        break;
      case 'pair': {
        const label = plain(block.label);
        const value = plain(block.value);
        if (label.length + 1 + value.length <= columns) {
          lines.push({
            kind: 'text',
            text: label + ' '.repeat(columns - label.length - value.length) + value,
            align: 'left',
            bold: block.bold ?? false,
            large: false,
          });
        } else {
          text(label, 'left', block.bold ?? false);
          text(value, 'right', block.bold ?? false);
        }
        break;
      }
      case 'rule':
        lines.push({ kind: 'text', text: '-'.repeat(columns), align: 'left', bold: false, large: false });
        break;
      case 'blank':
        lines.push({ kind: 'text', text: '', align: 'left', bold: false, large: false });
        break;
      case 'table':
        layoutTable(block, columns, plain, lines);
        break;
      case 'qr': {
        const fit = fitQr(block.payload, columns);
        if (!fit.fits) {
          text('QR-код не помещается на бумагу этой ширины. Оплатите по реквизитам, указанным на квитанции.', 'center', false);
          break;
        }
        lines.push({ kind: 'qr', payload: fit.payload, moduleSize: fit.moduleSize });
        if (block.caption) text(block.caption, 'center', false);
        if (fit.shortened.length > 0) {
          text(
            `QR-код сокращён, чтобы поместиться на бумагу: ${fit.shortened.map((field) => SHORTENED_NOTES[field]).join(', ')}.`,
            'center',
            false,
          );
        }
        break;
      }
    }
  }
  return lines;
}

/** Lays out a table: columns as wide as their widest cell, the spare width spread between them. */
function layoutTable(
  table: { header: string[]; rows: string[][] },
  columns: number,
  plain: (value: string) => string,
  lines: PrintedLine[],
): void {
  const rows = [table.header, ...table.rows].map((row) => row.map(plain));
  const count = Math.max(...rows.map((row) => row.length));
  const widths = Array.from({ length: count }, (_, index) => Math.max(...rows.map((row) => row[index]?.length ?? 0)));
  const spare = columns - widths.reduce((sum, width) => sum + width, 0) - (count - 1);
  const line = (text: string, bold: boolean) => lines.push({ kind: 'text', text, align: 'left', bold, large: false });
  rows.forEach((row, index) => {
    const bold = index === 0;
    if (spare < 0) {
      // Too wide for this paper: the first cell, then the others (wrapped, right-aligned).
      line(row[0] ?? '', bold);
      for (const rest of wrap(row.slice(1).join(' '), columns))
        lines.push({ kind: 'text', text: rest, align: 'right', bold, large: false });
      return;
    }
    // The spare width goes in front of the amount columns, evenly, so every row lines up.
    const gap = Math.floor(spare / Math.max(1, count - 1));
    const cells = row.map((cell, column) => (column === 0 ? cell.padEnd(widths[0] ?? 0) : cell.padStart((widths[column] ?? 0) + 1 + gap)));
    line(cells.join('').trimEnd(), bold);
  });
}

/**
 * How long the laid-out receipt is on paper, in millimetres: a line of font A at the printers'
 * default line spacing of 1/6 inch (4.23 mm), a double-height title line twice that, a QR code its
 * modules times their dots at 8 dots per mm plus a line under it. An estimate for the customer
 * (the feed before the cut is left out), not a measurement.
 */
export function paperLengthMm(lines: PrintedLine[]): number {
  const lineMm = 25.4 / 6;
  return lines.reduce((total, line) => {
    if (line.kind === 'qr') return total + (qrModulesOf(line.payload) * line.moduleSize) / 8 + lineMm;
    return total + (line.large ? 2 * lineMm : lineMm);
  }, 0);
}

/** Plain text of the laid-out receipt, as the customer sees it in the preview and the tests decode it. */
export function receiptText(lines: PrintedLine[], columns: number): string[] {
  return lines.map((line) => {
    if (line.kind === 'qr') return '[QR]';
    const width = line.large ? Math.floor(columns / 2) : columns;
    if (line.align === 'center') return ' '.repeat(Math.max(0, Math.floor((width - line.text.length) / 2))) + line.text;
    if (line.align === 'right') return ' '.repeat(Math.max(0, width - line.text.length)) + line.text;
    return line.text;
  });
}

/** Text a Cyrillic thermal code page can print (both CP866 and WPC1251 when none is given); never "?". */
export function printable(value: string, codePage?: CodePage): string {
  return printableText(value, codePage);
}

/** Word wrap to `width`; words longer than a line are cut. */
export function wrap(value: string, width: number): string[] {
  const result: string[] = [];
  for (const paragraph of value.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ').filter((part) => part.length > 0)) {
      let rest = word;
      while (rest.length > width) {
        if (line) result.push(line);
        line = '';
        result.push(rest.slice(0, width));
        rest = rest.slice(width);
      }
      if (!line) line = rest;
      else if (line.length + 1 + rest.length <= width) line += ` ${rest}`;
      else {
        result.push(line);
        line = rest;
      }
    }
    result.push(line);
  }
  return result;
}

/** `123241` → `1 232,41 руб.`: the Russian way, with the currency spelled so every code page prints it. */
export function formatRubles(kopecks: number): string {
  return `${formatAmount(kopecks)} руб.`;
}

/**
 * `123241` → `1 232,41`, for columns headed «руб.»; `grouped: false` → `1232,41`, for narrow
 * columns where every character counts.
 */
export function formatAmount(kopecks: number, grouped = true): string {
  const sign = kopecks < 0 ? '-' : '';
  const absolute = Math.abs(kopecks);
  const digits = Math.floor(absolute / 100).toString();
  const rubles = grouped ? digits.replace(/\B(?=(\d{3})+(?!\d))/g, ' ') : digits;
  return `${sign}${rubles},${String(absolute % 100).padStart(2, '0')}`;
}
