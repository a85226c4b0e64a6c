// Hostile input at every kiosk API method: more than 10,000 generated inputs (wrong types,
// missing and extra fields, huge strings, control characters, emoji, RTL text, SQL and HTML
// fragments, numbers at the edges), logged out and logged in. No call may end in an internal
// error, the database must stay intact, and a call refused as invalid must write nothing.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { kioskMethodNames, kioskMethods } from '../../src-main/features/kiosk-methods';
import { startCoreFixture, type CoreFixture } from '../support/kiosk-core-fixture';
import { russianText } from '../../src-main/core/messages/message-test-kit';
import { DEMO } from '../support/demo-accounts';

const RUNS_PER_METHOD = Math.max(150, Math.ceil(10_500 / kioskMethodNames.length / 2));
// Methods whose effects would end the fuzzing itself (log the customer out, take over the screen).
const SKIPPED_WHEN_LOGGED_IN = new Set(['session.logout', 'session.login', 'staff.login', 'staff.logout']);

const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.constantFrom(
    '',
    ' ',
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    "'; DROP TABLE submission; --",
    "820000001' OR '1'='1",
    '\u202Eтекст справа налево',
    '😀'.repeat(300),
    '\u0000\u0007\u001b[31m\u001b@',
    'а'.repeat(70_000),
    DEMO.owesMoney.accountNumber,
    '82000000١',
    '1234-1234-1234',
    '2026-13',
    '0000-00-00',
    'NaN',
    '../../etc/passwd',
    'ivanova@example.ru',
  ),
);
const hostileNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -0, -1, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, Number.NaN, Number.POSITIVE_INFINITY, 0.1 + 0.2),
);
const hostileValue = fc.oneof(
  hostileString,
  hostileNumber,
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(hostileString, { maxLength: 3 }),
  fc.object(),
);

function fieldNames(schema: unknown): string[] {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

function inputFor(method: string): fc.Arbitrary<unknown> {
  const fields = fieldNames(kioskMethods[method as keyof typeof kioskMethods].input);
  const shaped = fields.length
    ? fc.dictionary(fc.constantFrom(...fields, 'extra', '__proto__', 'constructor'), hostileValue, { maxKeys: fields.length + 2 })
    : fc.dictionary(fc.string(), hostileValue, { maxKeys: 3 });
  return fc.oneof(
    shaped,
    shaped,
    fc.anything(),
    fc.constant(undefined),
    fc.constant(null),
    fc.string(),
    fc.array(fc.anything(), { maxLength: 3 }),
  );
}

let fixture: CoreFixture;

beforeAll(async () => {
  fixture = await startCoreFixture({ limits: { loginFailuresPerAccount: 100, loginFailuresPerTerminal: 1000 } });
});

afterAll(async () => {
  await fixture?.close();
});

function rowCounts(): Record<string, number> {
  const db = fixture.core.services.db;
  const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all();
  return Object.fromEntries(
    tables.map(({ name }) => [name, db.prepare<[], { count: number }>(`SELECT count(*) AS count FROM "${name}"`).get()?.count ?? 0]),
  );
}

async function fuzz(methods: readonly string[]): Promise<number> {
  let calls = 0;
  for (const method of methods) {
    await fc.assert(
      fc.asyncProperty(inputFor(method), async (input) => {
        const before = rowCounts();
        const result = await fixture.core.dispatch(method, input);
        calls += 1;
        if (result.ok) return;
        expect(result.error.code, `${method}(${JSON.stringify(input)?.slice(0, 200)}): ${result.error.message.key}`).not.toBe('internal');
        // Every refusal is a catalog key that reads as Russian, and so is every field's.
        expect(russianText(result.error.message)).toMatch(/[А-Яа-яЁё]/);
        for (const field of Object.values(result.error.fields ?? {})) expect(russianText(field)).toMatch(/[А-Яа-яЁё]/);
        if (result.error.code === 'invalid-input') expect(rowCounts(), method).toEqual(before);
      }),
      { numRuns: RUNS_PER_METHOD, seed: 20261126 },
    );
  }
  return calls;
}

describe('fuzzing every kiosk API method', () => {
  it('survives hostile input logged out and logged in, with the database intact', { timeout: 600_000 }, async () => {
    const loggedOut = await fuzz(kioskMethodNames);
    const login = await fixture.core.dispatch('session.login', { accountNumber: DEMO.paidInAdvance.accountNumber, password: 'demo1234' });
    expect(login, JSON.stringify(login)).toMatchObject({ ok: true });
    const loggedIn = await fuzz(kioskMethodNames.filter((method) => !SKIPPED_WHEN_LOGGED_IN.has(method)));
    expect(loggedOut + loggedIn).toBeGreaterThanOrEqual(10_000);
    expect(fixture.core.services.db.pragma('integrity_check', { simple: true })).toBe('ok');
    // Unknown methods are refused the same calm way.
    const unknown = await fixture.core.dispatch('__proto__', {});
    expect(unknown.ok ? null : unknown.error.code).toBe('unknown-method');
  });
});
