// A fault-injecting HTTP proxy between the kiosk and the reference billing server. For a share
// of requests (seeded, so a failing run can be replayed) it answers 503 itself, resets the
// connection before or after the billing server has processed the request, stalls past the
// client's time-out, truncates the answer, or corrupts it. The "after" faults are the dangerous
// ones: the write happened, the kiosk does not know, and only idempotency keys prevent doubles.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault = 'status-503' | 'reset-before' | 'reset-after' | 'stall' | 'truncate' | 'corrupt';
const FAULTS: Fault[] = ['status-503', 'reset-before', 'reset-after', 'stall', 'truncate', 'corrupt'];

export interface ChaosProxy {
  url: string;
  /** How many requests passed, and how many got each fault. */
  counts: Record<Fault | 'passed', number>;
  faultRate: number;
  close(): Promise<void>;
}

export async function startChaosProxy(target: string, options: { faultRate: number; seed: number; stallMs: number }): Promise<ChaosProxy> {
  let state = options.seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const counts: ChaosProxy['counts'] = {
    passed: 0,
    'status-503': 0,
    'reset-before': 0,
    'reset-after': 0,
    stall: 0,
    truncate: 0,
    corrupt: 0,
  };
  const upstream = new URL(target);
  const proxy: ChaosProxy = { url: '', counts, faultRate: options.faultRate, close: async () => undefined };
  const timers = new Set<ReturnType<typeof setTimeout>>();

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const fault = random() < proxy.faultRate ? (FAULTS[Math.floor(random() * FAULTS.length)] as Fault) : null;
      counts[fault ?? 'passed'] += 1;
      if (fault === 'status-503')
        return void response
          .writeHead(503, { 'Content-Type': 'application/json' })
          .end('{"code":"overloaded","message":"Сервис перегружен"}');
      if (fault === 'reset-before') return void request.socket.destroy();
      const forwarded = http.request(
        { host: upstream.hostname, port: upstream.port, method: request.method, path: request.url, headers: request.headers },
        (answer) => {
          const body: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => body.push(chunk));
          answer.on('end', () => {
            const payload = Buffer.concat(body);
            if (fault === 'reset-after') return void request.socket.destroy();
            if (fault === 'stall') {
              const timer = setTimeout(() => request.socket.destroy(), options.stallMs);
              timers.add(timer);
              return;
            }
            const headers = { ...answer.headers };
            if (fault === 'truncate') {
              response.writeHead(answer.statusCode ?? 502, headers);
              response.write(payload.subarray(0, Math.floor(payload.length / 2)));
              return void request.socket.destroy();
            }
            if (fault === 'corrupt') {
              const garbled = Buffer.from(payload.toString('utf8').replace(/[{"]/g, '#'));
              headers['content-length'] = String(garbled.length);
              return void response.writeHead(answer.statusCode ?? 502, headers).end(garbled);
            }
            response.writeHead(answer.statusCode ?? 502, headers).end(payload);
          });
        },
      );
      forwarded.on('error', () => request.socket.destroy());
      forwarded.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () =>
    new Promise<void>((resolve) => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return proxy;
}
