// «Мои показания» through the real core and the real reference billing server: the last accepted
// reading of each meter, this month's registered submissions, and what waits at the terminal.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { KioskResult } from '../../src-main/core/api/contract';
import { parseKioskConfig } from '../../src-main/core/config/kiosk-config';
import { startKioskCore, type KioskCore } from '../../src-main/core/kiosk-core';
import { startReferenceBillingServer, type ReferenceBillingServer } from '../../src-main/billing-server/reference-billing-server';
import type { KioskOutput } from '../../src-main/features/kiosk-methods';
import { formatReading } from '../../src-main/features/readings/reading-checks';
import { DEMO } from '../support/demo-accounts';
import { BillingForwarder } from '../support/billing-forwarder';

const NOW = Date.parse('2026-11-20T10:00:00+05:00');
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

async function start(): Promise<{ core: KioskCore; server: ReferenceBillingServer; proxy: BillingForwarder }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readings-history-'));
  const server = await startReferenceBillingServer({ dbFile: path.join(dir, 'billing.sqlite'), now: () => NOW });
  const proxy = new BillingForwarder();
  proxy.dropReadings = false;
  const url = await proxy.start(server.url);
  const core = await startKioskCore({ config: parseKioskConfig({ billing: { url, timeoutMs: 1000 } }), dataDir: dir, clock: () => NOW });
  closers.push(async () => {
    await core.close();
    await proxy.close();
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return { core, server, proxy };
}

function value<T>(result: KioskResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

const history = async (core: KioskCore) => value(await core.dispatch('readings.history', {})) as KioskOutput<'readings.history'>;

describe('«Мои показания»', () => {
  it('is for a logged-in customer only', async () => {
    const { core } = await start();
    expect(await core.dispatch('readings.history', {})).toMatchObject({ ok: false, error: { code: 'not-logged-in' } });
  });

  it('shows each meter’s last accepted reading, then a submission with its registration number, then one waiting', async () => {
    const { core, proxy } = await start();
    const { accountNumber, password } = DEMO.expiredVerification;
    value(await core.dispatch('session.login', { accountNumber, password }));

    const before = await history(core);
    expect(before.meters).toHaveLength(2);
    for (const meter of before.meters) expect(meter.lastAccepted).toMatchObject({ value: expect.any(Number), takenOn: expect.any(String) });
    expect(before.accepted).toEqual([]);
    expect(before.waiting).toEqual([]);

    const meters = value(await core.dispatch('readings.meters', {})) as KioskOutput<'readings.meters'>;
    const meter = meters.meters.find((candidate) => candidate.acceptsReadings)!;
    const typed = (step: number) => formatReading((meter.lastReading?.value ?? 0) + step, meter.fractionDigits);
    const delivered = value(await core.dispatch('readings.submit', { readings: [{ meterId: meter.meterId, value: typed(1) }] })) as {
      registrationNumber: string;
    };

    const after = await history(core);
    expect(after.accepted).toEqual([
      {
        registrationNumber: delivered.registrationNumber,
        acceptedAt: expect.any(String),
        readings: [
          {
            serialNumber: meter.serialNumber,
            unit: meter.unit,
            value: (meter.lastReading?.value ?? 0) + 1,
            fractionDigits: meter.fractionDigits,
          },
        ],
      },
    ]);

    proxy.dropReadings = true;
    const queued = value(await core.dispatch('readings.submit', { readings: [{ meterId: meter.meterId, value: typed(2) }] })) as {
      delivery: string;
      localReference: string;
    };
    expect(queued.delivery).toBe('pending');
    const waiting = await history(core);
    expect(waiting.accepted).toHaveLength(1);
    expect(waiting.waiting).toEqual([
      {
        localReference: queued.localReference,
        submittedAt: expect.any(String),
        readings: [
          {
            serialNumber: meter.serialNumber,
            unit: meter.unit,
            value: (meter.lastReading?.value ?? 0) + 2,
            fractionDigits: meter.fractionDigits,
          },
        ],
      },
    ]);
  });

  it('shows another account nothing of this one’s waiting readings', async () => {
    const { core, proxy } = await start();
    value(await core.dispatch('session.login', DEMO.expiredVerification));
    const meters = value(await core.dispatch('readings.meters', {})) as KioskOutput<'readings.meters'>;
    const meter = meters.meters.find((candidate) => candidate.acceptsReadings)!;
    proxy.dropReadings = true;
    value(
      await core.dispatch('readings.submit', {
        readings: [{ meterId: meter.meterId, value: formatReading((meter.lastReading?.value ?? 0) + 1, meter.fractionDigits) }],
      }),
    );
    value(await core.dispatch('session.logout', {}));
    value(await core.dispatch('session.login', DEMO.owesMoney));
    expect((await history(core)).waiting).toEqual([]);
  });
});
