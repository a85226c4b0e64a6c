// One receipt layout model for both the paper and the screen: a receipt is a list of blocks, laid
// out once into fixed-width lines for the paper width; the ESC/POS encoder prints those lines and
// the on-screen preview shows the same lines, so the customer sees what will come out.

export type ReceiptKind = 'payment-slip' | 'readings-confirmation' | 'statement' | 'appeal-ticket' | 'test-page';

export type ReceiptBlock =
  | { kind: 'title'; text: string }
  | { kind: 'text'; text: string; align?: 'left' | 'center' | 'right'; bold?: boolean }
  /** A label on the left and a value on the right («К оплате ........ 1 232,41 руб.»). */
  | { kind: 'pair'; label: string; value: string; bold?: boolean }
  | { kind: 'rule' }
  | { kind: 'blank' }
  | { kind: 'qr'; payload: string; caption?: string };

export interface Receipt {
  kind: ReceiptKind;
  blocks: ReceiptBlock[];
}

export type PrintedLine =
  { kind: 'text'; text: string; align: 'left' | 'center' | 'right'; bold: boolean; large: boolean } | { kind: 'qr'; payload: string };

/** Characters per line in the printer's font A: 58 mm paper → 32, 80 mm → 48. */
export function columnsFor(widthMm: 58 | 80): number {
  return widthMm === 58 ? 32 : 48;
}

/**
 * Lays a receipt out for `columns` characters. Large (double-size) titles get half the columns.
 * Text is first made printable: characters a Cyrillic code page lacks are replaced by plain ones.
 */
export function layoutReceipt(receipt: Receipt, columns: number): PrintedLine[] {
  const lines: PrintedLine[] = [];
  const text = (value: string, align: 'left' | 'center' | 'right', bold: boolean, large = false) => {
    for (const line of wrap(printable(value), large ? Math.floor(columns / 2) : columns))
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
        const label = printable(block.label);
        const value = printable(block.value);
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
      case 'qr':
        lines.push({ kind: 'qr', payload: block.payload });
        if (block.caption) text(block.caption, 'center', false);
        break;
    }
  }
  return lines;
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

const REPLACEMENTS: Array<[RegExp, string]> = [
  [/[«»„“”]/g, '"'],
  [/[‘’]/g, "'"],
  [/[—–‒]/g, '-'],
  [/₽/g, 'руб.'],
  [/…/g, '...'],
  [/[\u00a0\u202f\u2009]/g, ' '],
  [/[\r\t]/g, ' '],
];

/** Text a Cyrillic thermal code page (CP866 or WPC1251) can print. */
export function printable(value: string): string {
  let result = value;
  for (const [pattern, replacement] of REPLACEMENTS) result = result.replace(pattern, replacement);
  // Anything else outside ASCII and Cyrillic (emoji, Bashkir-only letters) becomes "?", never garbage.
  return result.replace(/[^\x20-\x7e\u0401\u0410-\u044f\u0451№\n]/gu, '?');
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
  const sign = kopecks < 0 ? '-' : '';
  const absolute = Math.abs(kopecks);
  const rubles = Math.floor(absolute / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${sign}${rubles},${String(absolute % 100).padStart(2, '0')} руб.`;
}
