// The keep-alive race, made deterministic: a billing centre that closes a pooled connection just as
// the kiosk reuses it. Node documents that such a request is reset before any answer and may be
// sent again; the kiosk does so once, on a new connection, and never retries a fresh connection's
// reset (that request may have reached the billing centre). Found in CI, where a customer's login
// after five idle seconds was refused as «billing unavailable».
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { BillingClient } from '../../src-main/core/billing/billing-client';
import { BillingError } from '../../src-main/core/billing/billing-error';
import type { Heartbeat } from '../../src-main/core/billing/billing-wire';

const OK = 'HTTP/1.1 204 No Content\r\nConnection: keep-alive\r\nKeep-Alive: timeout=60\r\n\r\n';

let server: net.Server | null = null;
const sockets = new Set<net.Socket>();
afterEach(async () => {
  // The kiosk keeps its last connection alive; close it from this side so the server can stop.
  for (const socket of sockets) socket.destroy();
  sockets.clear();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

interface RawServer {
  baseUrl: string;
  connections: number;
  requests: number;
}

/** A raw HTTP/1.1 server: `resetRequest(n, onConnection)` says which requests it resets instead of answering. */
async function startRawServer(resetRequest: (requestOnConnection: number, connection: number) => boolean): Promise<RawServer> {
  const state: RawServer = { baseUrl: '', connections: 0, requests: 0 };
  server = net.createServer((socket) => {
    sockets.add(socket);
    state.connections += 1;
    const connection = state.connections;
    let onConnection = 0;
    let buffered = '';
    socket.on('data', (chunk) => {
      buffered += chunk.toString('latin1');
      // Heartbeats carry a JSON body; a request is complete once its declared length has arrived.
      for (;;) {
        const headEnd = buffered.indexOf('\r\n\r\n');
        if (headEnd < 0) return;
        const length = Number(/content-length:\s*(\d+)/i.exec(buffered.slice(0, headEnd))?.[1] ?? 0);
        if (buffered.length < headEnd + 4 + length) return;
        buffered = buffered.slice(headEnd + 4 + length);
        onConnection += 1;
        state.requests += 1;
        if (resetRequest(onConnection, connection)) {
          socket.resetAndDestroy();
          return;
        }
        socket.write(OK);
      }
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', () => resolve()));
  state.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}

const heartbeat: Heartbeat = {
  version: '1.0.0',
  queueDepth: 0,
  oldestPendingAgeSeconds: null,
  printerState: 'ready',
  sentAt: '2026-12-01T10:00:00.000Z',
};

describe('the billing client over a kept-alive connection', () => {
  it('sends a request again on a new connection when the reused one is reset before any answer', async () => {
    // The second request on the first connection is reset: the server "closed" it while idle.
    const raw = await startRawServer((requestOnConnection, connection) => connection === 1 && requestOnConnection === 2);
    const client = new BillingClient({ baseUrl: raw.baseUrl, terminalId: 'T1', terminalKey: 'key', timeoutMs: 3000 });
    await client.sendHeartbeat(heartbeat);
    await expect(client.sendHeartbeat(heartbeat)).resolves.toBeUndefined();
    expect(raw).toMatchObject({ connections: 2, requests: 3 });
  });

  it('does not send again when a fresh connection is reset: that request may have been read', async () => {
    const raw = await startRawServer(() => true);
    const client = new BillingClient({ baseUrl: raw.baseUrl, terminalId: 'T1', terminalKey: 'key', timeoutMs: 3000 });
    const failure = await client.sendHeartbeat(heartbeat).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(BillingError);
    expect((failure as BillingError).kind).toBe('unavailable');
    expect(raw).toMatchObject({ connections: 1, requests: 1 });
  });
});
