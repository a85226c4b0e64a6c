// The kiosk's composition root, free of Electron: opens the store, connects to the billing centre
// (or starts the built-in reference server in training mode), and wires every handler into one
// dispatcher that both transports (Electron IPC and loopback HTTP) call.
import path from 'node:path';
import packageJson from '../../package.json';
import { startReferenceBillingServer } from '../billing-server/reference-billing-server';
import { createDispatcher, type KioskDispatch, type KioskHandlers } from './api/dispatcher';
import { createAppealHandlers } from './api/handlers/appeal-handlers';
import { createPaymentHandlers } from './api/handlers/payment-handlers';
import { createProfileHandlers } from './api/handlers/profile-handlers';
import { createReadingsHandlers } from './api/handlers/readings-handlers';
import { createRegistrationHandlers } from './api/handlers/registration-handlers';
import { createSessionHandlers } from './api/handlers/session-handlers';
import { createTerminalHandlers } from './api/handlers/terminal-handlers';
import { BillingClient } from './billing/billing-client';
import { BillingLink } from './billing/billing-link';
import type { KioskConfig } from './config/kiosk-config';
import { requireCustomerFrom, type KioskServices } from './kiosk-services';
import { silentLogger, type Logger } from './logging/logger';
import { billingSenders, CustomerSubmissions, SUBMISSION_SECRET_FIELDS } from './outbox/customer-submissions';
import { Outbox } from './outbox/outbox';
import { OutboxWorker } from './outbox/outbox-worker';
import { ReferenceCache } from './reference/reference-cache';
import { CustomerSession } from './session/customer-session';
import { LoginLimiter } from './session/login-limiter';
import { openKioskDatabase } from './store/database';

export interface KioskCoreOptions {
  config: KioskConfig;
  dataDir: string;
  logger?: Logger;
  clock?: () => number;
}

export interface KioskCore {
  dispatch: KioskDispatch;
  services: KioskServices;
  /** URL of the billing API in use (the in-process reference server in training mode). */
  billingUrl: string;
  close(): Promise<void>;
}

export const KIOSK_VERSION: string = packageJson.version;

export async function startKioskCore(options: KioskCoreOptions): Promise<KioskCore> {
  const { config, dataDir } = options;
  const logger = options.logger ?? silentLogger;
  const clock = options.clock ?? Date.now;
  const db = openKioskDatabase(path.join(dataDir, 'kiosk.sqlite'));

  const trainingMode = config.billing.url === null;
  const trainingServer = trainingMode ? await startReferenceBillingServer({ dbFile: path.join(dataDir, 'training-billing.sqlite') }) : null;
  const billingUrl = trainingServer?.url ?? (config.billing.url as string);
  const billing = new BillingClient({
    baseUrl: billingUrl,
    terminalId: config.terminalId,
    terminalKey: config.billing.terminalKey,
    timeoutMs: config.billing.timeoutMs,
  });

  const customerSession = new CustomerSession(clock);
  const billingLink = new BillingLink(clock);
  const outbox = new Outbox(db, { terminalId: config.terminalId, clock, secretFields: SUBMISSION_SECRET_FIELDS });
  const outboxWorker = new OutboxWorker({
    outbox,
    senders: billingSenders(billing),
    logger,
    clock,
    onReachability: (reachable) => billingLink.record(reachable),
  });
  const services: KioskServices = {
    config,
    dataDir,
    version: KIOSK_VERSION,
    trainingMode,
    db,
    billing,
    billingLink,
    customerSession,
    loginLimiter: new LoginLimiter(db, clock),
    referenceCache: new ReferenceCache(db, clock),
    outbox,
    outboxWorker,
    // A little longer than one billing call, so a healthy billing centre confirms before the screen does.
    submissions: new CustomerSubmissions(outbox, outboxWorker, config.billing.timeoutMs + 500, clock),
    logger,
    clock,
    requireCustomer: requireCustomerFrom(customerSession),
  };
  services.loginLimiter.prune();

  const handlers: KioskHandlers = {
    ...createTerminalHandlers(services),
    ...createSessionHandlers(services),
    ...createRegistrationHandlers(services),
    ...createPaymentHandlers(services),
    ...createReadingsHandlers(services),
    ...createAppealHandlers(services),
    ...createProfileHandlers(services),
  };
  const dispatch = createDispatcher(
    handlers,
    { customerLoggedIn: () => customerSession.active !== null, staffLoggedIn: () => false },
    logger,
  );
  // Whatever the previous run left pending goes out first.
  outboxWorker.start();
  logger.info('kiosk core started', { trainingMode, terminalId: config.terminalId, version: KIOSK_VERSION });

  return {
    dispatch,
    services,
    billingUrl,
    async close() {
      customerSession.end();
      await outboxWorker.stop();
      await trainingServer?.close();
      db.close();
    },
  };
}
