// A small TCP ESC/POS printer for the benchmarks (the tests' emulator is TypeScript): it answers
// every `DLE EOT n` status query with "ready", keeps the bytes of each connection, and records when
// each job was complete (the connection closed) and whether it ended with a cut.
import net from 'node:net';

const READY = 0b0001_0010;

export class BenchPrinter {
  /** @type {Array<{ bytes: number; cut: boolean; closedAt: number }>} */
  jobs = [];
  /** @type {net.Server | null} */
  server = null;
  sockets = new Set();

  /** @returns {Promise<string>} the printer's `tcp://host:port` interface */
  async start() {
    this.server = net.createServer((socket) => this.accept(socket));
    await new Promise((resolve) => this.server?.listen(0, '127.0.0.1', () => resolve(undefined)));
    const address = /** @type {net.AddressInfo} */ (this.server.address());
    return `tcp://127.0.0.1:${address.port}`;
  }

  async stop() {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => (this.server ? this.server.close(() => resolve(undefined)) : resolve(undefined)));
  }

  /** @param {net.Socket} socket */
  accept(socket) {
    this.sockets.add(socket);
    socket.setNoDelay(true);
    socket.on('error', () => undefined);
    /** @type {Buffer[]} */
    const chunks = [];
    socket.on('data', (chunk) => {
      let rest = chunk;
      for (let index = rest.indexOf(0x10); index !== -1; index = rest.indexOf(0x10)) {
        if (rest[index + 1] !== 0x04 || index + 2 >= rest.length) break;
        chunks.push(rest.subarray(0, index));
        socket.write(Buffer.from([READY]));
        rest = rest.subarray(index + 3);
      }
      chunks.push(rest);
    });
    socket.once('close', () => {
      this.sockets.delete(socket);
      const job = Buffer.concat(chunks);
      if (job.length === 0) return;
      // GS V (Epson cut) anywhere in the job.
      let cut = false;
      for (let index = job.indexOf(0x1d); index !== -1 && !cut; index = job.indexOf(0x1d, index + 1)) cut = job[index + 1] === 0x56;
      this.jobs.push({ bytes: job.length, cut, closedAt: performance.now() });
    });
  }
}

/**
 * The floor of a TCP print: connect, three status queries, the job's bytes, one more status query,
 * close — the round trips the kiosk's printer transport makes, with nothing else around them.
 * @param {string} printerInterface `tcp://host:port`
 * @param {Buffer} bytes
 * @returns {Promise<number>} milliseconds
 */
export async function rawPrintRoundTrips(printerInterface, bytes) {
  const [, host, port] = /^tcp:\/\/([\w.-]+):(\d+)$/.exec(printerInterface) ?? [];
  const start = performance.now();
  const socket = net.connect({ host, port: Number(port) });
  socket.setNoDelay(true);
  await new Promise((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  /** @type {Array<() => void>} */
  const waiting = [];
  socket.on('data', (chunk) => {
    for (let index = 0; index < chunk.length; index += 1) waiting.shift()?.();
  });
  const ask = (n) =>
    new Promise((resolve) => {
      waiting.push(() => resolve(undefined));
      socket.write(Buffer.from([0x10, 0x04, n]));
    });
  await ask(1);
  await ask(2);
  await ask(4);
  await new Promise((resolve) => socket.write(bytes, () => resolve(undefined)));
  await ask(1);
  socket.end();
  socket.destroy();
  return performance.now() - start;
}
