// How bytes reach the printer, and what the printer says about itself. Over TCP the link is
// two-way, so before a job the kiosk asks the real-time status (offline, cover open, paper end,
// paper near end) in the printer's own language, and after the job asks once more to confirm the
// printer is still answering: an Epson ESC/POS printer with `DLE EOT 1/2/4`, a Star (Star Line
// Mode, which has no `DLE EOT`) with `ESC ACK SOH`, answered by its Automatic Status. A device
// file is one-way (no status); the file printer writes receipts to a folder (training mode).
// Every step has a time-out: a hung printer never freezes the kiosk.
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import type { CommandSet } from './escpos-encoder';

export type PrinterState = 'ready' | 'paper-out' | 'cover-open' | 'offline' | 'not-responding' | 'unknown';

export interface PrinterStatus {
  state: PrinterState;
  /** The roll is nearly used up: staff should change it soon; the customer is not bothered. */
  paperNearEnd: boolean;
  /** False for one-way links (device files), whose state is always `unknown`. */
  twoWay: boolean;
}

export type SendOutcome = { sent: true; confirmed: boolean } | { sent: false; status: PrinterStatus };

export interface PrinterTransport {
  readonly description: string;
  status(): Promise<PrinterStatus>;
  /** Checks the status, sends if the printer can print, and says whether it confirmed afterwards. */
  send(bytes: Buffer, jobName: string): Promise<SendOutcome>;
  /** Deletes the copies the transport itself keeps of receipts written before `cutoff` (epoch ms); returns how many. */
  wipeCopiesOlderThan?(cutoff: number): Promise<number>;
}

/** Reads the three `DLE EOT` answers. Bits per the ESC/POS reference (each answer also has bits 1 and 4 set). */
export function parseRealTimeStatus(printerStatus: number, offlineCause: number, paperSensor: number): Omit<PrinterStatus, 'twoWay'> {
  const paperNearEnd = (paperSensor & 0b0000_1100) !== 0;
  if ((paperSensor & 0b0110_0000) !== 0 || (offlineCause & 0b0010_0000) !== 0) return { state: 'paper-out', paperNearEnd };
  if ((offlineCause & 0b0000_0100) !== 0) return { state: 'cover-open', paperNearEnd };
  if ((printerStatus & 0b0000_1000) !== 0) return { state: 'offline', paperNearEnd };
  return { state: 'ready', paperNearEnd };
}

/**
 * The byte count of a Star Automatic Status (ASB) from its first byte, header 1: bit 0 is 1, bits
 * 4 and 7 are 0, and bits 1–3 and 5 hold the count (0x0F → 7 bytes, 0x23 → 9). Null if the byte is
 * not a header 1.
 */
export function starStatusLength(header1: number): number | null {
  if ((header1 & 0b1001_0001) !== 0b0000_0001) return null;
  const length = ((header1 >> 1) & 0b0111) | ((header1 >> 2) & 0b1000);
  // Status 1–5 (the 3rd to 7th bytes) carry everything read here; every Star model sends them.
  return length >= 7 ? length : null;
}

/**
 * How many bytes the Automatic Status at the start of `received` takes, once enough of it has
 * arrived to tell (null until then). Star's LAN interfaces set bit 7 of header 2 and follow the
 * status with a 2-byte length of further status data (0 for `ESC ACK SOH`).
 */
export function starStatusFrameLength(received: readonly number[]): number | null {
  if (received.length < 2) return null;
  const length = starStatusLength(received[0] as number);
  if (length === null) throw new Error('the printer did not answer with a Star automatic status');
  if (((received[1] as number) & 0b1000_0000) === 0) return length;
  if (received.length < length + 2) return null;
  return length + 2 + (((received[length] as number) << 8) | (received[length + 1] as number));
}

/**
 * Reads a Star Automatic Status: printer status 1 (3rd byte) bit 3 offline, bit 5 cover open;
 * status 2 (4th byte) bits 2, 3, 5, 6 mechanical, cutter, unrecoverable and head-temperature
 * errors (the printer is offline); status 4 (6th byte) bit 2 paper near end, bit 3 paper end.
 */
export function parseStarAutomaticStatus(bytes: readonly number[]): Omit<PrinterStatus, 'twoWay'> {
  const length = starStatusLength(bytes[0] ?? 0);
  if (length === null || bytes.length < length) throw new Error('incomplete Star automatic status');
  const status1 = bytes[2] as number;
  const errors = bytes[3] as number;
  const sensors = bytes[5] as number;
  const paperNearEnd = (sensors & 0b0000_0100) !== 0;
  if ((sensors & 0b0000_1000) !== 0) return { state: 'paper-out', paperNearEnd };
  if ((status1 & 0b0010_0000) !== 0) return { state: 'cover-open', paperNearEnd };
  if ((status1 & 0b0000_1000) !== 0 || (errors & 0b0110_1100) !== 0) return { state: 'offline', paperNearEnd };
  return { state: 'ready', paperNearEnd };
}

/** Asks a printer's status over an open connection, in its command set's language. */
interface StatusProtocol {
  /** The full status before a job. Throws when the printer does not answer in time. */
  query(connection: PrinterConnection, timeoutMs: number): Promise<Omit<PrinterStatus, 'twoWay'>>;
  /** After a job: whether the printer still answers and is online. */
  confirm(connection: PrinterConnection, timeoutMs: number): Promise<boolean>;
}

const DLE_EOT = (n: number) => Buffer.from([0x10, 0x04, n]);
const oneByte = () => 1;

const epsonStatus: StatusProtocol = {
  async query(connection, timeoutMs) {
    const [printerStatus = 0] = await connection.ask(DLE_EOT(1), timeoutMs, oneByte);
    const [offlineCause = 0] = await connection.ask(DLE_EOT(2), timeoutMs, oneByte);
    const [paperSensor = 0] = await connection.ask(DLE_EOT(4), timeoutMs, oneByte);
    return parseRealTimeStatus(printerStatus, offlineCause, paperSensor);
  },
  async confirm(connection, timeoutMs) {
    const [printerStatus = 0b0000_1000] = await connection.ask(DLE_EOT(1), timeoutMs, oneByte);
    return (printerStatus & 0b0000_1000) === 0;
  },
};

const ESC_ACK_SOH = Buffer.from([0x1b, 0x06, 0x01]);

/**
 * Star Line Mode: `ESC ACK SOH` is answered in real time (even offline) with the whole Automatic
 * Status, which alone tells paper out, cover open, offline and paper near end (`ENQ` and `EOT`
 * give one byte each and no cover state). An automatic status the printer sends on its own (ASB
 * enabled by memory switch) is as current as the answer, so the first complete one is read.
 */
const starStatus: StatusProtocol = {
  async query(connection, timeoutMs) {
    return parseStarAutomaticStatus(await connection.ask(ESC_ACK_SOH, timeoutMs, starStatusFrameLength));
  },
  async confirm(connection, timeoutMs) {
    return (await starStatus.query(connection, timeoutMs)).state === 'ready';
  },
};

const STATUS_PROTOCOLS: Record<CommandSet, StatusProtocol> = { epson: epsonStatus, star: starStatus };

export function createPrinterTransport(printerInterface: string, timeoutMs: number, commandSet: CommandSet = 'epson'): PrinterTransport {
  const tcp = /^tcp:\/\/([\w.-]+):(\d{1,5})$/.exec(printerInterface);
  if (tcp) return new TcpPrinter(tcp[1] as string, Number(tcp[2]), timeoutMs, commandSet);
  if (printerInterface.startsWith('file://')) return new FolderPrinter(printerInterface.slice('file://'.length));
  return new DevicePrinter(printerInterface, timeoutMs);
}

export class TcpPrinter implements PrinterTransport {
  readonly description: string;
  private readonly protocol: StatusProtocol;

  constructor(
    private readonly host: string,
    private readonly port: number,
    private readonly timeoutMs: number,
    commandSet: CommandSet = 'epson',
  ) {
    this.description = `tcp://${host}:${port}`;
    this.protocol = STATUS_PROTOCOLS[commandSet];
  }

  async status(): Promise<PrinterStatus> {
    const connection = await this.connect().catch(() => null);
    if (!connection) return { state: 'offline', paperNearEnd: false, twoWay: true };
    try {
      return await this.query(connection);
    } finally {
      connection.close();
    }
  }

  async send(bytes: Buffer): Promise<SendOutcome> {
    const connection = await this.connect().catch(() => null);
    if (!connection) return { sent: false, status: { state: 'offline', paperNearEnd: false, twoWay: true } };
    try {
      const before = await this.query(connection);
      if (before.state !== 'ready') return { sent: false, status: before };
      await connection.write(bytes);
      // An answer after the job shows the printer is still there and online; silence is "not confirmed".
      const confirmed = await this.protocol.confirm(connection, this.timeoutMs).catch(() => false);
      return { sent: true, confirmed };
    } finally {
      connection.close();
    }
  }

  private async query(connection: PrinterConnection): Promise<PrinterStatus> {
    try {
      return { ...(await this.protocol.query(connection, this.timeoutMs)), twoWay: true };
    } catch {
      return { state: 'not-responding', paperNearEnd: false, twoWay: true };
    }
  }

  private connect(): Promise<PrinterConnection> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: this.host, port: this.port });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error('printer connection timed out'));
      }, this.timeoutMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        // Status queries are 3 bytes each: without this, Nagle's algorithm holds them for ~40 ms.
        socket.setNoDelay(true);
        resolve(new PrinterConnection(socket));
      });
      socket.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
  }
}

/** One TCP connection: writes, and reads the answer to one status query at a time. */
class PrinterConnection {
  private received: number[] = [];
  private waiting: (() => void) | null = null;

  constructor(private readonly socket: net.Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.received.push(...chunk);
      this.deliver();
    });
    socket.on('error', () => undefined);
  }

  write(bytes: Buffer): Promise<void> {
    return new Promise((resolve, reject) => this.socket.write(bytes, (error) => (error ? reject(error) : resolve())));
  }

  /**
   * Sends a query and resolves with its answer: `answerLength` says, from the bytes received so
   * far, how long the answer is (null: not known yet), or throws if they are no answer.
   */
  async ask(query: Buffer, timeoutMs: number, answerLength: (received: readonly number[]) => number | null): Promise<number[]> {
    this.received = [];
    await this.write(query);
    return new Promise((resolve, reject) => {
      const finish = (outcome: () => void) => {
        clearTimeout(timer);
        this.waiting = null;
        outcome();
      };
      const timer = setTimeout(() => finish(() => reject(new Error('printer did not answer the status query'))), timeoutMs);
      this.waiting = () => {
        let length: number | null;
        try {
          length = answerLength(this.received);
        } catch (error) {
          finish(() => reject(error as Error));
          return;
        }
        if (length === null || this.received.length < length) return;
        const answer = this.received.splice(0, length);
        finish(() => resolve(answer));
      };
      this.deliver();
    });
  }

  close(): void {
    this.socket.end();
    this.socket.destroy();
  }

  private deliver(): void {
    if (this.waiting && this.received.length > 0) this.waiting();
  }
}

/** A printer behind a device file (`/dev/usb/lp0`): write only, no status to read. */
export class DevicePrinter implements PrinterTransport {
  readonly description: string;

  constructor(
    private readonly devicePath: string,
    private readonly timeoutMs: number,
  ) {
    this.description = devicePath;
  }

  async status(): Promise<PrinterStatus> {
    const present = await fs.access(this.devicePath).then(
      () => true,
      () => false,
    );
    return { state: present ? 'unknown' : 'offline', paperNearEnd: false, twoWay: false };
  }

  async send(bytes: Buffer): Promise<SendOutcome> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), this.timeoutMs)));
    const write = fs.writeFile(this.devicePath, bytes, { flag: 'a' }).then(
      () => 'written' as const,
      () => 'failed' as const,
    );
    const result = await Promise.race([write, timeout]);
    clearTimeout(timer);
    if (result === 'failed') return { sent: false, status: { state: 'offline', paperNearEnd: false, twoWay: false } };
    return { sent: true, confirmed: result === 'written' };
  }
}

/** Training mode's printer: each receipt becomes a `.bin` file (the exact bytes) in a folder. */
export class FolderPrinter implements PrinterTransport {
  readonly description: string;

  constructor(private readonly folder: string) {
    this.description = `file://${folder}`;
  }

  async status(): Promise<PrinterStatus> {
    return { state: 'ready', paperNearEnd: false, twoWay: false };
  }

  async send(bytes: Buffer, jobName: string): Promise<SendOutcome> {
    await fs.mkdir(this.folder, { recursive: true });
    await fs.writeFile(path.join(this.folder, `${jobName}.bin`), bytes);
    return { sent: true, confirmed: true };
  }

  /** The files hold full account numbers and names, so they follow the print journal's retention. */
  async wipeCopiesOlderThan(cutoff: number): Promise<number> {
    let names: string[];
    try {
      names = await fs.readdir(this.folder);
    } catch {
      return 0; // Nothing printed yet.
    }
    let wiped = 0;
    for (const name of names.filter((entry) => entry.endsWith('.bin'))) {
      const file = path.join(this.folder, name);
      const written = await fs.stat(file).catch(() => null);
      if (written && written.mtimeMs < cutoff) {
        await fs.rm(file, { force: true });
        wiped += 1;
      }
    }
    return wiped;
  }
}
