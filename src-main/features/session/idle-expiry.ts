// The core ends an abandoned visit by itself. The screen's idle guard logs the customer out after
// its warning, but a page that crashed, hung or was closed never does: without this, the customer's
// session would answer for their data until the kiosk restarts (issue 15 #8).
import type { KioskServices } from '../../core/kiosk-services';
import { endCustomerVisit } from './session-handlers';

/**
 * Beyond the screen's own limit (idle time plus the warning's countdown): the renderer reports taps
 * at most every 10 s (`session.keepAlive`), so a visit the screen keeps is never ended here.
 */
export const CORE_IDLE_GRACE_SECONDS = 15;
const SWEEP_EVERY_MS = 1_000;

/** Starts the sweep; returns the function that stops it. */
export function startIdleExpiry(services: KioskServices): () => void {
  const { ui } = services.config;
  const limitMs = (ui.idleTimeoutSeconds + ui.idleWarningSeconds + CORE_IDLE_GRACE_SECONDS) * 1000;
  const timer = setInterval(() => {
    const idle = services.customerSession.idleMs();
    // Staff helping at the counter keep the customer's account open on their own terms.
    if (idle === null || idle <= limitMs || services.assisted.active) return;
    const ended = endCustomerVisit(services);
    if (ended) services.logger.info('customer session ended by the core after inactivity', { accountNumber: ended.accountNumber });
  }, SWEEP_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
