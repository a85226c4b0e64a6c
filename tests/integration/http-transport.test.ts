// The loopback transport of browser mode refuses, before any handler runs, every request that is
// not from the kiosk's own page: no session cookie, a wrong one, a foreign Origin or Host, a huge
// body. The launch code that sets the cookie works once.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE, startHttpTransport, type HttpTransport } from '../../src-main/browser-mode/http-transport';
import type { KioskDispatch } from '../../src-main/core/api/dispatcher';
import { silentLogger } from '../../src-main/core/logging/logger';
import { startCoreFixture, type CoreFixture } from '../support/kiosk-core-fixture';
import { DEMO } from '../support/demo-accounts';

let fixture: CoreFixture;
let transport: HttpTransport;
const dispatched: string[] = [];

beforeAll(async () => {
  fixture = await startCoreFixture();
  const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-renderer-'));
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>kiosk</title>');
  // The real dispatcher, wrapped only to see whether a request ever reached it.
  const dispatch: KioskDispatch = (method, input) => {
    dispatched.push(method);
    return fixture.core.dispatch(method, input);
  };
  transport = await startHttpTransport({ dispatch, events: fixture.core.events, rendererDir, logger: silentLogger });
});

afterAll(async () => {
  await transport.close();
  await fixture.close();
});

interface RawResponse {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

function request(options: {
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: transport.port, path: options.path, method: options.method ?? 'POST', headers: options.headers },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

const sessionCookie = (secret = transport.token) => `${SESSION_COOKIE}=${secret}`;
const goodHeaders = () => ({ 'Content-Type': 'application/json', Cookie: sessionCookie(), Host: `127.0.0.1:${transport.port}` });

describe('loopback HTTP transport', () => {
  it('answers a proper call from the kiosk page', async () => {
    const response = await request({ path: '/api/terminal.status', headers: goodHeaders(), body: '{}' });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ ok: true, value: { trainingMode: true } });
  });

  it.each([
    ['no session cookie', { Cookie: '' }],
    ['a wrong session cookie', { Cookie: sessionCookie('x'.repeat(43)) }],
    ['the session secret as a header, not a cookie', { Cookie: '', 'X-Kiosk-Token': 'x' }],
    ['a foreign Origin', { Origin: 'http://evil.example' }],
    ['a foreign Host (DNS rebinding)', { Host: `evil.example:1234` }],
  ])('refuses a request with %s before any handler runs', async (_case, override) => {
    const before = dispatched.length;
    const response = await request({ path: '/api/session.logout', headers: { ...goodHeaders(), ...override }, body: '{}' });
    expect(response.status).toBe(403);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { message: { key: 'errors.transport.forbidden' } } });
    expect(dispatched.length).toBe(before);
  });

  it('exchanges the launch code for the session cookie once; the code is spent after that', async () => {
    // A transport of its own: the shared one's code may be spent by another test.
    const own = await startHttpTransport({
      dispatch: fixture.core.dispatch,
      events: fixture.core.events,
      rendererDir: fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-renderer-')),
      logger: silentLogger,
    });
    try {
      const launch = new URL(own.url);
      expect(launch.pathname).toBe('/launch');
      // The code is not the session secret: reading it later from a command line gives nothing.
      expect(own.url).not.toContain(own.token);
      const get = (headers: Record<string, string> = {}) =>
        new Promise<RawResponse>((resolve, reject) => {
          const req = http.request(
            { host: '127.0.0.1', port: own.port, path: `${launch.pathname}${launch.search}`, headers: { Host: launch.host, ...headers } },
            (res) => {
              res.resume();
              res.on('end', () => resolve({ status: res.statusCode ?? 0, body: '', headers: res.headers }));
            },
          );
          req.on('error', reject);
          req.end();
        });
      const first = await get();
      expect([first.status, first.headers.location]).toEqual([303, '/']);
      expect(first.headers['set-cookie']).toEqual([`${SESSION_COOKIE}=${own.token}; HttpOnly; SameSite=Strict; Path=/`]);
      const replayed = await get();
      expect(replayed.status).toBe(403);
      expect(replayed.headers['set-cookie']).toBeUndefined();
      // The kiosk's own browser, reloading with its cookie, goes on to the page.
      const reloaded = await get({ Cookie: `${SESSION_COOKIE}=${own.token}` });
      expect([reloaded.status, reloaded.headers['set-cookie']]).toEqual([303, undefined]);
    } finally {
      await own.close();
    }
  });

  it('refuses an oversized body with 413, declared or streamed', async () => {
    const before = dispatched.length;
    const huge = JSON.stringify({ accountNumber: DEMO.owesMoney.accountNumber, password: 'x'.repeat(70 * 1024) });
    const declared = await request({ path: '/api/session.login', headers: goodHeaders(), body: huge });
    expect(declared.status).toBe(413);
    const chunked = await request({
      path: '/api/session.login',
      headers: { ...goodHeaders(), 'Transfer-Encoding': 'chunked' },
      body: huge,
    });
    expect(chunked.status).toBe(413);
    expect(dispatched.length).toBe(before);
  });

  it('refuses a body that is not JSON and a method that is not POST', async () => {
    expect((await request({ path: '/api/terminal.status', headers: goodHeaders(), body: '{oops' })).status).toBe(400);
    expect((await request({ path: '/api/terminal.status', method: 'GET', headers: goodHeaders() })).status).toBe(404);
    expect(
      (await request({ path: '/api/terminal.status', headers: { ...goodHeaders(), 'Content-Type': 'text/plain' }, body: '{}' })).status,
    ).toBe(400);
  });

  it('serves the renderer with a strict Content-Security-Policy', async () => {
    const page = await request({ path: '/', method: 'GET', headers: { Host: `127.0.0.1:${transport.port}` } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
  });

  it('listens on the loopback interface only', () => {
    expect(transport.address).toBe('127.0.0.1');
  });
});
