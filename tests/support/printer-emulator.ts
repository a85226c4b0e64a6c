// A TCP ESC/POS printer for tests: answers `DLE EOT` status queries with the state the test sets
// (ready, paper near end, paper out, cover open, offline, or silent), records every byte it is
// sent, and decodes the bytes back into text lines (honouring the selected code page), QR
// payloads and cuts — so tests assert what would really come out of the printer.
import iconv from 'iconv-lite';
import net from 'node:net';

export type EmulatedState = 'ready' | 'near-end' | 'paper-out' | 'cover-open' | 'offline' | 'silent';

export interface DecodedReceipt {
  lines: string[];
  qrPayloads: string[];
  cuts: number;
  codePages: string[];
}

export class PrinterEmulator {
  state: EmulatedState = 'ready';
  /** Bytes of every connection, status queries removed, in arrival order. */
  readonly jobs: Buffer[] = [];
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
      // Status queries may arrive in the same chunk as receipt data: answer and strip them.
      let rest = chunk;
      for (let index = rest.indexOf(0x10); index !== -1; index = rest.indexOf(0x10)) {
        if (rest[index + 1] !== 0x04 || index + 2 >= rest.length) break;
        chunks.push(rest.subarray(0, index));
        socket.write(Buffer.from([this.statusByte(rest[index + 2] as number)]));
        rest = rest.subarray(index + 3);
      }
      chunks.push(rest);
    });
    socket.once('close', () => {
      const job = Buffer.concat(chunks);
      if (job.length > 0) this.jobs.push(job);
    });
  }

  private statusByte(n: number): number {
    const fixed = 0b0001_0010;
    if (n === 1) return fixed | (this.state === 'offline' || this.state === 'cover-open' || this.state === 'paper-out' ? 0b0000_1000 : 0);
    if (n === 2) return fixed | (this.state === 'cover-open' ? 0b0000_0100 : 0) | (this.state === 'paper-out' ? 0b0010_0000 : 0);
    if (n === 4) return fixed | (this.state === 'near-end' ? 0b0000_1100 : 0) | (this.state === 'paper-out' ? 0b0110_1100 : 0);
    return fixed;
  }
}

const EPSON_CODE_PAGES: Record<number, string> = { 0: 'cp437', 17: 'cp866', 46: 'win1251' };
const STAR_CODE_PAGES: Record<number, string> = { 0: 'cp437', 10: 'cp866', 34: 'win1251' };

/** Decodes the ESC/POS subset the kiosk emits (Epson or Star), failing loudly on anything else. */
export function decodeEscPos(bytes: Buffer, commandSet: 'epson' | 'star'): DecodedReceipt {
  const lines: string[] = [];
  const qrPayloads: string[] = [];
  const codePages: string[] = [];
  let codePage = 'cp437';
  let cuts = 0;
  let text: number[] = [];
  const flush = () => {
    lines.push(iconv.decode(Buffer.from(text), codePage));
    text = [];
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
      i += 2;
    } else if (commandSet === 'epson' && byte === 0x1b && at(1) === 0x74) {
      codePage = EPSON_CODE_PAGES[at(2)] ?? `unknown-${at(2)}`;
      codePages.push(codePage);
      i += 3;
    } else if (commandSet === 'star' && byte === 0x1b && at(1) === 0x1d && at(2) === 0x74) {
      codePage = STAR_CODE_PAGES[at(3)] ?? `unknown-${at(3)}`;
      codePages.push(codePage);
      i += 4;
    } else if (commandSet === 'epson' && byte === 0x1b && [0x21, 0x45, 0x61, 0x64].includes(at(1))) {
      i += 3; // text size, bold, alignment, feed n lines
    } else if (commandSet === 'star' && byte === 0x1b && (at(1) === 0x45 || at(1) === 0x46)) {
      i += 2; // bold on / off
    } else if (commandSet === 'star' && byte === 0x1b && at(1) === 0x69) {
      i += 4; // text size
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
      if (at(5) === 0x31 && at(6) === 0x50) qrPayloads.push(decodeQr(bytes.subarray(i + 8, i + 5 + length)));
      i += 5 + length;
    } else if (commandSet === 'star' && byte === 0x1b && at(1) === 0x1d && at(2) === 0x79) {
      if (at(3) === 0x53) i += 6;
      else if (at(3) === 0x44) {
        const length = at(6) + at(7) * 256;
        qrPayloads.push(decodeQr(bytes.subarray(i + 8, i + 8 + length)));
        i += 8 + length;
      } else if (at(3) === 0x50) i += 4;
      else throw new Error(`unknown Star QR command at byte ${i}`);
    } else if (byte < 0x20) {
      throw new Error(`unexpected control byte 0x${byte.toString(16)} at ${i}`);
    } else {
      text.push(byte);
      i += 1;
    }
  }
  if (text.length > 0) flush();
  return { lines, qrPayloads, cuts, codePages };
}

function decodeQr(data: Buffer): string {
  const ascii = data.subarray(0, 7).toString('latin1');
  return ascii === 'ST00011' ? iconv.decode(data, 'win1251') : data.toString('utf8');
}
