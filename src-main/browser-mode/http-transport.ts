// The loopback HTTP transport of browser mode: serves the built renderer, `POST /api/<method>` and
// the core's events as Server-Sent Events on `GET /events`. Every API request and event stream must
// carry the session cookie and come from this origin; anything else is refused before a handler
// runs or a subscription is made. It listens on 127.0.0.1 only.
//
// How the kiosk's browser gets the cookie without a secret on any command line (issue 15 #2): the
// browser is started on `/launch?code=…`, a one-time code that this transport exchanges, once, for
// an HttpOnly, SameSite=Strict cookie holding the session secret. Any local user can read the code
// from /proc/<pid>/cmdline or the browser's history, but by then it is spent. If someone else spends
// it first, the kiosk's own page cannot start, which staff see at once; they restart the kiosk.
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import type { KioskResult } from '../core/api/contract';
import type { KioskDispatch } from '../core/api/dispatcher';
import type { KioskEvent, KioskEventFeed } from '../core/events/kiosk-events';
import type { Logger } from '../core/logging/logger';
import { message, type Message } from '../core/messages/messages';
import { contentSecurityPolicy } from '../core/security/content-security-policy';

export const MAX_API_BODY_BYTES = 64 * 1024;
export const EVENTS_PATH = '/events';
export const LAUNCH_PATH = '/launch';
/**
 * The session cookie. Cookies are not isolated by port, but the kiosk's browser talks to no other
 * server on 127.0.0.1 (the CSP allows only this origin), HttpOnly keeps it from scripts, and
 * SameSite=Strict keeps it off requests that other sites start.
 */
export const SESSION_COOKIE = 'kiosk_session';

export interface HttpTransportOptions {
  dispatch: KioskDispatch;
  /** Folder with the built renderer (index.html and assets). */
  rendererDir: string;
  port?: number;
  logger: Logger;
  /** Fixed session secret for tests; a random one per launch otherwise. */
  token?: string;
  /** The core's events (through the core host, so a stream survives a restart in place). */
  events: KioskEventFeed;
  /** How often an open event stream gets a comment line, so no proxy or socket idles it out. */
  eventsHeartbeatMs?: number;
}

export interface HttpTransport {
  /** The address the socket is bound to: always 127.0.0.1. */
  address: string;
  port: number;
  /** The session secret the cookie carries. */
  token: string;
  /** Opens the kiosk in a browser, once: the launch code in it is spent by the first load. */
  url: string;
  /** Event streams open now (one per connected screen). */
  readonly openEventStreams: number;
  close(): Promise<void>;
}

type Refusal = { status: number; code: 'forbidden' | 'too-large' | 'bad-request' | 'not-found'; message: Message };

const REFUSALS = {
  forbidden: { status: 403, code: 'forbidden', message: message('errors.transport.forbidden') },
  tooLarge: { status: 413, code: 'too-large', message: message('errors.transport.tooLarge') },
  badRequest: { status: 400, code: 'bad-request', message: message('errors.transport.badRequest') },
  notFound: { status: 404, code: 'not-found', message: message('errors.transport.notFound') },
} satisfies Record<string, Refusal>;

export async function startHttpTransport(options: HttpTransportOptions): Promise<HttpTransport> {
  const token = options.token ?? crypto.randomBytes(32).toString('base64url');
  const tokenBytes = Buffer.from(token);
  const launchCode = crypto.randomBytes(32).toString('base64url');
  let launchSpent = false;
  const serveStatic = sirv(options.rendererDir, { dev: false, etag: true, gzip: false, brotli: false });
  let allowedHosts: Set<string> = new Set();
  let openEventStreams = 0;

  const server = http.createServer((request, response) => {
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Referrer-Policy', 'no-referrer');
    response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');

    // DNS rebinding defence: only our own loopback host names are served, for pages and API alike.
    if (!allowedHosts.has(request.headers.host ?? '')) return refuse(response, REFUSALS.forbidden);

    const url = new URL(request.url ?? '/', 'http://placeholder');
    if (url.pathname.startsWith('/api/')) {
      handleApi(request, response, url.pathname.slice('/api/'.length)).catch((error: unknown) => {
        options.logger.error('http transport failed', { error });
        if (!response.headersSent) refuse(response, REFUSALS.badRequest);
      });
      return;
    }
    if (url.pathname === LAUNCH_PATH) return handleLaunch(request, response, url.searchParams.get('code') ?? '');
    if (url.pathname === EVENTS_PATH) {
      try {
        handleEvents(request, response);
      } catch (error) {
        options.logger.error('event stream failed to open', { error });
        if (!response.headersSent) refuse(response, REFUSALS.badRequest);
      }
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(response, REFUSALS.notFound);
    response.setHeader('Content-Security-Policy', contentSecurityPolicy());
    if (url.pathname === '/' || url.pathname.endsWith('.html')) response.setHeader('Cache-Control', 'no-store');
    serveStatic(request, response, () => refuse(response, REFUSALS.notFound));
  });

  async function handleApi(request: http.IncomingMessage, response: http.ServerResponse, methodName: string): Promise<void> {
    response.setHeader('Cache-Control', 'no-store');
    if (request.method !== 'POST') return refuse(response, REFUSALS.notFound);
    const refusal = callerRefusal(request);
    if (refusal) return refuse(response, refusal);
    if (!String(request.headers['content-type'] ?? '').startsWith('application/json')) return refuse(response, REFUSALS.badRequest);
    const declaredLength = Number(request.headers['content-length'] ?? 0);
    if (declaredLength > MAX_API_BODY_BYTES) {
      request.resume();
      return refuse(response, REFUSALS.tooLarge);
    }
    const body = await readBody(request, MAX_API_BODY_BYTES);
    if (body === 'too-large') return refuse(response, REFUSALS.tooLarge);
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      return refuse(response, REFUSALS.badRequest);
    }
    const result = await options.dispatch(decodeURIComponent(methodName), input);
    sendJson(response, 200, result);
  }

  /** The kiosk page's credentials, the same for API calls and event streams: its own Origin (when the browser sends one) and the cookie. */
  function callerRefusal(request: http.IncomingMessage): Refusal | null {
    const origin = request.headers.origin;
    if (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//, ''))) return REFUSALS.forbidden;
    return sameSecret(sessionCookieOf(request), tokenBytes) ? null : REFUSALS.forbidden;
  }

  /** The one exchange of the launch code for the session cookie; a browser that has the cookie just goes on. */
  function handleLaunch(request: http.IncomingMessage, response: http.ServerResponse, code: string): void {
    response.setHeader('Cache-Control', 'no-store');
    if (request.method !== 'GET') return refuse(response, REFUSALS.notFound);
    const hasSession = sameSecret(sessionCookieOf(request), tokenBytes);
    if (!hasSession) {
      if (launchSpent || !sameSecret(code, Buffer.from(launchCode))) {
        options.logger.warn('a launch code was refused (spent or wrong)');
        return refuse(response, REFUSALS.forbidden);
      }
      launchSpent = true;
      response.setHeader('Set-Cookie', `${SESSION_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`);
    }
    response.writeHead(303, { Location: '/' });
    response.end();
  }

  function handleEvents(request: http.IncomingMessage, response: http.ServerResponse): void {
    response.setHeader('Cache-Control', 'no-store');
    if (request.method !== 'GET') return refuse(response, REFUSALS.notFound);
    const refusal = callerRefusal(request);
    if (refusal) return refuse(response, refusal);
    // Read before the headers go out, so a failure still gets an ordinary refusal.
    const snapshot = options.events.snapshot();
    response.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'X-Accel-Buffering': 'no' });
    // A dropped stream reconnects after two seconds and starts again from a fresh snapshot.
    response.write('retry: 2000\n\n');
    const send = (event: KioskEvent) => response.write(`event: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`);
    send({ type: 'snapshot', data: snapshot });
    const unsubscribe = options.events.subscribe(send);
    const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), options.eventsHeartbeatMs ?? 15_000);
    openEventStreams += 1;
    response.once('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      openEventStreams -= 1;
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  return {
    address,
    port,
    token,
    url: `http://127.0.0.1:${port}${LAUNCH_PATH}?code=${launchCode}`,
    get openEventStreams() {
      return openEventStreams;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function sessionCookieOf(request: http.IncomingMessage): string {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return value.join('=');
  }
  return '';
}

function sameSecret(presented: string, expected: Buffer): boolean {
  const bytes = Buffer.from(presented);
  return bytes.length === expected.length && crypto.timingSafeEqual(bytes, expected);
}

function readBody(request: http.IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit && !settled) {
        settled = true;
        resolve('too-large');
        request.resume();
        return;
      }
      if (!settled) chunks.push(chunk);
    });
    request.on('end', () => {
      if (!settled) resolve(Buffer.concat(chunks));
    });
    request.on('error', reject);
  });
}

function refuse(response: http.ServerResponse, refusal: Refusal): void {
  const result: KioskResult<never> = { ok: false, error: { code: 'invalid-input', message: refusal.message } };
  sendJson(response, refusal.status, { ...result, transport: refusal.code });
}

function sendJson(response: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  response.end(text);
}
