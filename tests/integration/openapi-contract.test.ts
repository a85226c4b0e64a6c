// `resources/billing-api.openapi.yaml` against the code: the document must list exactly the
// reference server's routes, mirror the zod wire schemas, and describe every answer the server
// really gives. The kiosk's real BillingClient (and plain fetch for what the client never sends)
// talks to the real reference server through a recording pass-through; after every test each
// recorded exchange is checked against the document with Ajv: the status must be listed for that
// operation, the body must match the listed schema, and the request must match the document too.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import {
  referenceBillingRouteList,
  startReferenceBillingServer,
  type ReferenceBillingServer,
} from '../../src-main/billing-server/reference-billing-server';
import { BillingClient } from '../../src-main/core/billing/billing-client';
import { BillingError } from '../../src-main/core/billing/billing-error';
import * as wire from '../../src-main/core/billing/billing-wire';
import { trainingSmsInbox } from '../../src-main/billing-server/training-sms';
import { BILL_HOLDERS, DEMO, NO_SUCH_ACCOUNT, WRONG_BILL_CODE } from '../support/demo-accounts';

const DOC_FILE = fileURLToPath(new URL('../../resources/billing-api.openapi.yaml', import.meta.url));
const SERVER_SOURCE = fileURLToPath(new URL('../../src-main/billing-server/reference-billing-server.ts', import.meta.url));
const NOW = Date.parse('2026-11-20T10:00:00+05:00');
const TODAY = '2026-11-20';
const TERMINAL_ID = 'CONTRACT-01';
const TERMINAL_HEADERS = { 'X-Terminal-Id': TERMINAL_ID, 'X-Terminal-Key': 'training' };
const PASSWORD = 'demo1234';
const ACTIVATION_CODE = '4821-7390-1156';
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

// --- the document --------------------------------------------------------------------------------

type JsonObject = Record<string, unknown>;

interface Operation {
  operationId?: string;
  summary?: string;
  tags?: string[];
  parameters?: JsonObject[];
  requestBody?: JsonObject;
  responses: Record<string, JsonObject>;
  security?: Array<Record<string, string[]>>;
}

interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description: string };
  servers: Array<{ url: string; description?: string }>;
  security: Array<Record<string, string[]>>;
  tags: Array<{ name: string }>;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, JsonObject>; securitySchemes: Record<string, JsonObject> };
}

const doc = parseYaml(fs.readFileSync(DOC_FILE, 'utf8')) as OpenApiDocument;

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(doc, 'openapi');
const validators = new Map<string, ValidateFunction>();

/** A validator for the schema at a JSON pointer (`#/...`) into the document. */
function validatorAt(pointer: string): ValidateFunction {
  let validate = validators.get(pointer);
  if (!validate) {
    validate = ajv.compile({ $ref: `openapi${pointer}` });
    validators.set(pointer, validate);
  }
  return validate;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const escapePointer = (segment: string) => segment.replaceAll('~', '~0').replaceAll('/', '~1');

function resolvePointer(pointer: string): unknown {
  if (!pointer.startsWith('#/')) throw new Error(`only local references are used: ${pointer}`);
  let node: unknown = doc;
  for (const raw of pointer.slice(2).split('/')) {
    const segment = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    node = Array.isArray(node) ? (node as unknown[])[Number(segment)] : isObject(node) ? node[segment] : undefined;
  }
  return node;
}

/** Follows `$ref`s of the document's own objects (responses, parameters, headers): the pointer and the object. */
function follow(pointer: string): { pointer: string; node: JsonObject | undefined } {
  let current = pointer;
  let node = resolvePointer(current);
  while (isObject(node) && typeof node.$ref === 'string') {
    current = node.$ref;
    node = resolvePointer(current);
  }
  return { pointer: current, node: isObject(node) ? node : undefined };
}

interface DocumentedOperation {
  method: string;
  path: string;
  pointer: string;
  operation: Operation;
}

const operations: DocumentedOperation[] = Object.entries(doc.paths).flatMap(([apiPath, item]) =>
  Object.entries(item)
    .filter(([method]) => HTTP_METHODS.includes(method))
    .map(([method, operation]) => ({ method, path: apiPath, pointer: `#/paths/${escapePointer(apiPath)}/${method}`, operation })),
);

function parametersOf(op: DocumentedOperation): Array<{ pointer: string; node: JsonObject }> {
  return (op.operation.parameters ?? []).map((_, index) => {
    const { pointer, node } = follow(`${op.pointer}/parameters/${index}`);
    if (!node) throw new Error(`${op.method} ${op.path}: parameter ${index} does not resolve`);
    return { pointer, node };
  });
}

/** Whether every way of calling the operation needs a session (writes to an account may carry one, but need none). */
function needsSession(op: DocumentedOperation): boolean {
  return (op.operation.security ?? doc.security).every((requirement) => 'customerSession' in requirement);
}

function hasRequiredIdempotencyKey(op: DocumentedOperation): boolean {
  return parametersOf(op).some(({ node }) => node.in === 'header' && node.name === 'Idempotency-Key' && node.required === true);
}

function operationFor(method: string, pathname: string): { op: DocumentedOperation; params: Record<string, string> } | undefined {
  for (const op of operations) {
    if (op.method !== method.toLowerCase()) continue;
    const names: string[] = [];
    const source = op.path
      .split(/(\{\w+\})/)
      .map((part) => {
        const name = /^\{(\w+)\}$/.exec(part)?.[1];
        if (!name) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        names.push(name);
        return '([^/]+)';
      })
      .join('');
    const match = new RegExp(`^${source}$`).exec(pathname);
    if (match) return { op, params: Object.fromEntries(names.map((name, index) => [name, decodeURIComponent(match[index + 1] ?? '')])) };
  }
  return undefined;
}

function byOperationId(operationId: string): DocumentedOperation {
  const op = operations.find((candidate) => candidate.operation.operationId === operationId);
  if (!op) throw new Error(`no operation ${operationId} in the document`);
  return op;
}

/** Ajv's complaints about `value` against the request body schema of an operation ([] when it conforms). */
function requestBodyErrors(operationId: string, value: unknown): string[] {
  const validate = validatorAt(`${byOperationId(operationId).pointer}/requestBody/content/application~1json/schema`);
  return validate(value) ? [] : [ajv.errorsText(validate.errors)];
}

// --- recording pass-through ------------------------------------------------------------------------

interface Exchange {
  method: string;
  pathname: string;
  query: URLSearchParams;
  requestHeaders: http.IncomingHttpHeaders;
  requestBody: string;
  status: number;
  responseHeaders: http.IncomingHttpHeaders;
  responseBody: string;
}

interface Tap {
  url: string;
  exchanges: Exchange[];
  close(): Promise<void>;
}

/** Forwards every request to `target` unchanged and records the request and the answer as they were on the wire. */
async function startTap(target: string): Promise<Tap> {
  const exchanges: Exchange[] = [];
  const agent = new http.Agent({ keepAlive: false });
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const requestBody = Buffer.concat(chunks);
      const url = new URL(request.url ?? '/', target);
      const upstream = http.request(
        url,
        { method: request.method, headers: { ...request.headers, host: url.host, connection: 'close' }, agent },
        (answer) => {
          const parts: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => parts.push(chunk));
          answer.on('end', () => {
            const body = Buffer.concat(parts);
            exchanges.push({
              method: request.method ?? 'GET',
              pathname: url.pathname,
              query: url.searchParams,
              requestHeaders: request.headers,
              requestBody: requestBody.toString('utf8'),
              status: answer.statusCode ?? 0,
              responseHeaders: answer.headers,
              responseBody: body.toString('utf8'),
            });
            const headers = { ...answer.headers };
            delete headers.connection;
            delete headers['keep-alive'];
            response.writeHead(answer.statusCode ?? 502, headers);
            response.end(body);
          });
        },
      );
      upstream.on('error', (error) => {
        response.writeHead(502, { 'Content-Type': 'text/plain' });
        response.end(`tap: ${error.message}`);
      });
      upstream.end(requestBody);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    exchanges,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
      }),
  };
}

function header(headers: http.IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

function jsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Everything about one exchange that the document does not describe; [] when it conforms. */
function problemsOf(exchange: Exchange): string[] {
  const label = `${exchange.method} ${exchange.pathname}${exchange.query.size ? `?${exchange.query}` : ''} → ${exchange.status}`;
  const found = operationFor(exchange.method, exchange.pathname);
  if (!found) return [`${label}: the document has no such operation`];
  const { op, params } = found;
  const { pointer: responsePointer, node: response } = follow(`${op.pointer}/responses/${exchange.status}`);
  if (!response) return [`${label}: status ${exchange.status} is not documented for ${op.operation.operationId}`];
  const problems: string[] = [];
  const success = exchange.status >= 200 && exchange.status < 300;
  const responseJson = jsonOrUndefined(exchange.responseBody);

  // The answer's body.
  const content = isObject(response.content) ? response.content['application/json'] : undefined;
  if (content) {
    if (!/^application\/json\b/.test(header(exchange.responseHeaders, 'content-type') ?? ''))
      problems.push(`${label}: documented as JSON, answered with Content-Type ${header(exchange.responseHeaders, 'content-type')}`);
    const validate = validatorAt(`${responsePointer}/content/application~1json/schema`);
    if (responseJson === undefined) problems.push(`${label}: the body is not JSON: ${exchange.responseBody.slice(0, 200)}`);
    else if (!validate(responseJson))
      problems.push(`${label}: ${ajv.errorsText(validate.errors)} in ${exchange.responseBody.slice(0, 300)}`);
  } else if (exchange.responseBody !== '') {
    problems.push(`${label}: documented without a body, answered ${exchange.responseBody.slice(0, 200)}`);
  }

  // The answer's headers: required ones present and valid, the API's own ones documented.
  const documentedHeaders = isObject(response.headers) ? response.headers : {};
  for (const name of Object.keys(documentedHeaders)) {
    const { pointer, node } = follow(`${responsePointer}/headers/${escapePointer(name)}`);
    const value = header(exchange.responseHeaders, name);
    if (value === undefined) {
      if (node?.required === true) problems.push(`${label}: the required header ${name} is missing`);
      continue;
    }
    const schema = isObject(node?.schema) ? node.schema : {};
    const typed = schema.type === 'integer' || schema.type === 'number' ? Number(value) : value;
    const validate = validatorAt(`${pointer}/schema`);
    if (!validate(typed)) problems.push(`${label}: header ${name}: ${value} ${ajv.errorsText(validate.errors)}`);
  }
  for (const name of ['Retry-After', 'Idempotent-Replayed']) {
    if (header(exchange.responseHeaders, name) !== undefined && !(name in documentedHeaders))
      problems.push(`${label}: answered with the header ${name}, which the document does not list for this response`);
  }

  // The request: what the server accepted must be what the document accepts, and what it refused as
  // malformed the document must refuse too.
  const code = isObject(responseJson) && typeof responseJson.code === 'string' ? responseJson.code : undefined;
  const requestSchema = op.operation.requestBody ? `${op.pointer}/requestBody/content/application~1json/schema` : undefined;
  const requestJson = exchange.requestBody === '' ? undefined : jsonOrUndefined(exchange.requestBody);
  if (requestSchema && requestJson !== undefined && code !== 'idempotency-key-reused') {
    const validate = validatorAt(requestSchema);
    const valid = validate(requestJson);
    if (success && !valid) problems.push(`${label}: accepted a body the document refuses: ${ajv.errorsText(validate.errors)}`);
    if (code === 'invalid-request' && valid) problems.push(`${label}: refused as invalid-request a body the document accepts`);
  }
  if (success && requestSchema && op.operation.requestBody?.required === true && requestJson === undefined)
    problems.push(`${label}: accepted without the required body`);
  if (success) {
    for (const { pointer, node } of parametersOf(op)) {
      const name = String(node.name);
      const value =
        node.in === 'path'
          ? params[name]
          : node.in === 'query'
            ? (exchange.query.get(name) ?? undefined)
            : node.in === 'header'
              ? header(exchange.requestHeaders, name)
              : undefined;
      if (value === undefined) {
        if (node.required === true) problems.push(`${label}: accepted without the required ${node.in} parameter ${name}`);
      } else if (!validatorAt(`${pointer}/schema`)(value)) {
        problems.push(`${label}: accepted the ${node.in} parameter ${name}=${value}, which the document refuses`);
      }
    }
    if (needsSession(op) && !/^Bearer \S+$/.test(header(exchange.requestHeaders, 'authorization') ?? ''))
      problems.push(`${label}: answered without the customer session the document requires`);
    if (!header(exchange.requestHeaders, 'x-terminal-id') || !header(exchange.requestHeaders, 'x-terminal-key'))
      problems.push(`${label}: answered without the terminal headers the document requires`);
  }
  return problems;
}

// --- the servers -----------------------------------------------------------------------------------

let dir: string;
let server: ReferenceBillingServer;
let tap: Tap;
let client: BillingClient;
/** A second server whose reading window (1st–10th) does not include today. */
let closedWindowServer: ReferenceBillingServer;
let closedWindowTap: Tap;
const checked: Exchange[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'openapi-contract-'));
  server = await startReferenceBillingServer({
    dbFile: path.join(dir, 'billing.sqlite'),
    now: () => NOW,
    readingWindow: { fromDay: 15, toDay: 25 },
  });
  tap = await startTap(server.url);
  client = new BillingClient({ baseUrl: tap.url, terminalId: TERMINAL_ID, terminalKey: 'training', timeoutMs: 5000 });
  closedWindowServer = await startReferenceBillingServer({
    dbFile: path.join(dir, 'closed-window.sqlite'),
    now: () => NOW,
    readingWindow: { fromDay: 1, toDay: 10 },
  });
  closedWindowTap = await startTap(closedWindowServer.url);
});

afterAll(async () => {
  await tap?.close();
  await closedWindowTap?.close();
  await server?.close();
  await closedWindowServer?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

// Every test's traffic must be what the document describes.
afterEach(() => {
  const batch = [...tap.exchanges.splice(0), ...closedWindowTap.exchanges.splice(0)];
  checked.push(...batch);
  expect(batch.flatMap(problemsOf)).toEqual([]);
});

async function refusal(promise: Promise<unknown>): Promise<BillingError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(BillingError);
  return error as BillingError;
}

/** A raw request through the tap, for what the client never sends. */
async function call(
  method: string,
  apiPath: string,
  options: { body?: unknown; rawBody?: string; contentType?: string; headers?: Record<string, string>; terminal?: boolean } = {},
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const rawBody = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const response = await fetch(`${tap.url}${apiPath}`, {
    method,
    headers: {
      ...(options.terminal === false ? {} : TERMINAL_HEADERS),
      ...(rawBody === undefined ? {} : { 'Content-Type': options.contentType ?? 'application/json' }),
      ...options.headers,
    },
    body: rawBody,
  });
  const text = await response.text();
  return { status: response.status, body: text ? jsonOrUndefined(text) : undefined, headers: response.headers };
}

function lastExchange(): Exchange {
  const exchange = tap.exchanges.at(-1);
  if (!exchange) throw new Error('no exchange recorded');
  return exchange;
}

const key = () => crypto.randomUUID();
const instant = (hhmm: string) => `${TODAY}T${hhmm}:00+05:00`;

function captchaAnswer(captchaId: string): string {
  const row = server.db.prepare<[string], { answer: string }>('SELECT answer FROM captcha WHERE captcha_id = ?').get(captchaId);
  if (!row) throw new Error(`captcha ${captchaId} is not in the database`);
  return row.answer;
}

function mailedPassword(accountNumber: string): string {
  const row = server.db
    .prepare<[string], { body: string }>('SELECT body FROM outgoing_mail WHERE account_number = ? ORDER BY rowid DESC LIMIT 1')
    .get(accountNumber);
  const password = row?.body.split(': ').at(-1);
  if (!password) throw new Error(`no password was mailed to ${accountNumber}`);
  return password;
}

/** The last SMS the billing centre "sent" to a phone, from its training SMS inbox. */
function lastSms(phone: string): string {
  const body = trainingSmsInbox(server.db, phone)[0]?.body;
  if (!body) throw new Error(`no SMS was sent to ${phone}`);
  return body;
}

const smsCode = (phone: string) => /\b(\d{6})\b/.exec(lastSms(phone))?.[1] ?? '';
const smsPassword = (phone: string) => lastSms(phone).split(': ').at(-1) ?? '';
/** A well-formed SMS code other than the one sent. */
const otherSmsCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

// --- the document itself ---------------------------------------------------------------------------

describe('the document', () => {
  it('is an OpenAPI 3.1 document with the terminal and session security schemes', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.version).toBe('1.2.0');
    expect(doc.info.title).toMatch(/[А-Яа-я].*Billing|Billing.*[А-Яа-я]/i);
    for (const topic of ['Idempotency-Key', 'X-Terminal-Key', 'kopecks', 'YYYY-MM-DD', 'YYYY-MM', 'UTC+5', 'outbox'])
      expect(doc.info.description).toContain(topic);
    expect(doc.servers).toEqual([expect.objectContaining({ url: '/' })]);
    expect(doc.components.securitySchemes).toEqual({
      terminalId: expect.objectContaining({ type: 'apiKey', in: 'header', name: 'X-Terminal-Id' }),
      terminalKey: expect.objectContaining({ type: 'apiKey', in: 'header', name: 'X-Terminal-Key' }),
      customerSession: expect.objectContaining({ type: 'http', scheme: 'bearer' }),
    });
    expect(doc.security).toEqual([{ terminalId: [], terminalKey: [] }]);
    for (const op of operations) {
      for (const requirement of op.operation.security ?? doc.security)
        expect(requirement).toMatchObject({ terminalId: [], terminalKey: [] });
    }
  });

  it('lists exactly the routes of the reference server, and no other', () => {
    const routes = referenceBillingRouteList();
    expect(routes.length).toBeGreaterThan(10);
    const documented = operations.map((op) => `${op.method.toUpperCase()} ${op.path}`).sort();
    const served = routes.map((route) => `${route.method} ${route.path}`).sort();
    expect(documented).toEqual(served);
  });

  it('requires an Idempotency-Key header exactly on the idempotent routes', () => {
    for (const route of referenceBillingRouteList()) {
      const op = operations.find((candidate) => candidate.method === route.method.toLowerCase() && candidate.path === route.path);
      if (!op) throw new Error(`${route.method} ${route.path} is not documented`);
      expect(hasRequiredIdempotencyKey(op), `${route.method} ${route.path}`).toBe(route.idempotent);
      const keyParameters = parametersOf(op).filter(({ node }) => String(node.name).toLowerCase() === 'idempotency-key');
      expect(keyParameters, `${route.method} ${route.path}`).toHaveLength(route.idempotent ? 1 : 0);
    }
  });

  it('names each operation after the client method that calls it, and documents its parameters and answers', () => {
    const ids = operations.map((op) => op.operation.operationId);
    expect(new Set(ids).size).toBe(operations.length);
    const tags = new Set(doc.tags.map((tag) => tag.name));
    for (const op of operations) {
      const label = `${op.method} ${op.path}`;
      const operationId = op.operation.operationId ?? '';
      expect(operationId, label).toMatch(/^[a-z][A-Za-z]+$/);
      expect(
        typeof (BillingClient.prototype as unknown as Record<string, unknown>)[operationId],
        `${label}: BillingClient.${operationId}`,
      ).toBe('function');
      expect(op.operation.summary, label).toBeTruthy();
      expect(op.operation.tags?.length, label).toBeGreaterThan(0);
      for (const tag of op.operation.tags ?? []) expect(tags.has(tag), `${label}: tag ${tag}`).toBe(true);
      const pathParameters = parametersOf(op)
        .filter(({ node }) => node.in === 'path')
        .map(({ node }) => {
          expect(node.required, `${label}: ${String(node.name)}`).toBe(true);
          return String(node.name);
        })
        .sort();
      expect(pathParameters, label).toEqual([...op.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort());
      const statuses = Object.keys(op.operation.responses);
      expect(
        statuses.filter((status) => /^2\d\d$/.test(status)),
        label,
      ).toHaveLength(1);
      for (const status of statuses) {
        const { pointer, node } = follow(`${op.pointer}/responses/${status}`);
        expect(node?.description, `${label} ${status}`).toBeTruthy();
        if (Number(status) >= 400) {
          // Every refusal is an Error body whose possible codes are listed.
          const schema = resolvePointer(`${pointer}/content/application~1json/schema`);
          expect(JSON.stringify(schema), `${label} ${status}`).toContain('#/components/schemas/Error');
          expect(String(node?.description), `${label} ${status}`).toMatch(/`[a-z-]+`/);
        }
        if (status === '429') expect(follow(`${pointer}/headers/Retry-After`).node?.required, `${label} 429`).toBe(true);
      }
      expect(statuses, label).toEqual(expect.arrayContaining(['401', '500']));
    }
  });

  it('lists every refusal code the server can answer with under its status, and no code the server never uses', () => {
    const source = fs.readFileSync(SERVER_SOURCE, 'utf8');
    const thrown = new Set([...source.matchAll(/new Refusal\(\s*(\d{3}),\s*'([a-z-]+)'/g)].map((match) => `${match[1]} ${match[2]}`));
    expect(thrown.size).toBeGreaterThan(30);
    const documented = new Set<string>();
    for (const op of operations) {
      for (const status of Object.keys(op.operation.responses)) {
        const { pointer } = follow(`${op.pointer}/responses/${status}`);
        const schema = resolvePointer(`${pointer}/content/application~1json/schema`);
        const codes = isObject(schema) && Array.isArray(schema.allOf) ? schema.allOf.flatMap(enumOfCode) : [];
        for (const code of codes) documented.add(`${status} ${code}`);
      }
    }
    // `internal` is the catch-all answer of serve(); `not-found`/`method-not-allowed` concern paths outside the document.
    const expected = new Set([...thrown, '500 internal']);
    expected.delete('404 not-found');
    expected.delete('405 method-not-allowed');
    expect([...documented].sort()).toEqual([...expected].sort());
  });

  it('mirrors every zod schema of billing-wire.ts', () => {
    const wireSchemas = Object.entries(wire).filter(([name, value]) => name.endsWith('Schema') && value instanceof z.ZodType);
    expect(wireSchemas.length).toBeGreaterThan(30);
    for (const [name, value] of wireSchemas) expect(Object.values(WIRE_SCHEMAS), `${name} is documented`).toContain(value);
    expect(Object.keys(doc.components.schemas).sort()).toEqual([...Object.keys(WIRE_SCHEMAS), ...BUILDING_BLOCKS].sort());
    for (const [name, schema] of Object.entries(WIRE_SCHEMAS)) {
      const fromZod = canonical(z.toJSONSchema(schema, { io: 'input' }));
      expect(canonical(doc.components.schemas[name]), name).toEqual(fromZod);
    }
  });

  it('describes instants exactly as the wire schemas accept them', () => {
    const validate = validatorAt('#/components/schemas/Instant');
    const instantSchema = wire.loginResponseSchema.shape.expiresAt;
    const samples = [
      '2026-11-20T10:00:00+05:00',
      '2026-11-20T05:00:00Z',
      '2026-11-20T05:00:00.123Z',
      '2028-02-29T00:00:00-03:30',
      '2026-11-20T10:00+05:00',
      '2026-11-20T10:00:00+0500',
      '2026-11-20t05:00:00z',
      '2026-11-20 05:00:00Z',
      '2026-11-20T10:00:00',
      '2026-02-30T10:00:00Z',
      '2026-11-20T24:00:00Z',
      '2026-11-20',
    ];
    for (const sample of samples) expect(validate(sample), sample).toBe(instantSchema.safeParse(sample).success);
  });

  it('points each operation at the wire schema of its body', () => {
    const requestBodies = Object.fromEntries(
      operations.map((op) => [
        op.operation.operationId,
        (resolvePointer(`${op.pointer}/requestBody/content/application~1json/schema`) as JsonObject | undefined)?.$ref,
      ]),
    );
    expect(requestBodies).toEqual({
      login: '#/components/schemas/LoginRequest',
      logout: undefined,
      openAssistedSession: '#/components/schemas/AssistedSessionRequest',
      openBillSession: '#/components/schemas/BillSessionRequest',
      requestSmsCode: '#/components/schemas/SmsCodeRequest',
      loginWithSmsCode: '#/components/schemas/SmsLoginRequest',
      getAccountSummary: undefined,
      getStatement: undefined,
      getMeters: undefined,
      getInvoice: undefined,
      getAppeals: undefined,
      getProfile: undefined,
      submitReadings: '#/components/schemas/ReadingsRequest',
      submitAppeal: '#/components/schemas/AppealRequest',
      updateProfile: '#/components/schemas/ProfileUpdate',
      changePassword: '#/components/schemas/PasswordChange',
      getCaptcha: undefined,
      register: '#/components/schemas/RegistrationRequest',
      requestPasswordReset: '#/components/schemas/PasswordResetRequest',
      getReferenceData: undefined,
      getFaq: undefined,
      sendHeartbeat: '#/components/schemas/Heartbeat',
    });
  });
});

function enumOfCode(part: unknown): string[] {
  if (!isObject(part) || !isObject(part.properties) || !isObject(part.properties.code)) return [];
  const values = part.properties.code.enum;
  return Array.isArray(values) ? values.map(String) : [];
}

/** Document component name → the zod schema it mirrors. */
const WIRE_SCHEMAS: Record<string, z.ZodType> = {
  Error: wire.wireErrorSchema,
  LoginRequest: wire.loginRequestSchema,
  LoginResponse: wire.loginResponseSchema,
  AssistedSessionRequest: wire.assistedSessionRequestSchema,
  BillSessionRequest: wire.billSessionRequestSchema,
  BillSessionResponse: wire.billSessionResponseSchema,
  SmsCodeRequest: wire.smsCodeRequestSchema,
  SmsCodeResponse: wire.smsCodeResponseSchema,
  SmsLoginRequest: wire.smsLoginRequestSchema,
  PaymentChannel: wire.paymentChannelSchema,
  AccountSummary: wire.accountSummarySchema,
  BillingService: wire.serviceSchema,
  ChargeLine: wire.chargeLineSchema,
  Recalculation: wire.recalculationSchema,
  Payment: wire.paymentSchema,
  StatementMonth: wire.statementMonthSchema,
  Statement: wire.statementSchema,
  Meter: wire.meterSchema,
  ReadingWindow: wire.readingWindowSchema,
  MetersResponse: wire.metersResponseSchema,
  ReadingsRequest: wire.readingsRequestSchema,
  ReadingsResponse: wire.readingsResponseSchema,
  Payee: wire.payeeSchema,
  Invoice: wire.invoiceSchema,
  AppealRequest: wire.appealRequestSchema,
  Appeal: wire.appealSchema,
  AppealList: wire.appealListSchema,
  Profile: wire.profileSchema,
  ProfileUpdate: wire.profileUpdateSchema,
  PasswordChange: wire.passwordChangeSchema,
  Captcha: wire.captchaSchema,
  PasswordDelivery: wire.passwordDeliverySchema,
  RegistrationRequest: wire.registrationRequestSchema,
  RegistrationResponse: wire.registrationResponseSchema,
  PasswordResetRequest: wire.passwordResetRequestSchema,
  PasswordResetResponse: wire.passwordResetResponseSchema,
  Office: wire.officeSchema,
  ReferenceData: wire.referenceDataSchema,
  FaqText: wire.faqTextSchema,
  FaqQuestion: wire.faqQuestionSchema,
  FaqTopic: wire.faqTopicSchema,
  Faq: wire.faqSchema,
  Heartbeat: wire.heartbeatSchema,
};
/** Shared pieces of the document that billing-wire.ts keeps as unexported constants. */
const BUILDING_BLOCKS = ['AccountNumber', 'IsoDate', 'BillingPeriod', 'Kopecks', 'Instant'];

/**
 * A JSON Schema reduced to what constrains a value, so the document and zod's own JSON Schema can
 * be compared: references inlined, prose dropped, `anyOf [x, null]` written as `type: [x, null]`,
 * zod's safe-integer bounds dropped, and date-time patterns left to `format` (checked separately).
 */
function canonical(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(canonical);
  if (!isObject(node)) return node;
  let source = node;
  while (typeof source.$ref === 'string') {
    const { $ref, ...siblings } = source;
    source = { ...(resolvePointer($ref) as JsonObject), ...siblings };
  }
  const out: JsonObject = {};
  for (const [keyword, value] of Object.entries(source)) {
    if (['$schema', 'description', 'examples', 'title'].includes(keyword)) continue;
    if (keyword === 'properties' && isObject(value))
      out.properties = Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, canonical(schema)]));
    else if (['items', 'anyOf', 'allOf', 'oneOf'].includes(keyword)) out[keyword] = canonical(value);
    else if (keyword === 'required' && Array.isArray(value)) out.required = [...value].sort();
    else out[keyword] = value;
  }
  if (Array.isArray(out.anyOf) && out.anyOf.length === 2 && Object.keys(out).length === 1) {
    const [first, second] = out.anyOf as JsonObject[];
    const [other, nullable] = second?.type === 'null' ? [first, second] : [second, first];
    if (nullable?.type === 'null' && other && typeof other.type === 'string') return { ...other, type: [other.type, 'null'] };
  }
  if (out.type === 'integer' || (Array.isArray(out.type) && out.type.includes('integer'))) {
    if (out.minimum === -Number.MAX_SAFE_INTEGER) delete out.minimum;
    if (out.maximum === Number.MAX_SAFE_INTEGER) delete out.maximum;
  }
  if (out.format === 'date-time') delete out.pattern;
  return out;
}

// --- the server answers as documented ----------------------------------------------------------------

describe('sessions', () => {
  it('login opens a session; a wrong password, an unregistered account and a malformed body are refused', async () => {
    const request = { accountNumber: DEMO.owesMoney.accountNumber, password: PASSWORD };
    expect(requestBodyErrors('login', request)).toEqual([]);
    const session = await client.login(request.accountNumber, request.password);
    expect(lastExchange().status).toBe(201);
    expect(session.sessionToken.length).toBeGreaterThanOrEqual(16);

    const wrong = await refusal(client.login(DEMO.paidInAdvance.accountNumber, 'nope'));
    expect([wrong.kind, wrong.status, wrong.billingCode]).toEqual(['refused', 401, 'wrong-credentials']);
    const unknown = await refusal(client.login('829999999', PASSWORD));
    expect([unknown.status, unknown.billingCode]).toEqual([401, 'wrong-credentials']);
    const unregistered = await refusal(client.login(DEMO.notRegistered.accountNumber, PASSWORD));
    expect([unregistered.kind, unregistered.status, unregistered.billingCode]).toEqual(['refused', 403, 'not-registered']);
    const malformed = await refusal(client.login('82000000', PASSWORD));
    expect([malformed.status, malformed.billingCode]).toEqual([422, 'invalid-request']);
  });

  it('ten failed logins to an account are answered 429 with Retry-After', async () => {
    for (let attempt = 0; attempt < 10; attempt++) {
      expect((await refusal(client.login('829999990', `guess-${attempt}`))).billingCode).toBe('wrong-credentials');
    }
    const blocked = await refusal(client.login('829999990', 'guess-10'));
    expect([blocked.kind, blocked.status, blocked.billingCode, blocked.retryAfterSeconds]).toEqual([
      'unavailable',
      429,
      'too-many-attempts',
      900,
    ]);
    expect(header(lastExchange().responseHeaders, 'retry-after')).toBe('900');
  });

  it('logout closes the session; a closed or missing session is refused with 401', async () => {
    const { sessionToken } = await client.login(DEMO.paidInAdvance.accountNumber, PASSWORD);
    await client.logout(sessionToken);
    expect(lastExchange().status).toBe(204);
    const closed = await refusal(client.getAccountSummary(sessionToken));
    expect([closed.kind, closed.status, closed.billingCode]).toEqual(['unauthorized', 401, 'session-expired']);
    expect((await refusal(client.logout(sessionToken))).billingCode).toBe('session-expired');
    const missing = await call('GET', '/api/v1/account/summary');
    expect([missing.status, missing.body]).toEqual([401, expect.objectContaining({ code: 'session-required' })]);
  });

  it('office staff open an assisted session; an unknown account is refused with 404', async () => {
    const { sessionToken } = await client.openAssistedSession(DEMO.expiredVerification.accountNumber, 'staff-17', 'Абонент плохо видит');
    expect(lastExchange().status).toBe(201);
    expect((await client.getProfile(sessionToken)).accountNumber).toBe(DEMO.expiredVerification.accountNumber);
    const unknown = await refusal(client.openAssistedSession('829999999', 'staff-17', 'Проверка'));
    expect([unknown.status, unknown.billingCode]).toEqual([404, 'unknown-account']);
    const malformed = await refusal(client.openAssistedSession(DEMO.expiredVerification.accountNumber, '', 'Проверка'));
    expect([malformed.status, malformed.billingCode]).toEqual([422, 'invalid-request']);
  });
});

describe('account reads', () => {
  it('summary, statement, meters, invoice, appeals and profile of every registered demo account', async () => {
    for (const accountNumber of [DEMO.owesMoney.accountNumber, DEMO.paidInAdvance.accountNumber, DEMO.expiredVerification.accountNumber]) {
      const { sessionToken } = await client.login(accountNumber, PASSWORD);
      const summary = await client.getAccountSummary(sessionToken);
      const statement = await client.getStatement(sessionToken, '2023-11', '2026-10');
      const meters = await client.getMeters(sessionToken);
      const invoice = await client.getInvoice(sessionToken);
      await client.getAppeals(sessionToken);
      const profile = await client.getProfile(sessionToken);
      expect([summary.accountNumber, statement.accountNumber, meters.accountNumber, invoice.accountNumber, profile.accountNumber]).toEqual(
        Array(5).fill(accountNumber),
      );
      expect(statement.months).toHaveLength(36);
      expect(meters.readingWindow).toEqual({ fromDay: 15, toDay: 25 });
    }
    const debtor = await client.getAccountSummary((await client.login(DEMO.owesMoney.accountNumber, PASSWORD)).sessionToken);
    expect(debtor.amountDueKopecks).toBeGreaterThan(0);
    const advance = await client.getAccountSummary((await client.login(DEMO.paidInAdvance.accountNumber, PASSWORD)).sessionToken);
    expect(advance.balanceKopecks).toBeLessThan(0);
    expect(advance.amountDueKopecks).toBe(0);
    expect(tap.exchanges.filter((exchange) => exchange.status === 200).length).toBeGreaterThanOrEqual(20);
  });

  it('a statement for a reversed, too long or missing period is refused', async () => {
    const { sessionToken } = await client.login(DEMO.owesMoney.accountNumber, PASSWORD);
    const reversed = await refusal(client.getStatement(sessionToken, '2026-10', '2026-01'));
    expect([reversed.status, reversed.billingCode]).toEqual([422, 'invalid-period']);
    const tooLong = await refusal(client.getStatement(sessionToken, '2023-01', '2026-10'));
    expect([tooLong.status, tooLong.billingCode]).toEqual([422, 'period-too-long']);
    const missing = await call('GET', '/api/v1/account/statement?from=2026-01', { headers: { Authorization: `Bearer ${sessionToken}` } });
    expect([missing.status, missing.body]).toEqual([400, expect.objectContaining({ code: 'invalid-period' })]);
    const malformed = await call('GET', '/api/v1/account/statement?from=2026-1&to=2026-13', {
      headers: { Authorization: `Bearer ${sessionToken}` },
    });
    expect(malformed.status).toBe(400);
  });
});

describe('readings', () => {
  it('are accepted, replayed for the same key, refused for a reused key, and corrected', async () => {
    const { sessionToken } = await client.login(DEMO.owesMoney.accountNumber, PASSWORD);
    const meter = (await client.getMeters(sessionToken)).meters.find((candidate) => candidate.verificationDueOn > TODAY);
    if (!meter) throw new Error('demo account 820000001 should have a working meter');
    const value = (meter.lastReading?.value ?? 0) + 3.25;
    const request = { readings: [{ meterId: meter.meterId, value }], submittedAt: instant('09:58') };
    expect(requestBodyErrors('submitReadings', request)).toEqual([]);
    const idempotencyKey = key();
    const first = await client.submitReadings(DEMO.owesMoney.accountNumber, request, idempotencyKey);
    expect(lastExchange().status).toBe(201);
    expect(first.readings[0]?.consumption).toBeCloseTo(3.25, 3);

    const again = await client.submitReadings(DEMO.owesMoney.accountNumber, request, idempotencyKey);
    expect(again).toEqual(first);
    expect(header(lastExchange().responseHeaders, 'idempotent-replayed')).toBe('true');

    const reused = await refusal(
      client.submitReadings(
        DEMO.owesMoney.accountNumber,
        { ...request, readings: [{ meterId: meter.meterId, value: value + 1 }] },
        idempotencyKey,
      ),
    );
    expect([reused.status, reused.billingCode]).toEqual([422, 'idempotency-key-reused']);

    const correction = {
      ...request,
      readings: [{ meterId: meter.meterId, value: value + 1 }],
      correctsRegistrationNumber: first.registrationNumber,
    };
    expect(requestBodyErrors('submitReadings', correction)).toEqual([]);
    const corrected = await client.submitReadings(DEMO.owesMoney.accountNumber, correction, key());
    expect(corrected.registrationNumber).not.toBe(first.registrationNumber);
    const submissions = (await client.getMeters(sessionToken)).submissions.map((submission) => submission.registrationNumber);
    expect(submissions).toEqual([corrected.registrationNumber, first.registrationNumber]);
  });

  it('are refused for an expired meter, a lower or too long value, an unknown meter or correction target, and a bad body', async () => {
    const expired = (
      await client.getMeters((await client.login(DEMO.expiredVerification.accountNumber, PASSWORD)).sessionToken)
    ).meters.find((meter) => meter.verificationDueOn < TODAY);
    if (!expired) throw new Error('demo account 820000003 should have a meter with an expired verification');
    const submit = (accountNumber: string, readings: Array<{ meterId: string; value: number }>, extra: object = {}) =>
      refusal(client.submitReadings(accountNumber, { readings, submittedAt: instant('09:59'), ...extra }, key()));
    const codes = async (promise: Promise<BillingError>) => {
      const error = await promise;
      return [error.kind, error.status, error.billingCode];
    };
    expect(await codes(submit(DEMO.expiredVerification.accountNumber, [{ meterId: expired.meterId, value: 99_999 }]))).toEqual([
      'refused',
      422,
      'verification-expired',
    ]);

    const meters = (await client.getMeters((await client.login(DEMO.owesMoney.accountNumber, PASSWORD)).sessionToken)).meters;
    const working = meters.find((meter) => meter.verificationDueOn > TODAY && (meter.lastReading?.value ?? 0) > 0);
    if (!working) throw new Error('demo account 820000001 should have a working meter with readings');
    expect(await codes(submit(DEMO.owesMoney.accountNumber, [{ meterId: working.meterId, value: 0 }]))).toEqual([
      'refused',
      422,
      'lower-than-previous',
    ]);
    expect(await codes(submit(DEMO.owesMoney.accountNumber, [{ meterId: working.meterId, value: 10 ** working.integerDigits }]))).toEqual([
      'refused',
      422,
      'too-many-digits',
    ]);
    expect(await codes(submit(DEMO.owesMoney.accountNumber, [{ meterId: '820000003-HW1', value: 1 }]))).toEqual([
      'refused',
      422,
      'unknown-meter',
    ]);
    expect(
      await codes(
        submit(DEMO.owesMoney.accountNumber, [{ meterId: working.meterId, value: 99_999 }], {
          correctsRegistrationNumber: 'П-20261001-000001',
        }),
      ),
    ).toEqual(['refused', 422, 'correction-target-unknown']);
    expect(await codes(submit(DEMO.owesMoney.accountNumber, []))).toEqual(['refused', 422, 'invalid-request']);
    expect(await codes(submit('829999999', [{ meterId: working.meterId, value: 1 }]))).toEqual(['refused', 404, 'unknown-account']);
    const badPath = await call('POST', '/api/v1/accounts/82-1/readings', {
      body: { readings: [{ meterId: working.meterId, value: 1 }], submittedAt: instant('09:59') },
      headers: { 'Idempotency-Key': key() },
    });
    expect([badPath.status, badPath.body]).toEqual([404, expect.objectContaining({ code: 'unknown-account' })]);
  });

  it('a refusal is recorded and replayed like a success', async () => {
    const request = { readings: [{ meterId: '820000001-HW1', value: 0 }], submittedAt: instant('10:00') };
    const idempotencyKey = key();
    const first = await refusal(client.submitReadings(DEMO.owesMoney.accountNumber, request, idempotencyKey));
    const second = await refusal(client.submitReadings(DEMO.owesMoney.accountNumber, request, idempotencyKey));
    expect([second.status, second.billingCode, second.billingMessage]).toEqual([first.status, first.billingCode, first.billingMessage]);
    expect(header(lastExchange().responseHeaders, 'idempotent-replayed')).toBe('true');
  });

  it('are refused outside the reading window', async () => {
    const closed = new BillingClient({ baseUrl: closedWindowTap.url, terminalId: TERMINAL_ID, terminalKey: 'training', timeoutMs: 5000 });
    const meters = (await closed.getMeters((await closed.login(DEMO.owesMoney.accountNumber, PASSWORD)).sessionToken)).meters;
    const meter = meters.find((candidate) => candidate.verificationDueOn > TODAY);
    if (!meter) throw new Error('demo account 820000001 should have a working meter');
    const outside = await refusal(
      closed.submitReadings(
        DEMO.owesMoney.accountNumber,
        { readings: [{ meterId: meter.meterId, value: 99_999 }], submittedAt: instant('10:00') },
        key(),
      ),
    );
    expect([outside.kind, outside.status, outside.billingCode]).toEqual(['refused', 422, 'outside-window']);
    expect(closedWindowTap.exchanges.map((exchange) => exchange.status)).toEqual([201, 200, 422]);
  });
});

describe('appeals, profile and password', () => {
  it('an appeal is registered and listed; an unknown topic or bad contacts are refused', async () => {
    const topics = (await client.getReferenceData()).appealTopics;
    const request = {
      topicId: topics[0]?.id ?? 'other',
      text: 'Прошу проверить показания за октябрь.',
      contactPhone: '+79171234567',
      contactEmail: 'petrov@example.ru',
      submittedAt: instant('09:50'),
    };
    expect(requestBodyErrors('submitAppeal', request)).toEqual([]);
    const appeal = await client.submitAppeal(DEMO.owesMoney.accountNumber, request, key());
    expect(lastExchange().status).toBe(201);
    expect(appeal.status).toBe('registered');
    const listed = await client.getAppeals((await client.login(DEMO.owesMoney.accountNumber, PASSWORD)).sessionToken);
    expect(listed.map((item) => item.appealNumber)).toContain(appeal.appealNumber);

    for (const [change, code] of [
      [{ topicId: 'weather' }, 'unknown-topic'],
      [{ contactEmail: 'petrov-at-example' }, 'invalid-email'],
      [{ contactPhone: '89171234567' }, 'invalid-phone'],
      [{ text: '' }, 'invalid-request'],
    ] as const) {
      const refused = await refusal(client.submitAppeal(DEMO.owesMoney.accountNumber, { ...request, ...change }, key()));
      expect([refused.status, refused.billingCode]).toEqual([422, code]);
    }
  });

  it('the profile is updated field by field; bad contacts are refused', async () => {
    const update = {
      email: 'semenova@example.ru',
      phone: '+79170001122',
      paperBill: false,
      emailBill: true,
      submittedAt: instant('09:40'),
    };
    expect(requestBodyErrors('updateProfile', update)).toEqual([]);
    const profile = await client.updateProfile(DEMO.paidInAdvance.accountNumber, update, key());
    expect(lastExchange().status).toBe(200);
    expect(profile).toMatchObject({ email: update.email, phone: update.phone, paperBill: false, emailBill: true });
    const cleared = { phone: null, submittedAt: instant('09:41') };
    expect(requestBodyErrors('updateProfile', cleared)).toEqual([]);
    expect((await client.updateProfile(DEMO.paidInAdvance.accountNumber, cleared, key())).phone).toBeNull();
    expect(await client.getProfile((await client.login(DEMO.paidInAdvance.accountNumber, PASSWORD)).sessionToken)).toMatchObject({
      email: update.email,
      phone: null,
    });

    for (const [change, code] of [
      [{ phone: '+7917' }, 'invalid-phone'],
      [{ email: 'semenova' }, 'invalid-email'],
      [{ paperBill: 'yes' }, 'invalid-request'],
    ] as const) {
      const refused = await refusal(
        client.updateProfile(
          DEMO.paidInAdvance.accountNumber,
          { submittedAt: instant('09:42'), ...change } as unknown as wire.ProfileUpdate,
          key(),
        ),
      );
      expect([refused.status, refused.billingCode]).toEqual([422, code]);
    }
    expect(requestBodyErrors('updateProfile', { submittedAt: instant('09:42'), nickname: 'x' })).not.toEqual([]);
  });

  it('the password is changed with the current one; a wrong current password or a short new one is refused', async () => {
    const change = { currentPassword: PASSWORD, newPassword: 'zima-2026-uis', submittedAt: instant('09:30') };
    expect(requestBodyErrors('changePassword', change)).toEqual([]);
    await client.changePassword(DEMO.paidInAdvance.accountNumber, change, key());
    expect(lastExchange().status).toBe(204);
    await client.login(DEMO.paidInAdvance.accountNumber, change.newPassword);
    const wrong = await refusal(client.changePassword(DEMO.paidInAdvance.accountNumber, change, key()));
    expect([wrong.kind, wrong.status, wrong.billingCode]).toEqual(['refused', 422, 'wrong-password']);
    const short = await refusal(
      client.changePassword(
        DEMO.paidInAdvance.accountNumber,
        { ...change, currentPassword: change.newPassword, newPassword: 'short' },
        key(),
      ),
    );
    expect([short.status, short.billingCode]).toEqual([422, 'invalid-request']);
    await client.changePassword(
      DEMO.paidInAdvance.accountNumber,
      { currentPassword: change.newPassword, newPassword: PASSWORD, submittedAt: instant('09:31') },
      key(),
    );
    await client.login(DEMO.paidInAdvance.accountNumber, PASSWORD);
  });
});

describe('registration and password recovery', () => {
  const email = 'ivanova@example.ru';

  async function registration(overrides: Partial<wire.RegistrationRequest> = {}): Promise<wire.RegistrationRequest> {
    const captcha = await client.getCaptcha();
    const consent = (await client.getReferenceData()).consent;
    return {
      accountNumber: DEMO.notRegistered.accountNumber,
      email,
      phone: '+79173334455',
      activationCode: ACTIVATION_CODE,
      captchaId: captcha.captchaId,
      captchaAnswer: captchaAnswer(captcha.captchaId),
      consent: { textVersion: consent.textVersion, givenAt: instant('09:20') },
      ...overrides,
    };
  }

  it('registration is refused for a wrong or used captcha, a wrong activation code, bad data, or a registered account', async () => {
    const burnt = await registration();
    const wrongCaptcha = await refusal(client.register({ ...burnt, captchaAnswer: '0000' }, key()));
    expect([wrongCaptcha.status, wrongCaptcha.billingCode]).toEqual([422, 'wrong-captcha']);
    const reusedCaptcha = await refusal(client.register(burnt, key()));
    expect([reusedCaptcha.status, reusedCaptcha.billingCode]).toEqual([422, 'captcha-expired']);

    const cases: Array<[Partial<wire.RegistrationRequest>, number, string]> = [
      [{ activationCode: '0000-0000-0000' }, 422, 'wrong-activation-code'],
      [{ email: 'ivanova-at-example' }, 422, 'invalid-email'],
      [{ consent: { textVersion: '2019-01-01', givenAt: instant('09:20') } }, 422, 'consent-outdated'],
      [{ accountNumber: DEMO.owesMoney.accountNumber }, 409, 'already-registered'],
      [{ accountNumber: '829999999' }, 404, 'unknown-account'],
      [{ phone: '89173334455' }, 422, 'invalid-request'],
      [{ email: undefined }, 422, 'invalid-email'],
      [{ passwordDelivery: 'sms', phone: BILL_HOLDERS.notRegistered.phone }, 422, 'sms-undeliverable'],
      [{ passwordDelivery: 'post' as 'sms' }, 422, 'invalid-request'],
    ];
    for (const [overrides, status, code] of cases) {
      const refused = await refusal(client.register(await registration(overrides), key()));
      expect([refused.kind, refused.status, refused.billingCode], code).toEqual(['refused', status, code]);
    }
  });

  it('registration e-mails a password that opens a session, and its replay answers the same', async () => {
    const request = await registration();
    expect(requestBodyErrors('register', request)).toEqual([]);
    const idempotencyKey = key();
    const registered = await client.register(request, idempotencyKey);
    expect(lastExchange().status).toBe(201);
    expect(registered).toMatchObject({
      accountNumber: DEMO.notRegistered.accountNumber,
      passwordSentBy: 'email',
      passwordSentTo: 'i*****a@example.ru',
    });
    expect(await client.register(request, idempotencyKey)).toEqual(registered);
    expect(header(lastExchange().responseHeaders, 'idempotent-replayed')).toBe('true');
    const { sessionToken } = await client.login(DEMO.notRegistered.accountNumber, mailedPassword(DEMO.notRegistered.accountNumber));
    expect(await client.getProfile(sessionToken)).toMatchObject({ email, phone: '+79173334455' });
  });

  it('registration without e-mail sends the password by SMS to the mobile number given', async () => {
    const { email: _none, ...request } = await registration({
      accountNumber: DEMO.paperBillOnly.accountNumber,
      activationCode: DEMO.paperBillOnly.activationCode,
      phone: DEMO.paperBillOnly.phone,
      passwordDelivery: 'sms',
    });
    expect(requestBodyErrors('register', request)).toEqual([]);
    const registered = await client.register(request, key());
    expect(lastExchange().status).toBe(201);
    expect(registered).toMatchObject({ passwordSentBy: 'sms', passwordSentTo: '+7 (917) ***-**-05' });
    const { sessionToken } = await client.login(DEMO.paperBillOnly.accountNumber, smsPassword(DEMO.paperBillOnly.phone));
    expect(await client.getProfile(sessionToken)).toMatchObject({ email: null, phone: DEMO.paperBillOnly.phone });
  });

  it('a password reset e-mails a new password; an unregistered account or another e-mail is refused', async () => {
    const reset = async (accountNumber: string, resetEmail: string) => {
      const captcha = await client.getCaptcha();
      const request = { accountNumber, email: resetEmail, captchaId: captcha.captchaId, captchaAnswer: captchaAnswer(captcha.captchaId) };
      expect(requestBodyErrors('requestPasswordReset', request)).toEqual([]);
      return client.requestPasswordReset(request, key());
    };
    const unregistered = server.db
      .prepare<[], { account_number: string }>(
        'SELECT account_number FROM account WHERE password_hash IS NULL ORDER BY account_number LIMIT 1',
      )
      .get()?.account_number;
    if (!unregistered) throw new Error('the demo data should hold an unregistered account');
    const notRegistered = await refusal(reset(unregistered, email));
    expect([notRegistered.status, notRegistered.billingCode]).toEqual([422, 'not-registered']);
    const mismatch = await refusal(reset(DEMO.notRegistered.accountNumber, 'petrov@example.ru'));
    expect([mismatch.status, mismatch.billingCode]).toEqual([422, 'email-mismatch']);
    const unknown = await refusal(reset('829999999', email));
    expect([unknown.status, unknown.billingCode]).toEqual([404, 'unknown-account']);
    const captcha = await client.getCaptcha();
    const wrongCaptcha = await refusal(
      client.requestPasswordReset(
        { accountNumber: DEMO.notRegistered.accountNumber, email, captchaId: captcha.captchaId, captchaAnswer: '0000' },
        key(),
      ),
    );
    expect([wrongCaptcha.status, wrongCaptcha.billingCode]).toEqual([422, 'wrong-captcha']);

    expect(await reset(DEMO.notRegistered.accountNumber, ' IVANOVA@example.ru ')).toEqual({ sentTo: 'i*****a@example.ru' });
    expect(lastExchange().status).toBe(201);
    await client.login(DEMO.notRegistered.accountNumber, mailedPassword(DEMO.notRegistered.accountNumber));
  });
});

describe('terminal', () => {
  it('reference data, heartbeats, and a heartbeat about another terminal or with a bad body', async () => {
    const reference = await client.getReferenceData();
    expect(reference.readingWindow).toEqual({ fromDay: 15, toDay: 25 });
    const heartbeat = { version: '0.1.0', queueDepth: 2, oldestPendingAgeSeconds: 40, printerState: 'ok', sentAt: instant('10:00') };
    expect(requestBodyErrors('sendHeartbeat', heartbeat)).toEqual([]);
    await client.sendHeartbeat(heartbeat);
    expect(lastExchange().status).toBe(204);
    const other = await call('POST', '/api/v1/terminals/OTHER-99/heartbeat', { body: heartbeat });
    expect([other.status, other.body]).toEqual([403, expect.objectContaining({ code: 'wrong-terminal' })]);
    const invalid = await refusal(client.sendHeartbeat({ ...heartbeat, queueDepth: -1 }));
    expect([invalid.status, invalid.billingCode]).toEqual([422, 'invalid-request']);
  });
});

describe('frequent questions', () => {
  it('answers every topic in Russian, Bashkir and English, each tied to appeal topics that exist', async () => {
    const faq = await client.getFaq();
    expect(lastExchange().status).toBe(200);
    const appealTopics = new Set((await client.getReferenceData()).appealTopics.map((topic) => topic.id));
    expect(faq.topics.map((topic) => topic.id)).toEqual(
      expect.arrayContaining(['readings', 'payment', 'recalculations', 'verification', 'registration', 'personal-account']),
    );
    for (const topic of faq.topics) {
      expect(topic.appealTopicIds.length, topic.id).toBeGreaterThan(0);
      for (const appealTopicId of topic.appealTopicIds)
        expect(appealTopics.has(appealTopicId), `${topic.id} → ${appealTopicId}`).toBe(true);
      for (const text of [topic.title, ...topic.questions.flatMap((entry) => [entry.question, entry.answer])])
        expect([text.ba, text.en].every(Boolean), text.ru).toBe(true);
    }
    // The reading window in the answer is the server's own (15th–25th here).
    const readings = faq.topics.find((topic) => topic.id === 'readings');
    expect(readings?.questions.map((entry) => entry.answer.ru).join(' ')).toContain('с 15 по 25 число');
  });
});

describe('the paper bill', () => {
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  it('its code opens a bill session that reads the bill, masked, and submits readings', async () => {
    const request = { accountNumber: DEMO.owesMoney.accountNumber, billCode: BILL_HOLDERS.owesMoney.billCode };
    expect(requestBodyErrors('openBillSession', request)).toEqual([]);
    const bill = await client.openBillSession(request.accountNumber, request.billCode);
    expect(lastExchange().status).toBe(201);
    expect(bill.billingPeriod).toBe('2026-10');
    const summary = await client.getAccountSummary(bill.sessionToken);
    expect([summary.holderName, summary.address]).toEqual(['Петров С. Н.', 'г. Уфа, ул. Ленина, д. **, кв. **']);
    const invoice = await client.getInvoice(bill.sessionToken);
    expect([invoice.payerName, invoice.address, invoice.billingPeriod]).toEqual(['Петров С. Н.', summary.address, bill.billingPeriod]);
    const meter = (await client.getMeters(bill.sessionToken)).meters.find((candidate) => candidate.verificationDueOn > TODAY);
    if (!meter) throw new Error(`demo account ${request.accountNumber} should have a working meter`);
    const value = Math.round(((meter.lastReading?.value ?? 0) + 1.5) * 1000) / 1000;
    const reading = { readings: [{ meterId: meter.meterId, value }], submittedAt: instant('10:00') };
    const accepted = await call('POST', `/api/v1/accounts/${request.accountNumber}/readings`, {
      body: reading,
      headers: { ...bearer(bill.sessionToken), 'Idempotency-Key': key() },
    });
    expect(accepted.status).toBe(201);
    await client.logout(bill.sessionToken);
    expect(lastExchange().status).toBe(204);
  });

  it('a bill token is refused by everything outside the bill, and by another account', async () => {
    const { sessionToken } = await client.openBillSession(DEMO.owesMoney.accountNumber, BILL_HOLDERS.owesMoney.billCode);
    const account = DEMO.owesMoney.accountNumber;
    const forbidden: Array<[string, string, unknown]> = [
      ['GET', '/api/v1/account/statement?from=2026-01&to=2026-10', undefined],
      ['GET', '/api/v1/account/appeals', undefined],
      ['GET', '/api/v1/account/profile', undefined],
      ['POST', `/api/v1/accounts/${account}/appeals`, { topicId: 'other', text: 'Вопрос', submittedAt: instant('10:01') }],
      ['PATCH', `/api/v1/accounts/${account}/profile`, { phone: '+79170000000', submittedAt: instant('10:01') }],
      [
        'POST',
        `/api/v1/accounts/${account}/password`,
        { currentPassword: PASSWORD, newPassword: 'bill-holder-1', submittedAt: instant('10:01') },
      ],
      [
        'POST',
        `/api/v1/accounts/${DEMO.paidInAdvance.accountNumber}/readings`,
        { readings: [{ meterId: `${DEMO.paidInAdvance.accountNumber}-HW1`, value: 99_999 }], submittedAt: instant('10:01') },
      ],
    ];
    for (const [method, apiPath, body] of forbidden) {
      const answer = await call(method, apiPath, { body, headers: { ...bearer(sessionToken), 'Idempotency-Key': key() } });
      expect([answer.status, answer.body], `${method} ${apiPath}`).toEqual([
        403,
        expect.objectContaining({ code: 'outside-bill-session' }),
      ]);
    }
    const statement = await refusal(client.getStatement(sessionToken, '2026-01', '2026-10'));
    expect([statement.kind, statement.status, statement.billingCode]).toEqual(['refused', 403, 'outside-bill-session']);
  });

  it('a wrong code is refused with the tries left, then locked with Retry-After; an unknown account or a bad body too', async () => {
    const holder = BILL_HOLDERS.notRegistered;
    const wrong = await refusal(client.openBillSession(holder.accountNumber, WRONG_BILL_CODE));
    expect([wrong.kind, wrong.status, wrong.billingCode, wrong.attemptsLeft]).toEqual(['refused', 401, 'wrong-bill-code', 4]);
    for (const attemptsLeft of [3, 2, 1, 0])
      expect((await refusal(client.openBillSession(holder.accountNumber, WRONG_BILL_CODE))).attemptsLeft).toBe(attemptsLeft);
    const locked = await refusal(client.openBillSession(holder.accountNumber, holder.billCode));
    expect([locked.status, locked.billingCode, locked.retryAfterSeconds]).toEqual([429, 'too-many-attempts', 900]);
    const unknown = await refusal(client.openBillSession(NO_SUCH_ACCOUNT, WRONG_BILL_CODE));
    expect([unknown.status, unknown.billingCode]).toEqual([404, 'unknown-account']);
    const malformed = await refusal(client.openBillSession(holder.accountNumber, '12345'));
    expect([malformed.status, malformed.billingCode]).toEqual([422, 'invalid-request']);
    expect(requestBodyErrors('openBillSession', { accountNumber: holder.accountNumber, billCode: '12345' })).not.toEqual([]);
  });
});

describe('SMS codes', () => {
  it('a code goes to the phone on file and opens a full session; a resend waits, a used code is gone', async () => {
    const holder = DEMO.paperBillOnly;
    expect(requestBodyErrors('requestSmsCode', { accountNumber: holder.accountNumber })).toEqual([]);
    const sent = await client.requestSmsCode(holder.accountNumber);
    expect(lastExchange().status).toBe(201);
    expect(sent).toMatchObject({ sentTo: '+7 (917) ***-**-05', resendAfterSeconds: 60, attemptsLeft: 3 });
    expect(Date.parse(sent.expiresAt) - NOW).toBe(5 * 60_000);
    const early = await refusal(client.requestSmsCode(holder.accountNumber));
    expect([early.status, early.billingCode, early.retryAfterSeconds]).toEqual([429, 'sms-resend-too-early', 60]);

    const code = smsCode(holder.phone);
    const wrong = await refusal(client.loginWithSmsCode(holder.accountNumber, otherSmsCode(code)));
    expect([wrong.kind, wrong.status, wrong.billingCode, wrong.attemptsLeft]).toEqual(['refused', 401, 'wrong-sms-code', 2]);
    expect(requestBodyErrors('loginWithSmsCode', { accountNumber: holder.accountNumber, code })).toEqual([]);
    const { sessionToken } = await client.loginWithSmsCode(holder.accountNumber, code);
    expect(lastExchange().status).toBe(201);
    expect((await client.getStatement(sessionToken, '2026-01', '2026-10')).accountNumber).toBe(holder.accountNumber);
    const used = await refusal(client.loginWithSmsCode(holder.accountNumber, code));
    expect([used.status, used.billingCode]).toEqual([410, 'sms-code-expired']);
  });

  it('three wrong codes burn the code; no phone, a landline, an unknown account or a bad body are refused', async () => {
    const holder = BILL_HOLDERS.expiredVerification;
    await client.requestSmsCode(holder.accountNumber);
    const code = smsCode(holder.phone);
    const other = otherSmsCode(code);
    expect((await refusal(client.loginWithSmsCode(holder.accountNumber, other))).attemptsLeft).toBe(2);
    expect((await refusal(client.loginWithSmsCode(holder.accountNumber, other))).attemptsLeft).toBe(1);
    // The third wrong try burns the code: afterwards even the right one is refused until a new code is sent.
    for (const attempt of [other, code]) {
      const burnt = await refusal(client.loginWithSmsCode(holder.accountNumber, attempt));
      expect([burnt.status, burnt.billingCode, burnt.retryAfterSeconds]).toEqual([429, 'too-many-attempts', 60]);
    }

    // Иванова's landline went when she registered earlier in this file; Галиева lends her account for both cases.
    const landline = BILL_HOLDERS.notRegistered.phone;
    await client.updateProfile(DEMO.paidInAdvance.accountNumber, { phone: landline, submittedAt: instant('10:02') }, key());
    const undeliverable = await refusal(client.requestSmsCode(DEMO.paidInAdvance.accountNumber));
    expect([undeliverable.status, undeliverable.billingCode]).toEqual([422, 'sms-undeliverable']);
    await client.updateProfile(DEMO.paidInAdvance.accountNumber, { phone: null, submittedAt: instant('10:02') }, key());
    const noPhone = await refusal(client.requestSmsCode(DEMO.paidInAdvance.accountNumber));
    expect([noPhone.status, noPhone.billingCode]).toEqual([409, 'no-phone']);
    await client.updateProfile(
      DEMO.paidInAdvance.accountNumber,
      { phone: BILL_HOLDERS.paidInAdvance.phone, submittedAt: instant('10:03') },
      key(),
    );
    const unknown = await refusal(client.requestSmsCode(NO_SUCH_ACCOUNT));
    expect([unknown.status, unknown.billingCode]).toEqual([404, 'unknown-account']);
    const neverSent = await refusal(client.loginWithSmsCode(DEMO.owesMoney.accountNumber, '123456'));
    expect([neverSent.status, neverSent.billingCode]).toEqual([410, 'sms-code-expired']);
    const malformed = await refusal(client.loginWithSmsCode(DEMO.owesMoney.accountNumber, '12345'));
    expect([malformed.status, malformed.billingCode]).toEqual([422, 'invalid-request']);
    const malformedRequest = await call('POST', '/api/v1/sms-codes', {
      body: { accountNumber: DEMO.owesMoney.accountNumber, phone: '+79170000000' },
    });
    expect([malformedRequest.status, malformedRequest.body]).toEqual([422, expect.objectContaining({ code: 'invalid-request' })]);
  });
});

describe('every route', () => {
  const sample = (apiPath: string) => apiPath.replace('{accountNumber}', DEMO.owesMoney.accountNumber).replace('{terminalId}', TERMINAL_ID);
  const bodyFor = (method: string) => (method === 'GET' || method === 'DELETE' ? undefined : {});

  it('refuses a terminal without its key with 401 terminal-unauthorized', async () => {
    for (const route of referenceBillingRouteList()) {
      const answer = await call(route.method, sample(route.path), {
        terminal: false,
        body: bodyFor(route.method),
        headers: { 'X-Terminal-Id': TERMINAL_ID, 'X-Terminal-Key': 'guess', 'Idempotency-Key': key() },
      });
      expect([answer.status, answer.body], `${route.method} ${route.path}`).toEqual([
        401,
        expect.objectContaining({ code: 'terminal-unauthorized' }),
      ]);
    }
  });

  it('asks for a customer session exactly where the document requires one', async () => {
    for (const op of operations) {
      const method = op.method.toUpperCase();
      const answer = await call(method, sample(op.path), { body: bodyFor(method), headers: { 'Idempotency-Key': key() } });
      const sessionRequired = answer.status === 401 && isObject(answer.body) && answer.body.code === 'session-required';
      expect(sessionRequired, `${method} ${op.path} answered ${answer.status}`).toBe(needsSession(op));
    }
    expect(operations.filter(needsSession).map((op) => `${op.method} ${op.path}`)).toContain('delete /api/v1/sessions/current');
  });

  it('asks for an Idempotency-Key exactly where the document requires one', async () => {
    for (const op of operations) {
      const method = op.method.toUpperCase();
      const answer = await call(method, sample(op.path), { body: bodyFor(method) });
      const keyMissing = answer.status === 400 && isObject(answer.body) && answer.body.code === 'idempotency-key-missing';
      expect(keyMissing, `${method} ${op.path} answered ${answer.status}`).toBe(hasRequiredIdempotencyKey(op));
    }
  });

  it('refuses a body that is not JSON with 415, and broken JSON with 400', async () => {
    const text = await call('POST', '/api/v1/sessions', { rawBody: 'accountNumber=820000001', contentType: 'text/plain' });
    expect([text.status, text.body]).toEqual([415, expect.objectContaining({ code: 'unsupported-media-type' })]);
    const broken = await call('POST', '/api/v1/sessions', { rawBody: '{"accountNumber": ' });
    expect([broken.status, broken.body]).toEqual([400, expect.objectContaining({ code: 'invalid-json' })]);
    const brokenWrite = await call('POST', `/api/v1/accounts/${DEMO.owesMoney.accountNumber}/appeals`, {
      rawBody: '{',
      headers: { 'Idempotency-Key': key() },
    });
    expect([brokenWrite.status, brokenWrite.body]).toEqual([400, expect.objectContaining({ code: 'invalid-json' })]);
  });

  it('answers paths and methods outside the document with 404 and 405 and the error body the description promises', async () => {
    const validate = validatorAt('#/components/schemas/Error');
    const nowhere = await fetch(`${server.url}/api/v1/nowhere`, { headers: TERMINAL_HEADERS });
    const nowhereBody: unknown = await nowhere.json();
    expect([nowhere.status, validate(nowhereBody), nowhereBody]).toEqual([404, true, expect.objectContaining({ code: 'not-found' })]);
    const put = await fetch(`${server.url}/api/v1/sessions`, { method: 'PUT', headers: TERMINAL_HEADERS });
    const putBody: unknown = await put.json();
    expect([put.status, validate(putBody), putBody]).toEqual([405, true, expect.objectContaining({ code: 'method-not-allowed' })]);
    expect(doc.info.description).toMatch(/`404` `not-found`[\s\S]*`405` `method-not-allowed`/);
  });

  it('was answered with its documented success at some point of this file', () => {
    const succeeded = new Set(
      checked
        .filter((exchange) => exchange.status >= 200 && exchange.status < 300)
        .map((exchange) => {
          const found = operationFor(exchange.method, exchange.pathname);
          return found ? `${found.op.method.toUpperCase()} ${found.op.path}` : '';
        }),
    );
    for (const route of referenceBillingRouteList())
      expect(succeeded.has(`${route.method} ${route.path}`), `${route.method} ${route.path}`).toBe(true);
    // And the checks above really looked at a lot of traffic, refusals included.
    expect(checked.length).toBeGreaterThan(150);
    expect([...new Set(checked.map((exchange) => exchange.status))]).toEqual(
      expect.arrayContaining([200, 201, 204, 400, 401, 403, 404, 409, 410, 415, 422, 429]),
    );
  });
});
