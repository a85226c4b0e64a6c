// The log file as a pino destination that writes each line synchronously and rotates by size:
// `kiosk.log` is the live file, `kiosk.log.1[.gz]` the newest rotated one, `.<files>` the oldest.
// Synchronous on purpose: the line logged just before a crash or `app.exit(1)` must be on disk
// (rotating-file-stream writes asynchronously and lost it in that case).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export interface LogRotation {
  /** The live file is rotated before a line would take it past this size. */
  maxBytes: number;
  /** Rotated files kept besides the live one. */
  files: number;
  /** Gzip rotated files (`kiosk.log.1.gz`). */
  compress: boolean;
}

export const DEFAULT_ROTATION: LogRotation = { maxBytes: 5 * 1024 * 1024, files: 5, compress: true };

export class RotatingLogFile {
  private fd: number | null = null;
  private size = 0;
  private failed = false;

  constructor(
    readonly file: string,
    private readonly rotation: LogRotation = DEFAULT_ROTATION,
  ) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    this.open();
    if (this.size >= rotation.maxBytes) this.rotate();
  }

  /** The name of rotated file number `index` (1 = newest). */
  rotatedName(index: number): string {
    return `${this.file}.${index}${this.rotation.compress ? '.gz' : ''}`;
  }

  write(line: string): void {
    const bytes = Buffer.byteLength(line);
    try {
      if (this.size > 0 && this.size + bytes > this.rotation.maxBytes) this.rotate();
      if (this.fd === null) this.open();
      fs.writeSync(this.fd as number, line);
      this.size += bytes;
    } catch (error) {
      // A full disk or a removed folder must not take the kiosk down: say so once, keep trying.
      if (!this.failed) process.stderr.write(`kiosk log file ${this.file} failed: ${(error as Error).message}\n`);
      this.failed = true;
      this.close();
    }
  }

  close(): void {
    if (this.fd === null) return;
    try {
      fs.closeSync(this.fd);
    } finally {
      this.fd = null;
    }
  }

  private open(): void {
    this.fd = fs.openSync(this.file, 'a');
    this.size = fs.fstatSync(this.fd).size;
    this.failed = false;
  }

  private rotate(): void {
    this.close();
    fs.rmSync(this.rotatedName(this.rotation.files), { force: true });
    for (let index = this.rotation.files - 1; index >= 1; index -= 1) {
      if (fs.existsSync(this.rotatedName(index))) fs.renameSync(this.rotatedName(index), this.rotatedName(index + 1));
    }
    if (this.rotation.compress) {
      // A few tens of milliseconds once per file; a crash in between leaves the plain copy, not a gap.
      const plain = `${this.file}.rotating`;
      fs.renameSync(this.file, plain);
      fs.writeFileSync(this.rotatedName(1), zlib.gzipSync(fs.readFileSync(plain)));
      fs.rmSync(plain);
    } else {
      fs.renameSync(this.file, this.rotatedName(1));
    }
    this.open();
  }
}
