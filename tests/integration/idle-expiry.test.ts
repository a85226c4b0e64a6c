// The core ends an abandoned customer session by itself: with no page left to log the customer out
// (it crashed, hung or was closed), their data stops answering soon after the screen's own limit.
// Taps reported by the screen (`session.keepAlive`) and calls on the customer's behalf keep it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseKioskConfig } from '../../src-main/core/config/kiosk-config';
import { startKioskCore, type KioskCore } from '../../src-main/core/kiosk-core';
import { CORE_IDLE_GRACE_SECONDS } from '../../src-main/features/session/idle-expiry';
import { DEMO } from '../support/demo-accounts';

const IDLE = { idleTimeoutSeconds: 20, idleWarningSeconds: 20 };
const LIMIT_MS = (IDLE.idleTimeoutSeconds + IDLE.idleWarningSeconds + CORE_IDLE_GRACE_SECONDS) * 1000;

let core: KioskCore | null = null;
let dir: string | null = null;
afterEach(async () => {
  await core?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  core = null;
  dir = null;
});

/** A core in training mode whose clock the test moves; the sweep itself runs on real time, every second. */
async function coreWithClock(): Promise<{ core: KioskCore; advance(ms: number): void }> {
  let offset = 0;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idle-expiry-'));
  core = await startKioskCore({
    config: parseKioskConfig({ ui: IDLE }),
    dataDir: dir,
    clock: () => Date.now() + offset,
    trainingBilling: () => import('../../src-main/billing-server/training-billing'),
  });
  return { core, advance: (ms) => (offset += ms) };
}

const sweepHasRun = () => new Promise((resolve) => setTimeout(resolve, 1_500));

describe('the core’s own idle expiry', () => {
  it('ends a session nobody touches, soon after the screen’s limit, and its data stops answering', async () => {
    const { core, advance } = await coreWithClock();
    expect((await core.dispatch('session.login', DEMO.owesMoney)).ok).toBe(true);
    advance(LIMIT_MS - 5_000);
    await sweepHasRun();
    expect((await core.dispatch('account.summary', {})).ok).toBe(true);

    advance(LIMIT_MS + 1_000);
    await sweepHasRun();
    expect(core.services.customerSession.active).toBeNull();
    const summary = await core.dispatch('account.summary', {});
    expect(summary.ok ? null : summary.error.code).toBe('not-logged-in');
  });

  it('keeps a session the screen reports taps for, well past the limit', async () => {
    const { core, advance } = await coreWithClock();
    expect((await core.dispatch('session.login', DEMO.owesMoney)).ok).toBe(true);
    for (let step = 0; step < 12; step += 1) {
      advance(10_000);
      expect(await core.dispatch('session.keepAlive', {})).toEqual({ ok: true, value: { active: true } });
    }
    await sweepHasRun();
    expect(core.services.customerSession.active?.accountNumber).toBe(DEMO.owesMoney.accountNumber);
  });
});
