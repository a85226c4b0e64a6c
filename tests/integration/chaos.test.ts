// Chaos between kiosk and billing centre: about 30% of requests fail in every way a network and
// an overloaded server can fail, over more than 1,000 submissions. At the end nothing is lost,
// nothing is duplicated, the kiosk core never crashed, and every refusal a customer could have
// seen was a Russian sentence, never a stack trace or an English error.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReferenceBillingServer, type ReferenceBillingServer } from '../../src-main/billing-server/reference-billing-server';
import { parseKioskConfig } from '../../src-main/core/config/kiosk-config';
import { startKioskCore, type KioskCore } from '../../src-main/core/kiosk-core';
import { startChaosProxy, type ChaosProxy } from '../support/chaos-proxy';
import { readingsSubmission } from '../../src-main/features/readings/readings-submission';
import { russianText } from '../../src-main/core/messages/message-test-kit';
import { DEMO } from '../support/demo-accounts';

const SUBMISSIONS = 1_050;
const NOW = Date.parse('2026-11-20T10:00:00+05:00');
let dir: string;
let billing: ReferenceBillingServer;
let proxy: ChaosProxy;
let core: KioskCore;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-chaos-'));
  billing = await startReferenceBillingServer({ dbFile: path.join(dir, 'billing.sqlite'), now: () => NOW });
  proxy = await startChaosProxy(billing.url, { faultRate: 0.3, seed: 42, stallMs: 1_500 });
  core = await startKioskCore({
    dataDir: dir,
    config: parseKioskConfig({
      terminalId: 'CHAOS-01',
      billing: { url: proxy.url, timeoutMs: 600 },
      delivery: { retryBaseMs: 10, retryCapMs: 300, breakerCooldownMs: 100, heartbeatSeconds: 3_600 },
    }),
  });
});

afterAll(async () => {
  await core?.close();
  await proxy?.close();
  await billing?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Working hot-water meters of many accounts, so the worker delivers several accounts at once. */
function meters(): Array<{ accountNumber: string; meterId: string; start: number }> {
  return billing.db
    .prepare<[], { account_number: string; meter_id: string; start: number }>(
      `SELECT m.account_number, m.meter_id, coalesce(max(r.value), 0) AS start FROM meter m
       LEFT JOIN meter_reading r ON r.meter_id = m.meter_id
       WHERE m.service = 'hot-water' AND m.verification_due_on > '2026-12-31'
       GROUP BY m.meter_id ORDER BY m.meter_id LIMIT 60`,
    )
    .all()
    .map((row) => ({ accountNumber: row.account_number, meterId: row.meter_id, start: Math.ceil(row.start) + 1 }));
}

describe('chaos between kiosk and billing centre', () => {
  // A budget, not a speed check: beside the e2e files and the checks of `npm test` it took 60 s.
  it('loses nothing and duplicates nothing over 1,000+ submissions with 30% faults', { timeout: 240_000 }, async () => {
    const targets = meters();
    expect(targets.length).toBeGreaterThan(20);
    const accepted: string[] = [];
    for (let index = 0; index < SUBMISSIONS; index += 1) {
      const target = targets[index % targets.length]!;
      const value = target.start + Math.floor(index / targets.length) * 0.01;
      const submission = core.services.submissions.accept(
        readingsSubmission,
        target.accountNumber,
        null,
        (submittedAt) => ({ readings: [{ meterId: target.meterId, value: Number(value.toFixed(3)) }], submittedAt }),
        { countsForPeriod: null, lines: [] },
      );
      accepted.push(`${target.meterId}=${value.toFixed(3)}`);
      expect(submission.localReference).toMatch(/^CHAOS-01-\d{6}$/);
    }

    // Meanwhile customers use the screen: every refusal they could see must read as customer-ready Russian.
    const messages = new Set<string>();
    for (let attempt = 0; attempt < 60; attempt += 1) {
      const results = await Promise.all([
        core.dispatch('reference.startScreen', {}),
        core
          .dispatch('session.login', { accountNumber: DEMO.paidInAdvance.accountNumber, password: 'demo1234' })
          .then(async (login) => (login.ok ? core.dispatch('account.summary', {}) : login)),
      ]);
      for (const result of results) if (!result.ok) messages.add(russianText(result.error.message));
      await core.dispatch('session.logout', {});
    }
    for (const message of messages) {
      expect(message).toMatch(/^[А-ЯЁ][^<>{}]*[.!]$/);
      expect(message).not.toMatch(/Error|undefined|at \w+ \(|ECONN|status code/);
    }

    await expect.poll(() => core.services.outbox.stats().pending, { timeout: 240_000, interval: 500 }).toBe(0);
    const stats = core.services.outbox.stats();
    expect(stats).toMatchObject({ pending: 0, rejected: 0, delivered: SUBMISSIONS });

    const delivered = billing.db
      .prepare<[], { readings_json: string }>("SELECT readings_json FROM reading_submission WHERE terminal_id = 'CHAOS-01'")
      .all()
      .map((row) => {
        const [reading] = JSON.parse(row.readings_json) as Array<{ meterId: string; value: number }>;
        return `${reading?.meterId}=${reading?.value.toFixed(3)}`;
      });
    expect(delivered).toHaveLength(SUBMISSIONS);
    expect(new Set(delivered).size).toBe(SUBMISSIONS);
    expect([...delivered].sort()).toEqual([...accepted].sort());
    // The faults really happened, including the ones after the billing centre had already processed the write.
    expect(proxy.counts['reset-after'] + proxy.counts.stall).toBeGreaterThan(30);
    expect(proxy.counts.passed).toBeGreaterThan(SUBMISSIONS * 0.6);
  });
});
