// A forwarder between the kiosk and the billing centre. It notes every request it sees, so a test
// can count what the kiosk asked the billing centre (a readings submission, a payment slip). It can
// drop the readings write, as a network failing just then would (the readings stay in the
// terminal's outbox while everything else works), or answer a request itself (one write that gets
// a 503 while the rest of the billing centre works).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A plain HTTP forwarder in front of the billing centre that can cut the connection of the
 * readings write, as a network that fails just then would; everything else passes through.
 */
/** What the forwarder says itself instead of passing a request on. */
export interface ForwarderAnswer {
  status: number;
  body: string;
}

export class BillingForwarder {
  dropReadings: boolean;
  private readonly answer: (request: { method: string; path: string }) => ForwarderAnswer | null;
  /** Every request that reached the proxy, in order, dropped or not. */
  readonly requests: Array<{ method: string; path: string }> = [];
  private server: http.Server | null = null;

  constructor(options: { dropReadings?: boolean; answer?: (request: { method: string; path: string }) => ForwarderAnswer | null } = {}) {
    this.dropReadings = options.dropReadings ?? true;
    this.answer = options.answer ?? (() => null);
  }

  /** How many requests of `method` had a path (without the query) matching `path`. */
  count(method: string, path: RegExp): number {
    return this.requests.filter((request) => request.method === method && path.test(request.path)).length;
  }

  async start(target: string): Promise<string> {
    const upstream = new URL(target);
    this.server = http.createServer((request, response) => {
      const seen = { method: request.method ?? '', path: (request.url ?? '').split('?')[0] ?? '' };
      this.requests.push(seen);
      if (this.dropReadings && request.method === 'POST' && /\/readings$/.test(request.url ?? '')) {
        request.socket.destroy();
        return;
      }
      const own = this.answer(seen);
      if (own) {
        response.writeHead(own.status, { 'Content-Type': 'application/json' }).end(own.body);
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
