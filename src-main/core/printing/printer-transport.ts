// How bytes reach the printer, and what the printer says about itself. Over TCP the link is
// two-way, so before a job the kiosk asks the real-time status (`DLE EOT 1/2/4`: offline, cover
// open, paper end, paper near end) and after the job asks once more to confirm the printer is
// still answering. A device file is one-way (no status); the file printer writes receipts to a
// folder (training mode). Every step has a time-out: a hung printer never freezes the kiosk.
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';

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
}

/** Reads the three `DLE EOT` answers. Bits per the ESC/POS reference (each answer also has bits 1 and 4 set). */
export function parseRealTimeStatus(printerStatus: number, offlineCause: number, paperSensor: number): Omit<PrinterStatus, 'twoWay'> {
  const paperNearEnd = (paperSensor & 0b0000_1100) !== 0;
  if ((paperSensor & 0b0110_0000) !== 0 || (offlineCause & 0b0010_0000) !== 0) return { state: 'paper-out', paperNearEnd };
  if ((offlineCause & 0b0000_0100) !== 0) return { state: 'cover-open', paperNearEnd };
  if ((printerStatus & 0b0000_1000) !== 0) return { state: 'offline', paperNearEnd };
  return { state: 'ready', paperNearEnd };
}

export function createPrinterTransport(printerInterface: string, timeoutMs: number): PrinterTransport {
  const tcp = /^tcp:\/\/([\w.-]+):(\d{1,5})$/.exec(printerInterface);
  if (tcp) return new TcpPrinter(tcp[1] as string, Number(tcp[2]), timeoutMs);
  if (printerInterface.startsWith('file://')) return new FolderPrinter(printerInterface.slice('file://'.length));
  return new DevicePrinter(printerInterface, timeoutMs);
}

const DLE_EOT = (n: number) => Buffer.from([0x10, 0x04, n]);

export class TcpPrinter implements PrinterTransport {
  readonly description: string;

  constructor(
    private readonly host: string,
    private readonly port: number,
    private readonly timeoutMs: number,
  ) {
    this.description = `tcp://${host}:${port}`;
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
      const after = await connection.ask(DLE_EOT(1), this.timeoutMs).catch(() => null);
      return { sent: true, confirmed: after !== null && (after & 0b0000_1000) === 0 };
    } finally {
      connection.close();
    }
  }

  private async query(connection: PrinterConnection): Promise<PrinterStatus> {
    try {
      const printerStatus = await connection.ask(DLE_EOT(1), this.timeoutMs);
      const offlineCause = await connection.ask(DLE_EOT(2), this.timeoutMs);
      const paperSensor = await connection.ask(DLE_EOT(4), this.timeoutMs);
      return { ...parseRealTimeStatus(printerStatus, offlineCause, paperSensor), twoWay: true };
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

/** One TCP connection: writes, and reads one status byte per query. */
class PrinterConnection {
  private received: number[] = [];
  private waiting: ((byte: number) => void) | null = null;

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

  async ask(query: Buffer, timeoutMs: number): Promise<number> {
    this.received = [];
    await this.write(query);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting = null;
        reject(new Error('printer did not answer the status query'));
      }, timeoutMs);
      this.waiting = (byte) => {
        clearTimeout(timer);
        resolve(byte);
      };
      this.deliver();
    });
  }

  close(): void {
    this.socket.end();
    this.socket.destroy();
  }

  private deliver(): void {
    if (!this.waiting || this.received.length === 0) return;
    const byte = this.received.shift() as number;
    const waiting = this.waiting;
    this.waiting = null;
    waiting(byte);
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
}
