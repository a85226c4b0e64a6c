// The loopback HTTP transport of browser mode: serves the built renderer and `POST /api/<method>`.
// Every API request must carry the per-launch token and come from this origin; anything else is
// refused before a handler runs. It listens on 127.0.0.1 only.
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import type { KioskResult } from '../core/api/contract';
import type { KioskDispatch } from '../core/api/dispatcher';
import type { Logger } from '../core/logging/logger';
import { contentSecurityPolicy } from '../core/security/content-security-policy';

export const API_TOKEN_HEADER = 'x-kiosk-token';
export const MAX_API_BODY_BYTES = 64 * 1024;

export interface HttpTransportOptions {
  dispatch: KioskDispatch;
  /** Folder with the built renderer (index.html and assets). */
  rendererDir: string;
  port?: number;
  logger: Logger;
  /** Fixed token for tests; a random one per launch otherwise. */
  token?: string;
}

export interface HttpTransport {
  /** The address the socket is bound to: always 127.0.0.1. */
  address: string;
  port: number;
  token: string;
  /** Opens the kiosk in a browser: the token travels in the fragment, which is never sent to a server. */
  url: string;
  close(): Promise<void>;
}

type Refusal = { status: number; code: 'forbidden' | 'too-large' | 'bad-request' | 'not-found'; message: string };

const REFUSALS = {
  forbidden: { status: 403, code: 'forbidden', message: 'Доступ запрещён.' },
  tooLarge: { status: 413, code: 'too-large', message: 'Слишком большой запрос.' },
  badRequest: { status: 400, code: 'bad-request', message: 'Неверный запрос.' },
  notFound: { status: 404, code: 'not-found', message: 'Не найдено.' },
} satisfies Record<string, Refusal>;

export async function startHttpTransport(options: HttpTransportOptions): Promise<HttpTransport> {
  const token = options.token ?? crypto.randomBytes(32).toString('base64url');
  const tokenBytes = Buffer.from(token);
  const serveStatic = sirv(options.rendererDir, { dev: false, etag: true, gzip: false, brotli: false });
  let allowedHosts: Set<string> = new Set();

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
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(response, REFUSALS.notFound);
    response.setHeader('Content-Security-Policy', contentSecurityPolicy());
    if (url.pathname === '/' || url.pathname.endsWith('.html')) response.setHeader('Cache-Control', 'no-store');
    serveStatic(request, response, () => refuse(response, REFUSALS.notFound));
  });

  async function handleApi(request: http.IncomingMessage, response: http.ServerResponse, methodName: string): Promise<void> {
    response.setHeader('Cache-Control', 'no-store');
    if (request.method !== 'POST') return refuse(response, REFUSALS.notFound);
    const origin = request.headers.origin;
    if (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//, ''))) return refuse(response, REFUSALS.forbidden);
    const presented = Buffer.from(String(request.headers[API_TOKEN_HEADER] ?? ''));
    if (presented.length !== tokenBytes.length || !crypto.timingSafeEqual(presented, tokenBytes)) {
      return refuse(response, REFUSALS.forbidden);
    }
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
    url: `http://127.0.0.1:${port}/#token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
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
