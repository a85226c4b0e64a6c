// Turns a laid-out receipt into ESC/POS bytes with node-thermal-printer, in a fresh buffer per
// receipt: initialise, select the Cyrillic code page, print, cut. Known pitfalls are avoided:
// - its cut re-initialises the printer (so nothing is printed after the cut);
// - its Epson QR command writes a wrong length for non-ASCII payloads (so the QR bytes are written
//   here, with the byte length of the payload's actual encoding);
// - its text encoding turns a character the code page lacks into "?" or silently switches to
//   another code page (so text is made printable and encoded here, in the configured code page);
// - Epson's `ESC ! n` (character size) also sets or clears emphasis (bit 3): sent after `ESC E 1`
//   it un-bolds the title, so on Epson one `ESC ! n` carries both size and emphasis.
import { CharacterSet, PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import iconv from 'iconv-lite';
import { printableText, type CodePage } from './code-page-text';
import { qrPayloadBytes } from './qr-fit';
import type { PrintedLine } from './receipt';

export type CommandSet = 'epson' | 'star';
export type { CodePage } from './code-page-text';

export interface EncoderSettings {
  commandSet: CommandSet;
  codePage: CodePage;
  columns: number;
}

const CHARACTER_SETS: Record<CodePage, CharacterSet> = {
  cp866: CharacterSet.PC866_CYRILLIC2,
  wpc1251: CharacterSet.WPC1251_CYRILLIC,
};

const ICONV_NAMES: Record<CodePage, string> = { cp866: 'cp866', wpc1251: 'win1251' };

const INIT = Buffer.from([0x1b, 0x40]);

/** Epson `ESC ! n`: bit 3 emphasised, bit 4 double height, bit 5 double width. */
const epsonPrintMode = (bold: boolean, large: boolean) => Buffer.from([0x1b, 0x21, (bold ? 0x08 : 0) | (large ? 0x30 : 0)]);

export function encodeReceipt(lines: PrintedLine[], settings: EncoderSettings): Buffer {
  const printer = new ThermalPrinter({
    type: settings.commandSet === 'star' ? PrinterTypes.STAR : PrinterTypes.EPSON,
    // Never connected: this object only builds bytes; the kiosk's own transport sends them.
    interface: 'tcp://127.0.0.1:9',
    width: settings.columns,
    characterSet: CHARACTER_SETS[settings.codePage],
    removeSpecialCharacters: false,
  });
  // The constructor already selected the code page; the printer must be initialised before that.
  printer.setBuffer(Buffer.concat([INIT, printer.getBuffer() ?? Buffer.alloc(0)]));
  for (const line of lines) {
    if (line.kind === 'qr') {
      printer.alignCenter();
      printer.add(qrCommand(line.payload, settings.commandSet, line.moduleSize));
      printer.newLine();
      continue;
    }
    if (line.align === 'center') printer.alignCenter();
    else if (line.align === 'right') printer.alignRight();
    else printer.alignLeft();
    const styled = line.bold || line.large;
    if (settings.commandSet === 'epson') {
      if (styled) printer.add(epsonPrintMode(line.bold, line.large));
    } else {
      // Star's size (`ESC i`) and emphasis (`ESC E` / `ESC F`) are independent commands.
      if (line.large) printer.setTextQuadArea();
      if (line.bold) printer.bold(true);
    }
    // Idempotent on a line laid out for this code page; it also keeps "?" off paper for any other.
    printer.add(iconv.encode(printableText(line.text, settings.codePage), ICONV_NAMES[settings.codePage]));
    printer.newLine();
    if (settings.commandSet === 'epson') {
      if (styled) printer.add(epsonPrintMode(false, false));
    } else {
      if (line.large) printer.setTextNormal();
      if (line.bold) printer.bold(false);
    }
  }
  printer.alignLeft();
  printer.cut();
  return printer.getBuffer();
}

/**
 * QR model 2, the given module size (dots), error correction M (GOST R 56042's usual level, and the
 * level qr-fit.ts sizes the symbol for), then print.
 */
export function qrCommand(payload: string, commandSet: CommandSet, moduleSize: number): Buffer {
  const data = qrPayloadBytes(payload);
  if (commandSet === 'star') {
    return Buffer.concat([
      Buffer.from([0x1b, 0x1d, 0x79, 0x53, 0x30, 0x02]), // model 2
      Buffer.from([0x1b, 0x1d, 0x79, 0x53, 0x31, 0x01]), // error correction M
      Buffer.from([0x1b, 0x1d, 0x79, 0x53, 0x32, moduleSize]), // cell size
      Buffer.from([0x1b, 0x1d, 0x79, 0x44, 0x31, 0x00, data.length & 0xff, data.length >> 8]),
      data,
      Buffer.from([0x1b, 0x1d, 0x79, 0x50]), // print
    ]);
  }
  const storeLength = data.length + 3;
  return Buffer.concat([
    Buffer.from([0x1d, 0x28, 0x6b, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00]), // model 2
    Buffer.from([0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x43, moduleSize]), // module size
    Buffer.from([0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x45, 0x31]), // error correction M
    Buffer.from([0x1d, 0x28, 0x6b, storeLength & 0xff, storeLength >> 8, 0x31, 0x50, 0x30]),
    data,
    Buffer.from([0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30]), // print the stored symbol
  ]);
}
