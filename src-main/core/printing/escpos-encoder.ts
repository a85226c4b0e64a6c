// Turns a laid-out receipt into ESC/POS bytes with node-thermal-printer, in a fresh buffer per
// receipt: initialise, select the Cyrillic code page, print, cut. Two known pitfalls are avoided:
// its cut re-initialises the printer (so nothing is printed after the cut), and its Epson QR
// command writes a wrong length for non-ASCII payloads (so the QR bytes are written here, with
// the byte length of the payload's actual encoding).
import { CharacterSet, PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import iconv from 'iconv-lite';
import type { PrintedLine } from './receipt';

export type CommandSet = 'epson' | 'star';
export type CodePage = 'cp866' | 'wpc1251';

export interface EncoderSettings {
  commandSet: CommandSet;
  codePage: CodePage;
  columns: number;
}

const CHARACTER_SETS: Record<CodePage, CharacterSet> = {
  cp866: CharacterSet.PC866_CYRILLIC2,
  wpc1251: CharacterSet.WPC1251_CYRILLIC,
};

const INIT = Buffer.from([0x1b, 0x40]);

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
      printer.add(qrCommand(line.payload, settings.commandSet));
      printer.newLine();
      continue;
    }
    if (line.align === 'center') printer.alignCenter();
    else if (line.align === 'right') printer.alignRight();
    else printer.alignLeft();
    printer.bold(line.bold);
    if (line.large) printer.setTextQuadArea();
    printer.println(line.text);
    if (line.large) printer.setTextNormal();
    if (line.bold) printer.bold(false);
  }
  printer.alignLeft();
  printer.cut();
  return printer.getBuffer();
}

/** The bytes a QR payload is stored as: windows-1251 when its GOST header says so (`ST00011`), else UTF-8. */
export function qrPayloadBytes(payload: string): Buffer {
  return payload.startsWith('ST00011') ? iconv.encode(payload, 'win1251') : Buffer.from(payload, 'utf8');
}

/** QR model 2, module size 6, error correction M (GOST R 56042's usual level), then print. */
export function qrCommand(payload: string, commandSet: CommandSet): Buffer {
  const data = qrPayloadBytes(payload);
  if (commandSet === 'star') {
    return Buffer.concat([
      Buffer.from([0x1b, 0x1d, 0x79, 0x53, 0x30, 0x02]), // model 2
      Buffer.from([0x1b, 0x1d, 0x79, 0x53, 0x31, 0x01]), // error correction M
      Buffer.from([0x1b, 0x1d, 0x79, 0x53, 0x32, 0x06]), // cell size 6
      Buffer.from([0x1b, 0x1d, 0x79, 0x44, 0x31, 0x00, data.length & 0xff, data.length >> 8]),
      data,
      Buffer.from([0x1b, 0x1d, 0x79, 0x50]), // print
    ]);
  }
  const storeLength = data.length + 3;
  return Buffer.concat([
    Buffer.from([0x1d, 0x28, 0x6b, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00]), // model 2
    Buffer.from([0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x43, 0x06]), // module size 6
    Buffer.from([0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x45, 0x31]), // error correction M
    Buffer.from([0x1d, 0x28, 0x6b, storeLength & 0xff, storeLength >> 8, 0x31, 0x50, 0x30]),
    data,
    Buffer.from([0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30]), // print the stored symbol
  ]);
}
