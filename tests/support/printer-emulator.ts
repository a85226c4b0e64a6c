// A TCP receipt printer for tests, speaking the status protocol of its command set: as an Epson it
// answers `DLE EOT 1/2/4`; as a Star (Star Line Mode) it answers `ESC ACK SOH` with an Automatic
// Status (ASB, in the LAN form: status expansion bit and a zero length), `ENQ` and `EOT` with one
// byte each, and — like a real Star — does not know `DLE EOT` (it is recorded as a protocol error
// and gets no answer). The state is set by the test (ready, paper near end, paper out, cover open,
// offline, or silent). It records every byte it is sent and decodes the bytes back into text lines
// (honouring the selected code page) with their emphasis and size, QR symbols (payload, module
// size, and the symbol's size in modules rebuilt from the stored data) and cuts — so tests assert
// what would really come out of the printer.
import iconv from 'iconv-lite';
import net from 'node:net';
import QRCode from 'qrcode';

export type EmulatedState = 'ready' | 'near-end' | 'paper-out' | 'cover-open' | 'offline' | 'silent';

export interface DecodedLine {
  text: string;
  /** Every character of the line printed emphasised. */
  bold: boolean;
  /** Every character of the line printed double width and double height. */
  large: boolean;
}

export interface DecodedQr {
  payload: string;
  /** Dots per module, as the printer was told. */
  moduleSize: number;
  errorCorrection: 'L' | 'M' | 'Q' | 'H';
  /** Modules per side of the symbol the printer builds from the stored bytes (byte mode). */
  modules: number;
}

export interface DecodedReceipt {
  lines: string[];
  styledLines: DecodedLine[];
  qrPayloads: string[];
  qrSymbols: DecodedQr[];
  cuts: number;
  codePages: string[];
}

const ESC_ACK_SOH = [0x1b, 0x06, 0x01];
const ENQ = 0x05;
const EOT = 0x04;

export class PrinterEmulator {
  state: EmulatedState = 'ready';
  /** Bytes of every connection, status queries removed, in arrival order. */
  readonly jobs: Buffer[] = [];
  /** The status queries received, by name (`DLE EOT 1`, `ESC ACK SOH`, `ENQ`, `EOT`), in order. */
  readonly statusQueries: string[] = [];
  /** Commands this command set does not have (a Star asked `DLE EOT`), in order. */
  readonly protocolErrors: string[] = [];
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();

  constructor(private readonly commandSet: 'epson' | 'star' = 'epson') {}

  async start(): Promise<string> {
    this.server = net.createServer((socket) => this.accept(socket));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `tcp://127.0.0.1:${(this.server.address() as net.AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Receipts that were cut, decoded. */
  printed(): DecodedReceipt[] {
    return this.jobs.map((job) => decodeEscPos(job, this.commandSet)).filter((receipt) => receipt.cuts > 0);
  }

  private accept(socket: net.Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => undefined);
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => {
      if (this.state === 'silent') return;
      // Status queries are real-time commands: they may arrive in the same chunk as receipt data,
      // are answered at once, and are not part of what is printed.
      chunks.push(this.commandSet === 'star' ? this.answerStar(chunk, socket) : this.answerEpson(chunk, socket));
    });
    socket.once('close', () => {
      const job = Buffer.concat(chunks);
      if (job.length > 0) this.jobs.push(job);
    });
  }

  private answerEpson(chunk: Buffer, socket: net.Socket): Buffer {
    const kept: Buffer[] = [];
    let rest = chunk;
    for (let index = rest.indexOf(0x10); index !== -1; index = rest.indexOf(0x10, index + 1)) {
      if (rest[index + 1] !== 0x04 || index + 2 >= rest.length) continue;
      const n = rest[index + 2] as number;
      this.statusQueries.push(`DLE EOT ${n}`);
      socket.write(Buffer.from([epsonStatusByte(this.state, n)]));
      kept.push(rest.subarray(0, index));
      rest = rest.subarray(index + 3);
      index = -1;
    }
    kept.push(rest);
    return Buffer.concat(kept);
  }

  private answerStar(chunk: Buffer, socket: net.Socket): Buffer {
    const kept: number[] = [];
    for (let index = 0; index < chunk.length; index += 1) {
      const byte = chunk[index] as number;
      if (byte === 0x1b && chunk[index + 1] === ESC_ACK_SOH[1] && chunk[index + 2] === ESC_ACK_SOH[2]) {
        this.statusQueries.push('ESC ACK SOH');
        socket.write(starAutomaticStatus(this.state));
        index += 2;
      } else if (byte === 0x10 && chunk[index + 1] === EOT) {
        // Epson's real-time status request: Star Line Mode has no such command.
        this.protocolErrors.push(`DLE EOT ${chunk[index + 2] ?? ''}`.trim());
        index += 2;
      } else if (byte === ENQ) {
        this.statusQueries.push('ENQ');
        socket.write(Buffer.from([starEnqStatus(this.state)]));
      } else if (byte === EOT) {
        this.statusQueries.push('EOT');
        socket.write(Buffer.from([starEotStatus(this.state)]));
      } else {
        kept.push(byte);
      }
    }
    return Buffer.from(kept);
  }
}

/** The ESC/POS `DLE EOT n` answer; each has bits 1 and 4 set. */
function epsonStatusByte(state: EmulatedState, n: number): number {
  const fixed = 0b0001_0010;
  if (n === 1) return fixed | (state === 'offline' || state === 'cover-open' || state === 'paper-out' ? 0b0000_1000 : 0);
  if (n === 2) return fixed | (state === 'cover-open' ? 0b0000_0100 : 0) | (state === 'paper-out' ? 0b0010_0000 : 0);
  if (n === 4) return fixed | (state === 'near-end' ? 0b0000_1100 : 0) | (state === 'paper-out' ? 0b0110_1100 : 0);
  return fixed;
}

/**
 * A Star Automatic Status, version 3 (9 bytes), in the form Star's LAN interfaces send it: header 1
 * (the byte count: 9 → 0x23), header 2 (version 3 → 0x06, plus bit 7: a 2-byte length follows),
 * printer status 1–7, then the length of further status data (0 for `ESC ACK SOH`).
 */
function starAutomaticStatus(state: EmulatedState): Buffer {
  const offline = state === 'offline' || state === 'cover-open' || state === 'paper-out';
  const status1 = (offline ? 0b0000_1000 : 0) | (state === 'cover-open' ? 0b0010_0000 : 0);
  const status4 = (state === 'near-end' || state === 'paper-out' ? 0b0000_0100 : 0) | (state === 'paper-out' ? 0b0000_1000 : 0);
  return Buffer.from([0x23, 0x86, status1, 0, 0, status4, 0, 0, 0, 0x00, 0x00]);
}

/** Star's ENQ status: bit 3 paper end; bit 4 fixed at 0. */
function starEnqStatus(state: EmulatedState): number {
  return state === 'paper-out' ? 0b0000_1000 : 0;
}

/** Star's EOT status: bit 4 fixed at 1, bit 3 paper end, bit 2 paper near end. */
function starEotStatus(state: EmulatedState): number {
  return 0b0001_0000 | (state === 'paper-out' ? 0b0000_1100 : 0) | (state === 'near-end' ? 0b0000_0100 : 0);
}

const EPSON_CODE_PAGES: Record<number, string> = { 0: 'cp437', 17: 'cp866', 46: 'win1251' };
const STAR_CODE_PAGES: Record<number, string> = { 0: 'cp437', 10: 'cp866', 34: 'win1251' };
const EPSON_QR_LEVELS: Record<number, DecodedQr['errorCorrection']> = { 0x30: 'L', 0x31: 'M', 0x32: 'Q', 0x33: 'H' };
const STAR_QR_LEVELS: Record<number, DecodedQr['errorCorrection']> = { 0: 'L', 1: 'M', 2: 'Q', 3: 'H' };

interface Style {
  bold: boolean;
  width: number;
  height: number;
}

/** Decodes the ESC/POS subset the kiosk emits (Epson or Star), failing loudly on anything else. */
export function decodeEscPos(bytes: Buffer, commandSet: 'epson' | 'star'): DecodedReceipt {
  const styledLines: DecodedLine[] = [];
  const qrSymbols: DecodedQr[] = [];
  const codePages: string[] = [];
  let codePage = 'cp437';
  let cuts = 0;
  let style: Style = { bold: false, width: 1, height: 1 };
  let qr = { moduleSize: 3, errorCorrection: 'L' as DecodedQr['errorCorrection'] };
  let text: number[] = [];
  let textStyles: Style[] = [];
  const flush = () => {
    styledLines.push({
      text: iconv.decode(Buffer.from(text), codePage),
      bold: textStyles.length > 0 && textStyles.every((each) => each.bold),
      large: textStyles.length > 0 && textStyles.every((each) => each.width === 2 && each.height === 2),
    });
    text = [];
    textStyles = [];
  };
  const storeQr = (data: Buffer) => {
    qrSymbols.push({ payload: decodeQr(data), ...qr, modules: symbolModules(data, qr.errorCorrection) });
  };
  let i = 0;
  const at = (offset: number) => bytes[i + offset] as number;
  while (i < bytes.length) {
    const byte = at(0);
    if (byte === 0x0a) {
      flush();
      i += 1;
    } else if (byte === 0x0b) {
      i += 1; // Star vertical tab (feed)
    } else if (byte === 0x1b && at(1) === 0x40) {
      codePage = 'cp437';
      style = { bold: false, width: 1, height: 1 };
      i += 2;
    } else if (commandSet === 'epson' && byte === 0x1b && at(1) === 0x74) {
      codePage = EPSON_CODE_PAGES[at(2)] ?? `unknown-${at(2)}`;
      codePages.push(codePage);
      i += 3;
    } else if (commandSet === 'star' && byte === 0x1b && at(1) === 0x1d && at(2) === 0x74) {
      codePage = STAR_CODE_PAGES[at(3)] ?? `unknown-${at(3)}`;
      codePages.push(codePage);
      i += 4;
    } else if (commandSet === 'epson' && byte === 0x1b && at(1) === 0x45) {
      style = { ...style, bold: (at(2) & 1) === 1 };
      i += 3;
    } else if (commandSet === 'epson' && byte === 0x1b && at(1) === 0x21) {
      // Print mode: bit 3 emphasis, bit 4 double height, bit 5 double width (it sets all three).
      const mode = at(2);
      style = { bold: (mode & 0x08) !== 0, height: mode & 0x10 ? 2 : 1, width: mode & 0x20 ? 2 : 1 };
      i += 3;
    } else if (commandSet === 'epson' && byte === 0x1b && (at(1) === 0x61 || at(1) === 0x64)) {
      i += 3; // alignment, feed n lines
    } else if (commandSet === 'star' && byte === 0x1b && (at(1) === 0x45 || at(1) === 0x46)) {
      style = { ...style, bold: at(1) === 0x45 };
      i += 2;
    } else if (commandSet === 'star' && byte === 0x1b && at(1) === 0x69) {
      style = { ...style, height: at(2) + 1, width: at(3) + 1 };
      i += 4;
    } else if (commandSet === 'star' && byte === 0x1b && at(1) === 0x1d && at(2) === 0x61) {
      i += 4; // alignment
    } else if (commandSet === 'star' && byte === 0x1b && at(1) === 0x64) {
      cuts += 1;
      i += 3;
    } else if (commandSet === 'epson' && byte === 0x1d && at(1) === 0x56) {
      cuts += 1;
      i += 3;
    } else if (commandSet === 'epson' && byte === 0x1d && at(1) === 0x28 && at(2) === 0x6b) {
      const length = at(3) + at(4) * 256;
      if (at(5) === 0x31 && at(6) === 0x43) qr = { ...qr, moduleSize: at(7) };
      else if (at(5) === 0x31 && at(6) === 0x45) qr = { ...qr, errorCorrection: EPSON_QR_LEVELS[at(7)] ?? 'L' };
      else if (at(5) === 0x31 && at(6) === 0x50) storeQr(bytes.subarray(i + 8, i + 5 + length));
      i += 5 + length;
    } else if (commandSet === 'star' && byte === 0x1b && at(1) === 0x1d && at(2) === 0x79) {
      if (at(3) === 0x53) {
        if (at(4) === 0x31) qr = { ...qr, errorCorrection: STAR_QR_LEVELS[at(5)] ?? 'L' };
        else if (at(4) === 0x32) qr = { ...qr, moduleSize: at(5) };
        i += 6;
      } else if (at(3) === 0x44) {
        const length = at(6) + at(7) * 256;
        storeQr(bytes.subarray(i + 8, i + 8 + length));
        i += 8 + length;
      } else if (at(3) === 0x50) i += 4;
      else throw new Error(`unknown Star QR command at byte ${i}`);
    } else if (byte < 0x20) {
      throw new Error(`unexpected control byte 0x${byte.toString(16)} at ${i}`);
    } else {
      text.push(byte);
      textStyles.push(style);
      i += 1;
    }
  }
  if (text.length > 0) flush();
  return {
    lines: styledLines.map((line) => line.text),
    styledLines,
    qrPayloads: qrSymbols.map((symbol) => symbol.payload),
    qrSymbols,
    cuts,
    codePages,
  };
}

function decodeQr(data: Buffer): string {
  const ascii = data.subarray(0, 7).toString('latin1');
  return ascii === 'ST00011' ? iconv.decode(data, 'win1251') : data.toString('utf8');
}

/** The printer builds the symbol from the stored bytes; its size follows from their count and the level. */
function symbolModules(data: Buffer, errorCorrection: DecodedQr['errorCorrection']): number {
  return QRCode.create([{ data, mode: 'byte' }], { errorCorrectionLevel: errorCorrection }).modules.size;
}
