// Every billing call ends within its configured time, headers and body together: a server that
// answers its headers at once and then trickles one byte every half second is cut off, not waited for.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { BillingClient } from '../../src-main/core/billing/billing-client';
import { BillingError } from '../../src-main/core/billing/billing-error';

let server: http.Server | null = null;
const timers = new Set<ReturnType<typeof setInterval>>();
afterEach(async () => {
  for (const timer of timers) clearInterval(timer);
  timers.clear();
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

/** Headers now, then one byte of a never-ending JSON body every 500 ms (bounded: 60 bytes at most). */
async function startTricklingServer(): Promise<string> {
  server = http.createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.write('{"accountNumber":"');
    let sent = 0;
    const timer = setInterval(() => {
      sent += 1;
      if (sent > 60 || response.destroyed) return clearInterval(timer);
      response.write('8');
    }, 500);
    timers.add(timer);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', () => resolve()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('the billing client deadline', () => {
  it('ends a call whose answer trickles in after its headers as a time-out', async () => {
    const baseUrl = await startTricklingServer();
    const client = new BillingClient({ baseUrl, terminalId: 'T1', terminalKey: 'key', timeoutMs: 1500 });
    const failure = await client.getAccountSummary('token').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(BillingError);
    expect((failure as BillingError).kind).toBe('timeout');
  }, 20_000);
});
