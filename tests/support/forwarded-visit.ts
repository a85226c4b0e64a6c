// A customer's visit counted where it reaches the billing centre: the real kiosk core (its own data
// folder, a clock the test moves on) against the real reference billing server, with the
// BillingForwarder between them noting every request. The round-trip tests of the readings and of
// the payment slip both start theirs here.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { KioskResult } from '../../src-main/core/api/contract';
import { startReferenceBillingServer } from '../../src-main/billing-server/reference-billing-server';
import { parseKioskConfig } from '../../src-main/core/config/kiosk-config';
import { startKioskCore, type KioskCore } from '../../src-main/core/kiosk-core';
import { BillingForwarder } from './billing-forwarder';

export interface ForwardedVisit {
  core: KioskCore;
  forwarder: BillingForwarder;
  /** Moves the terminal's clock on (the billing centre's stays where it started). */
  advance(ms: number): void;
  /** The billing centre goes away; the forwarder stays, so the kiosk sees the connection fail. */
  stopBilling(): Promise<void>;
  close(): Promise<void>;
}

export async function startForwardedVisit(now: number, folderPrefix: string): Promise<ForwardedVisit> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), folderPrefix));
  const server = await startReferenceBillingServer({ dbFile: path.join(dir, 'billing.sqlite'), now: () => now });
  let billingOpen = true;
  const stopBilling = async () => {
    if (!billingOpen) return;
    billingOpen = false;
    await server.close();
  };
  const forwarder = new BillingForwarder({ dropReadings: false });
  const url = await forwarder.start(server.url);
  let terminalNow = now;
  const core = await startKioskCore({
    // The longest idle limit, so the core does not end the visit while a test moves its clock on.
    config: parseKioskConfig({ billing: { url, timeoutMs: 1000 }, ui: { idleTimeoutSeconds: 600 } }),
    dataDir: dir,
    clock: () => terminalNow,
  });
  return {
    core,
    forwarder,
    advance: (ms) => (terminalNow += ms),
    stopBilling,
    close: async () => {
      await core.close();
      await forwarder.close();
      await stopBilling();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A kiosk API answer that must be a success: its value, or the refusal as the test's failure. */
export function value<T>(result: KioskResult<unknown>): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value as T;
}
