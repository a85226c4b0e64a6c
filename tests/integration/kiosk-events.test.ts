// The core's events reach the screen over the browser-mode event stream: a snapshot first, then the
// billing link going down and up, the outbox filling and draining, the printer, and restarts in
// place, behind exactly the same token, Host and Origin rules as the API, with one subscription per
// screen however often the core restarts.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startReferenceBillingServer, type ReferenceBillingServer } from '../../src-main/billing-server/reference-billing-server';
import { EVENTS_PATH, SESSION_COOKIE, startHttpTransport, type HttpTransport } from '../../src-main/browser-mode/http-transport';
import type { KioskResult } from '../../src-main/core/api/contract';
import { parseKioskConfig } from '../../src-main/core/config/kiosk-config';
import type { KioskEvent, KioskEventMap, KioskEventType } from '../../src-main/core/events/kiosk-events';
import { startCoreHost, type CoreHost } from '../../src-main/core/host/core-host';
import { silentLogger } from '../../src-main/core/logging/logger';
import { DEMO } from '../support/demo-accounts';

let dir: string;
let dbFile: string;
let billing: ReferenceBillingServer;
let billingPort: number;
let host: CoreHost;
let transport: HttpTransport;
/** The screen: one stream for the whole file, as the kiosk page keeps one. */
let screen: EventStream;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-events-'));
  dbFile = path.join(dir, 'billing.sqlite');
  billing = await startReferenceBillingServer({ dbFile });
  billingPort = Number(new URL(billing.url).port);
  const config = parseKioskConfig({
    terminalId: 'EVENTS-01',
    billing: { url: billing.url, timeoutMs: 1000 },
    delivery: { retryBaseMs: 50, retryCapMs: 300, breakerCooldownMs: 200 },
  });
  host = await startCoreHost({
    dataDir: dir,
    configFile: path.join(dir, 'kiosk-config.json'),
    loadConfig: () => config,
    logger: silentLogger,
    exit: () => undefined,
  });
  const rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>kiosk</title>');
  transport = await startHttpTransport({
    dispatch: host.dispatch,
    events: host.events,
    rendererDir,
    logger: silentLogger,
    eventsHeartbeatMs: 100,
  });
  screen = await openStream();
});

afterAll(async () => {
  screen?.close();
  await transport?.close();
  await host?.close();
  await billing?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

interface EventStream {
  contentType: string | undefined;
  events: KioskEvent[];
  comments: string[];
  close(): void;
}

type StreamAnswer = { status: 200; stream: EventStream } | { status: number; body: string };

const hostHeader = () => ({ Host: `127.0.0.1:${transport.port}` });
const sessionCookie = (secret = transport.token) => `${SESSION_COOKIE}=${secret}`;

/** A minimal EventSource (Node 20 has none): `event:` / `data:` blocks, `:` comments. */
function requestStream(options: { path?: string; method?: string; headers?: Record<string, string> } = {}): Promise<StreamAnswer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port: transport.port,
        path: options.path ?? EVENTS_PATH,
        method: options.method ?? 'GET',
        headers: { ...hostHeader(), Cookie: sessionCookie(), Accept: 'text/event-stream', ...options.headers },
      },
      (response) => {
        response.setEncoding('utf8');
        if (response.statusCode !== 200) {
          let body = '';
          response.on('data', (chunk: string) => (body += chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
          return;
        }
        const stream: EventStream = {
          contentType: response.headers['content-type'],
          events: [],
          comments: [],
          close: () => request.destroy(),
        };
        let buffer = '';
        response.on('data', (chunk: string) => {
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            let type: string | null = null;
            let data: string | null = null;
            for (const line of block.split('\n')) {
              if (line.startsWith(':')) stream.comments.push(line.slice(1).trim());
              else if (line.startsWith('event: ')) type = line.slice('event: '.length);
              else if (line.startsWith('data: ')) data = line.slice('data: '.length);
            }
            if (type && data !== null) stream.events.push({ type, data: JSON.parse(data) } as KioskEvent);
          }
        });
        resolve({ status: 200, stream });
      },
    );
    request.on('error', (error: NodeJS.ErrnoException) => {
      // Destroying an open stream on purpose is not a failure.
      if (error.code !== 'ECONNRESET') reject(error);
    });
    request.end();
  });
}

async function openStream(): Promise<EventStream> {
  const answer = await requestStream();
  if (answer.status !== 200 || !('stream' in answer)) throw new Error(`event stream refused: ${answer.status}`);
  if (answer.stream.contentType !== 'text/event-stream; charset=utf-8')
    throw new Error(`not an event stream: ${answer.stream.contentType}`);
  // The first event is always the snapshot.
  await vi.waitFor(() => {
    if (answer.stream.events.length === 0) throw new Error('no snapshot yet');
  });
  return answer.stream;
}

function post(method: string, input: unknown = {}, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const text = JSON.stringify(input);
    const request = http.request(
      {
        host: '127.0.0.1',
        port: transport.port,
        path: `/api/${method}`,
        method: 'POST',
        headers: { ...hostHeader(), 'Content-Type': 'application/json', Cookie: sessionCookie(), ...headers },
      },
      (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    request.on('error', reject);
    request.end(text);
  });
}

async function call<T>(method: string, input: unknown = {}): Promise<KioskResult<T>> {
  return JSON.parse((await post(method, input)).body) as KioskResult<T>;
}

/** The events of one type the stream saw after `since` (an index into its events). */
function seen<K extends KioskEventType>(stream: EventStream, type: K, since = 0): Array<KioskEventMap[K]> {
  return stream.events
    .slice(since)
    .filter((event): event is Extract<KioskEvent, { type: K }> => event.type === type)
    .map((event) => event.data as KioskEventMap[K]);
}

describe('the kiosk event stream', () => {
  it('starts with a snapshot of everything the screen shows, then keeps the line alive with comments', async () => {
    expect(screen.events[0]).toMatchObject({
      type: 'snapshot',
      data: {
        terminal: { terminalId: 'EVENTS-01', trainingMode: false, orientation: 'auto', languages: ['ru', 'ba', 'en'] },
        link: { online: true },
        outbox: { pending: 0, rejected: 0, oldestPendingAt: null },
        printer: null,
        restarting: false,
      },
    });
    await expect.poll(() => screen.comments.filter((comment) => comment === 'heartbeat').length).toBeGreaterThanOrEqual(2);
  });

  it('tells the billing link going down and up, and the outbox filling and draining', async () => {
    const since = screen.events.length;
    const login = await call('session.login', { accountNumber: DEMO.owesMoney.accountNumber, password: 'demo1234' });
    expect(login.ok).toBe(true);
    expect((await call('appeals.topics')).ok).toBe(true);

    await billing.close();
    const submitted = await call<{ delivery: string }>('appeals.submit', {
      topicId: 'payments',
      text: 'Платёж от 3 числа не виден.',
      contactPhone: '89171234567',
    });
    expect(submitted).toMatchObject({ ok: true, value: { delivery: 'pending' } });
    await expect.poll(() => seen(screen, 'link', since).at(-1)).toEqual({ online: false, lastContactAt: null });
    await expect.poll(() => seen(screen, 'outbox', since).at(-1)?.pending).toBe(1);
    expect(seen(screen, 'outbox', since).at(-1)?.oldestPendingAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

    // Back on the same address; nobody calls anything: the outbox worker's retry notices.
    billing = await startReferenceBillingServer({ dbFile, port: billingPort });
    await expect
      .poll(() => seen(screen, 'outbox', since).at(-1), { timeout: 20_000, interval: 100 })
      .toEqual({
        pending: 0,
        rejected: 0,
        oldestPendingAt: null,
      });
    expect(seen(screen, 'link', since).at(-1)).toMatchObject({ online: true, lastContactAt: expect.any(String) });
    await call('session.logout');
  });

  it('tells a change of the printer state', async () => {
    const since = screen.events.length;
    const status = await host.core.services.printing.status();
    await expect.poll(() => seen(screen, 'printer', since)).toEqual([{ state: status.state, paperNearEnd: status.paperNearEnd }]);
    // The same state again is no news.
    await host.core.services.printing.status();
    expect(seen(screen, 'printer', since)).toHaveLength(1);
  });

  it.each([
    ['no session cookie', { headers: { Cookie: '' } }, { Cookie: '' }],
    ['a wrong session cookie', { headers: { Cookie: sessionCookie('x'.repeat(43)) } }, { Cookie: sessionCookie('x'.repeat(43)) }],
    ['a foreign Origin', { headers: { Origin: 'http://evil.example' } }, { Origin: 'http://evil.example' }],
    ['a foreign Host (DNS rebinding)', { headers: { Host: 'evil.example:1234' } }, { Host: 'evil.example:1234' }],
  ])('refuses a stream with %s exactly as it refuses an API call', async (_case, streamOptions, postHeaders) => {
    const before = { listeners: host.events.listenerCount, streams: transport.openEventStreams };
    const refused = await requestStream(streamOptions);
    const refusedCall = await post('session.logout', {}, postHeaders);
    expect(refused.status).toBe(403);
    expect(refused).toEqual(refusedCall);
    expect({ listeners: host.events.listenerCount, streams: transport.openEventStreams }).toEqual(before);
  });

  it('takes only GET', async () => {
    expect((await requestStream({ method: 'POST' })).status).toBe(404);
  });

  it('keeps exactly one subscription per screen across restarts of the core, and says when it restarts', async () => {
    expect(host.events.listenerCount).toBe(1);
    expect(transport.openEventStreams).toBe(1);
    const since = screen.events.length;
    const cores = [host.core];
    for (const reason of ['test-1', 'test-2']) {
      await host.restart(reason);
      cores.push(host.core);
    }
    const restartEvents = () =>
      screen.events
        .slice(since)
        .map((event) => event.type)
        .filter((type) => type === 'restarting' || type === 'restarted');
    await expect.poll(restartEvents).toEqual(['restarting', 'restarted', 'restarting', 'restarted']);
    expect(seen(screen, 'restarting', since)).toEqual([{ reason: 'test-1' }, { reason: 'test-2' }]);
    expect(seen(screen, 'restarted', since).at(-1)).toMatchObject({ terminal: { terminalId: 'EVENTS-01' }, restarting: false });
    // The host follows only the core running now; the screen still has one stream and one subscription.
    expect(cores.map((core) => core.events.listenerCount)).toEqual([0, 0, 1]);
    expect(host.events.listenerCount).toBe(1);
    expect(transport.openEventStreams).toBe(1);

    // The same stream hears the new core.
    const afterRestart = screen.events.length;
    await billing.close();
    await call('session.login', { accountNumber: DEMO.owesMoney.accountNumber, password: 'demo1234' });
    await expect.poll(() => seen(screen, 'link', afterRestart).at(-1)?.online).toBe(false);
    billing = await startReferenceBillingServer({ dbFile, port: billingPort });
    await call('session.login', { accountNumber: DEMO.owesMoney.accountNumber, password: 'demo1234' });
    await expect.poll(() => seen(screen, 'link', afterRestart).at(-1)?.online).toBe(true);
    await call('session.logout');
  });

  it('gives a screen that connects during a restart the last snapshot, marked as restarting', async () => {
    const restarting = host.restart('test-3');
    const during = host.events.snapshot();
    await restarting;
    expect(during).toMatchObject({ restarting: true, terminal: { terminalId: 'EVENTS-01' } });
    expect(host.events.snapshot().restarting).toBe(false);
  });

  it('lets go of a stream the screen closed', async () => {
    const second = await openStream();
    expect(host.events.listenerCount).toBe(2);
    expect(transport.openEventStreams).toBe(2);
    second.close();
    await expect.poll(() => transport.openEventStreams).toBe(1);
    expect(host.events.listenerCount).toBe(1);
  });
});
