// The kiosk core as a child process for the crash test: it submits readings as fast as it can and
// prints `ACCEPTED <value>` only after each submission is committed to SQLite. The test kills it
// with SIGKILL at random moments. With CRASH_MODE=drain it submits nothing and exits once the
// outbox is empty.
import { parseKioskConfig } from '../../src-main/core/config/kiosk-config';
import { startKioskCore } from '../../src-main/core/kiosk-core';
import { readingsSubmission } from '../../src-main/features/readings/readings-submission';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

const core = await startKioskCore({
  dataDir: env('CRASH_DATA_DIR'),
  config: parseKioskConfig({
    terminalId: 'CRASH-01',
    billing: { url: env('CRASH_BILLING_URL'), timeoutMs: 2_000 },
    delivery: { retryBaseMs: 10, retryCapMs: 200, breakerCooldownMs: 100, heartbeatSeconds: 3_600 },
  }),
});
console.log('READY');

if (process.env.CRASH_MODE === 'drain') {
  const timer = setInterval(() => {
    if (core.services.outbox.stats().pending === 0) {
      clearInterval(timer);
      console.log('DRAINED');
      void core.close().then(() => process.exit(0));
    }
  }, 50);
} else {
  const meterId = env('CRASH_METER_ID');
  const accountNumber = env('CRASH_ACCOUNT');
  const base = Number(env('CRASH_BASE_VALUE'));
  const startedAt = Number(env('CRASH_T0'));
  for (;;) {
    // Strictly increasing across restarts, with millisecond resolution: every value is unique.
    const value = Number((base + (Date.now() - startedAt) / 1000).toFixed(3));
    core.services.submissions.accept(
      readingsSubmission,
      accountNumber,
      null,
      (submittedAt) => ({ readings: [{ meterId, value }], submittedAt }),
      { countsForPeriod: null, lines: [] },
    );
    console.log(`ACCEPTED ${value.toFixed(3)}`);
    await new Promise((resolve) => setTimeout(resolve, 3));
  }
}
