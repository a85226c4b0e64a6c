// The billing API contract over real HTTP: the kiosk's axios client against the reference billing
// server with its own SQLite file. Demo data, sessions, ledger arithmetic, idempotency, and how
// every kind of failure is classified.
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BillingClient } from '../../src-main/core/billing/billing-client';
import { billingRefusal } from '../support/billing-refusal';
import { accountSummarySchema, metersResponseSchema, statementSchema } from '../../src-main/core/billing/billing-wire';
import { startReferenceBillingServer, type ReferenceBillingServer } from '../../src-main/billing-server/reference-billing-server';
import { DEMO } from '../support/demo-accounts';

const NOW = Date.parse('2026-11-20T10:00:00+05:00');
let server: ReferenceBillingServer;
let client: BillingClient;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'billing-api-'));
  server = await startReferenceBillingServer({
    dbFile: path.join(dir, 'billing.sqlite'),
    now: () => NOW,
    readingWindow: { fromDay: 15, toDay: 25 },
  });
  client = new BillingClient({ baseUrl: server.url, terminalId: 'TEST-01', terminalKey: 'training', timeoutMs: 5000 });
});

afterAll(async () => {
  await server?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('demo data', () => {
  it('holds at least 200 accounts in Ufa with 36 months of charges and payments', () => {
    const accounts = server.db
      .prepare<[], { count: number; ufa: number }>("SELECT count(*) AS count, sum(address LIKE 'г. Уфа, %') AS ufa FROM account")
      .get();
    expect(accounts?.count).toBeGreaterThanOrEqual(200);
    expect(accounts?.ufa).toBe(accounts?.count);
    const months = server.db
      .prepare<[], { periods: number; first: string; last: string }>(
        'SELECT count(DISTINCT period) AS periods, min(period) AS first, max(period) AS last FROM charge',
      )
      .get();
    expect(months).toEqual({ periods: 36, first: '2023-11', last: '2026-10' });
    const services = server.db
      .prepare<[], { service: string; unit: string }>('SELECT DISTINCT service, unit FROM charge ORDER BY service')
      .all();
    expect(services).toEqual([
      { service: 'heating', unit: 'Гкал' },
      { service: 'hot-water-heat', unit: 'Гкал' },
      { service: 'hot-water-water', unit: 'м³' },
    ]);
    for (const table of ['payment', 'recalculation', 'penalty', 'meter', 'meter_reading']) {
      const count = server.db.prepare<[], { count: number }>(`SELECT count(*) AS count FROM ${table}`).get()?.count ?? 0;
      expect(count, table).toBeGreaterThan(50);
    }
  });

  it('is deterministic: a second server on the same date generates the same ledger', async () => {
    const other = await startReferenceBillingServer({ dbFile: path.join(dir, 'other.sqlite'), now: () => NOW });
    const digest = (db: typeof server.db) =>
      db.prepare<[], { total: number; rows: number }>('SELECT sum(amount_kopecks) AS total, count(*) AS rows FROM charge').get();
    expect(digest(other.db)).toEqual(digest(server.db));
    expect(other.db.prepare('SELECT holder_name, address FROM account ORDER BY account_number').all()).toEqual(
      server.db.prepare('SELECT holder_name, address FROM account ORDER BY account_number').all(),
    );
    await other.close();
  });
});

describe('sessions and the account summary', () => {
  it('820000001 owes money', async () => {
    const { sessionToken } = await client.login(DEMO.owesMoney.accountNumber, 'demo1234');
    const summary = accountSummarySchema.parse(await client.getAccountSummary(sessionToken));
    expect(summary.billingPeriod).toBe('2026-10');
    expect(summary.amountDueKopecks).toBeGreaterThan(0);
    expect(summary.balanceKopecks).toBe(summary.amountDueKopecks);
    expect(summary.paymentDueBy).toBe('2026-11-10');
    expect(summary.holderName).toBe('Петров Сергей Николаевич');
  });

  it('820000002 has paid in advance and owes nothing', async () => {
    const { sessionToken } = await client.login(DEMO.paidInAdvance.accountNumber, 'demo1234');
    const summary = await client.getAccountSummary(sessionToken);
    expect(summary.balanceKopecks).toBeLessThan(0);
    expect(summary.amountDueKopecks).toBe(0);
    expect(summary.lastPayment?.paidOn.localeCompare('2026-11-20')).toBe(-1);
  });

  it('820000003 has a meter whose verification has expired', async () => {
    const { sessionToken } = await client.login(DEMO.expiredVerification.accountNumber, 'demo1234');
    const meters = metersResponseSchema.parse(await client.getMeters(sessionToken));
    expect(meters.meters.length).toBe(2);
    expect(meters.meters.filter((meter) => meter.verificationDueOn < '2026-11-20')).toHaveLength(1);
  });

  it('820000004 is not registered, a wrong password is refused, an unknown account looks the same', async () => {
    expect((await billingRefusal(client.login(DEMO.notRegistered.accountNumber, 'demo1234'))).billingCode).toBe('not-registered');
    const wrong = await billingRefusal(client.login(DEMO.paidInAdvance.accountNumber, 'nope'));
    expect([wrong.kind, wrong.billingCode, wrong.status]).toEqual(['refused', 'wrong-credentials', 401]);
    const unknown = await billingRefusal(client.login('829999999', 'demo1234'));
    expect([unknown.kind, unknown.billingCode]).toEqual(['refused', 'wrong-credentials']);
  });

  it('a logged-out session no longer reads the account', async () => {
    const { sessionToken } = await client.login(DEMO.paidInAdvance.accountNumber, 'demo1234');
    await client.logout(sessionToken);
    expect((await billingRefusal(client.getAccountSummary(sessionToken))).kind).toBe('unauthorized');
  });

  it('a terminal with a wrong key is refused', async () => {
    const stranger = new BillingClient({ baseUrl: server.url, terminalId: 'TEST-01', terminalKey: 'guess', timeoutMs: 5000 });
    const error = await billingRefusal(stranger.getReferenceData());
    expect([error.kind, error.billingCode]).toEqual(['unauthorized', 'terminal-unauthorized']);
  });
});

describe('statement', () => {
  it('adds up to the kopeck over 36 months, month by month', async () => {
    const { sessionToken } = await client.login(DEMO.owesMoney.accountNumber, 'demo1234');
    const statement = statementSchema.parse(await client.getStatement(sessionToken, '2023-11', '2026-10'));
    expect(statement.months).toHaveLength(36);
    let balance = statement.openingBalanceKopecks;
    for (const month of statement.months) {
      expect(month.openingBalanceKopecks).toBe(balance);
      const lines =
        month.charges.reduce((sum, line) => sum + line.amountKopecks, 0) +
        month.recalculations.reduce((sum, line) => sum + line.amountKopecks, 0);
      expect(month.chargedKopecks).toBe(lines + month.penaltiesKopecks);
      expect(month.paidKopecks).toBe(month.payments.reduce((sum, payment) => sum + payment.amountKopecks, 0));
      balance += month.chargedKopecks - month.paidKopecks;
      expect(month.closingBalanceKopecks).toBe(balance);
    }
    expect(statement.closingBalanceKopecks).toBe(balance);
    expect(statement.closingBalanceKopecks).toBe(statement.openingBalanceKopecks + statement.chargedKopecks - statement.paidKopecks);
    // The debtor was charged penalties.
    expect(statement.months.some((month) => month.penaltiesKopecks > 0)).toBe(true);
  });

  it('refuses a period longer than 36 months or reversed', async () => {
    const { sessionToken } = await client.login(DEMO.owesMoney.accountNumber, 'demo1234');
    expect((await billingRefusal(client.getStatement(sessionToken, '2023-01', '2026-10'))).billingCode).toBe('period-too-long');
    expect((await billingRefusal(client.getStatement(sessionToken, '2026-10', '2026-01'))).billingCode).toBe('invalid-period');
  });
});

describe('idempotent writes', () => {
  it('the same key and body return the first answer; another body with that key is refused', async () => {
    const { sessionToken } = await client.login(DEMO.owesMoney.accountNumber, 'demo1234');
    const meters = await client.getMeters(sessionToken);
    const meter = meters.meters.find((candidate) => candidate.verificationDueOn > '2026-11-20');
    if (!meter) throw new Error('demo account 820000001 should have a working meter');
    const value = (meter.lastReading?.value ?? 0) + 2.5;
    const request = { readings: [{ meterId: meter.meterId, value }], submittedAt: '2026-11-20T09:59:00+05:00' };
    const first = await client.submitReadings(DEMO.owesMoney.accountNumber, request, 'key-1');
    const again = await client.submitReadings(DEMO.owesMoney.accountNumber, request, 'key-1');
    expect(again).toEqual(first);
    expect(first.readings[0]?.consumption).toBeCloseTo(2.5, 3);
    const changed = await billingRefusal(
      client.submitReadings(
        DEMO.owesMoney.accountNumber,
        { ...request, readings: [{ meterId: meter.meterId, value: value + 1 }] },
        'key-1',
      ),
    );
    expect([changed.status, changed.billingCode]).toEqual([422, 'idempotency-key-reused']);
    const submissions = (await client.getMeters(sessionToken)).submissions;
    expect(submissions.map((submission) => submission.registrationNumber)).toEqual([first.registrationNumber]);
  });

  it('a write without an idempotency key is refused with 400', async () => {
    const response = await fetch(`${server.url}/api/v1/accounts/${DEMO.owesMoney.accountNumber}/appeals`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Terminal-Id': 'TEST-01', 'X-Terminal-Key': 'training' },
      body: JSON.stringify({ topicId: 'other', text: 'Вопрос', submittedAt: '2026-11-20T10:00:00+05:00' }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'idempotency-key-missing' });
  });

  it('an oversized body is refused with 413, not a reset connection', async () => {
    const response = await fetch(`${server.url}/api/v1/accounts/${DEMO.owesMoney.accountNumber}/appeals`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Terminal-Id': 'TEST-01', 'X-Terminal-Key': 'training', 'Idempotency-Key': 'big-1' },
      body: JSON.stringify({ topicId: 'other', text: 'я'.repeat(40_000), submittedAt: '2026-11-20T10:00:00+05:00' }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: 'payload-too-large' });
  });

  it('a refusal is replayed as the same refusal', async () => {
    const request = { readings: [{ meterId: '820000001-HW1', value: 0 }], submittedAt: '2026-11-20T10:00:00+05:00' };
    const first = await billingRefusal(client.submitReadings(DEMO.owesMoney.accountNumber, request, 'key-lower'));
    const second = await billingRefusal(client.submitReadings(DEMO.owesMoney.accountNumber, request, 'key-lower'));
    expect(first.billingCode).toBe('lower-than-previous');
    expect(second.billingCode).toBe(first.billingCode);
  });
});

describe('failures are classified for retry, re-login or refusal', () => {
  it('nothing listening → unavailable', async () => {
    const port = await freePort();
    const dead = new BillingClient({ baseUrl: `http://127.0.0.1:${port}`, terminalId: 'T', terminalKey: 'training', timeoutMs: 2000 });
    expect((await billingRefusal(dead.getReferenceData())).kind).toBe('unavailable');
  });

  it('never answers → timeout', async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const hung = new BillingClient({
      baseUrl: `http://127.0.0.1:${(silent.address() as net.AddressInfo).port}`,
      terminalId: 'T',
      terminalKey: 'training',
      timeoutMs: 300,
    });
    expect((await billingRefusal(hung.getReferenceData())).kind).toBe('timeout');
    for (const socket of sockets) socket.destroy();
    silent.close();
  });

  it('a wrong shape, broken JSON or a huge answer → invalid-response; a 503 → unavailable with Retry-After', async () => {
    const answers: Array<(response: http.ServerResponse) => void> = [
      (response) => response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"utilityName": 5}'),
      (response) => response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"utilityName": '),
      (response) => response.writeHead(200, { 'Content-Type': 'application/json' }).end(`{"x":"${'a'.repeat(3 * 1024 * 1024)}"}`),
      (response) =>
        response
          .writeHead(503, { 'Retry-After': '30', 'Content-Type': 'application/json' })
          .end('{"code":"maintenance","message":"Работы"}'),
      (response) => response.writeHead(200, { 'Content-Type': 'text/html' }).end('<html><body><h1>502 Bad Gateway</h1></body></html>'),
    ];
    const misbehaving = http.createServer((_request, response) => answers.shift()?.(response));
    await new Promise<void>((resolve) => misbehaving.listen(0, '127.0.0.1', resolve));
    const odd = new BillingClient({
      baseUrl: `http://127.0.0.1:${(misbehaving.address() as net.AddressInfo).port}`,
      terminalId: 'T',
      terminalKey: 'training',
      timeoutMs: 5000,
    });
    expect((await billingRefusal(odd.getReferenceData())).kind).toBe('invalid-response');
    expect((await billingRefusal(odd.getReferenceData())).kind).toBe('invalid-response');
    expect((await billingRefusal(odd.getReferenceData())).kind).toBe('invalid-response');
    const busy = await billingRefusal(odd.getReferenceData());
    expect([busy.kind, busy.retryAfterSeconds, busy.billingCode]).toEqual(['unavailable', 30, 'maintenance']);
    expect((await billingRefusal(odd.getReferenceData())).kind).toBe('invalid-response');
    misbehaving.closeAllConnections();
    misbehaving.close();
  });
});

describe('a statement nobody should trust', () => {
  it('100,000 rows are refused as an invalid answer, not rendered', async () => {
    const month = {
      period: '2026-10',
      openingBalanceKopecks: 0,
      charges: [],
      recalculations: [],
      penaltiesKopecks: 0,
      chargedKopecks: 0,
      payments: [],
      paidKopecks: 0,
      closingBalanceKopecks: 0,
    };
    const huge = JSON.stringify({
      accountNumber: DEMO.owesMoney.accountNumber,
      from: '2018-01',
      to: '2026-10',
      openingBalanceKopecks: 0,
      closingBalanceKopecks: 0,
      chargedKopecks: 0,
      paidKopecks: 0,
      months: Array.from({ length: 100_000 }, () => month),
    });
    const server = http.createServer((_request, response) => response.writeHead(200, { 'Content-Type': 'application/json' }).end(huge));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const client = new BillingClient({
      baseUrl: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
      terminalId: 'T',
      terminalKey: 'training',
      timeoutMs: 5000,
    });
    expect((await billingRefusal(client.getStatement('token', '2018-01', '2026-10'))).kind).toBe('invalid-response');
    server.closeAllConnections();
    server.close();
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
