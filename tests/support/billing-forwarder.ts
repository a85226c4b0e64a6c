// A forwarder between the kiosk and the billing centre. It notes every request it sees, so a test
// can count what the kiosk asked the billing centre (a readings submission, a payment slip), and it
// can drop the readings write, as a network failing just then would: the readings stay in the
// terminal's outbox while everything else works.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A plain HTTP forwarder in front of the billing centre that can cut the connection of the
 * readings write, as a network that fails just then would; everything else passes through.
 */
export class BillingForwarder {
  dropReadings: boolean;
  /** Every request that reached the proxy, in order, dropped or not. */
  readonly requests: Array<{ method: string; path: string }> = [];
  private server: http.Server | null = null;

  constructor(options: { dropReadings?: boolean } = {}) {
    this.dropReadings = options.dropReadings ?? true;
  }

  /** How many requests of `method` had a path (without the query) matching `path`. */
  count(method: string, path: RegExp): number {
    return this.requests.filter((request) => request.method === method && path.test(request.path)).length;
  }

  async start(target: string): Promise<string> {
    const upstream = new URL(target);
    this.server = http.createServer((request, response) => {
      this.requests.push({ method: request.method ?? '', path: (request.url ?? '').split('?')[0] ?? '' });
      if (this.dropReadings && request.method === 'POST' && /\/readings$/.test(request.url ?? '')) {
        request.socket.destroy();
        return;
      }
      const forward = http.request(
        { host: upstream.hostname, port: upstream.port, path: request.url, method: request.method, headers: request.headers },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        },
      );
      forward.on('error', () => response.destroy());
      request.pipe(forward);
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (!this.server) return resolve();
      this.server.closeAllConnections();
      this.server.close(() => resolve());
    });
  }
}
