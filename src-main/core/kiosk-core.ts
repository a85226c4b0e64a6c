// The kiosk's composition root, free of Electron: opens the store, connects to the billing centre
// (or starts the built-in reference server in training mode), and wires every handler into one
// dispatcher that both transports (Electron IPC and loopback HTTP) call.
import path from 'node:path';
import packageJson from '../../package.json';
import { startReferenceBillingServer } from '../billing-server/reference-billing-server';
import { createDispatcher, type KioskDispatch, type KioskHandlers } from './api/dispatcher';
import { isKioskMethodName, kioskMethods } from './api/methods';
import { createAppealHandlers } from './api/handlers/appeal-handlers';
import { createPaymentHandlers } from './api/handlers/payment-handlers';
import { createPrintHandlers } from './api/handlers/print-handlers';
import { createProfileHandlers } from './api/handlers/profile-handlers';
import { createReadingsHandlers } from './api/handlers/readings-handlers';
import { createRegistrationHandlers } from './api/handlers/registration-handlers';
import { createSessionHandlers } from './api/handlers/session-handlers';
import { createStaffHandlers } from './api/handlers/staff-handlers';
import { createTerminalHandlers } from './api/handlers/terminal-handlers';
import { BillingClient } from './billing/billing-client';
import { BillingLink } from './billing/billing-link';
import type { KioskConfig } from './config/kiosk-config';
import { HeartbeatSender } from './heartbeat/heartbeat-sender';
import { requireCustomerFrom, type KioskHostHooks, type KioskServices } from './kiosk-services';
import { silentLogger, type Logger } from './logging/logger';
import { billingSenders, CustomerSubmissions, SUBMISSION_SECRET_FIELDS } from './outbox/customer-submissions';
import { Outbox } from './outbox/outbox';
import { OutboxWorker } from './outbox/outbox-worker';
import { PrintService } from './printing/print-service';
import { createPrinterTransport } from './printing/printer-transport';
import { columnsFor } from './printing/receipt';
import { ReferenceCache } from './reference/reference-cache';
import { CustomerSession } from './session/customer-session';
import { LoginLimiter } from './session/login-limiter';
import { AssistedService } from './staff/assisted-service';
import { StaffDesk } from './staff/staff-desk';
import { openKioskDatabase } from './store/database';

export interface KioskCoreOptions {
  config: KioskConfig;
  dataDir: string;
  logger?: Logger;
  clock?: () => number;
  /** The configuration file staff settings are saved to (default: `<dataDir>/kiosk-config.json`). */
  configFile?: string;
  /** Restart and exit, as the hosting process provides them (see settings/core-host.ts). */
  hooks?: KioskHostHooks;
}

export interface KioskCore {
  dispatch: KioskDispatch;
  services: KioskServices;
  /** URL of the billing API in use (the in-process reference server in training mode). */
  billingUrl: string;
  close(): Promise<void>;
}

export const KIOSK_VERSION: string = packageJson.version;

/** The demo staff member of training mode (README): staff number 1001, PIN 123456. */
export const TRAINING_STAFF_MEMBER = { staffNumber: '1001', displayName: 'Сотрудник (учебный режим)', pinHash: '123456' } as const;

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
    backoff: { baseMs: config.delivery.retryBaseMs, capMs: config.delivery.retryCapMs },
    breaker: { failureThreshold: 5, cooldownMs: config.delivery.breakerCooldownMs },
  });
  // Training mode and unconfigured terminals print to a folder of receipt files.
  const printerInterface = config.printer.interface ?? `file://${path.join(dataDir, 'receipts')}`;
  const printing = new PrintService(
    db,
    createPrinterTransport(printerInterface, config.printer.timeoutMs),
    { commandSet: config.printer.commandSet, codePage: config.printer.codePage, columns: columnsFor(config.printer.widthMm) },
    logger,
    clock,
  );
  const heartbeat = new HeartbeatSender(
    (report) =>
      billingLink.call(() =>
        billing.sendHeartbeat({
          version: report.version,
          queueDepth: report.queueDepth,
          oldestPendingAgeSeconds: report.oldestPendingAgeSeconds,
          printerState: report.printerState,
          sentAt: new Date(clock()).toISOString(),
        }),
      ),
    () => {
      const stats = outbox.stats();
      const printer = printing.lastKnownStatus;
      return {
        terminalId: config.terminalId,
        version: KIOSK_VERSION,
        queueDepth: stats.pending,
        oldestPendingAgeSeconds: stats.oldestPendingAt === null ? null : Math.max(0, Math.round((clock() - stats.oldestPendingAt) / 1000)),
        printerState: printer ? `${printer.state}${printer.paperNearEnd ? ', paper-near-end' : ''}` : 'not-checked',
      };
    },
    logger,
    clock,
  );
  const loginLimiter = new LoginLimiter(db, clock);
  const staffDesk = new StaffDesk(
    db,
    loginLimiter,
    { maxFailuresPerSubject: 5, maxFailuresPerTerminal: 20, windowMs: config.limits.loginLockoutMinutes * 60_000 },
    clock,
  );
  staffDesk.ensureMembers(trainingMode ? [...config.staff, TRAINING_STAFF_MEMBER] : config.staff);
  const assisted = new AssistedService(customerSession, staffDesk, clock);
  const hooks = options.hooks ?? {};
  // The host must let the current call answer first (the core host waits for calls in flight, and
  // holds new ones from the moment of the request, so the next call already reaches the new core).
  const ask = (hook: (() => void) | undefined) => {
    if (!hook) return false;
    hook();
    return true;
  };
  const services: KioskServices = {
    config,
    dataDir,
    version: KIOSK_VERSION,
    trainingMode,
    db,
    billing,
    billingLink,
    customerSession,
    loginLimiter,
    staffDesk,
    billingUrl,
    referenceCache: new ReferenceCache(db, clock),
    outbox,
    outboxWorker,
    // A little longer than one billing call, so a healthy billing centre confirms before the screen does.
    submissions: new CustomerSubmissions(outbox, outboxWorker, config.billing.timeoutMs + 500, clock),
    printing,
    heartbeat,
    startedAt: clock(),
    logger,
    clock,
    requireCustomer: requireCustomerFrom(customerSession),
    configFile: options.configFile ?? path.join(dataDir, 'kiosk-config.json'),
    assisted,
    requestRestart: () => ask(hooks.restart),
    requestExit: () => ask(hooks.exit),
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
    ...createPrintHandlers(services),
    ...createStaffHandlers(services),
  };
  const dispatchCall = createDispatcher(
    handlers,
    { customerLoggedIn: () => customerSession.active !== null, staffLoggedIn: () => staffDesk.session !== null },
    logger,
  );
  // Assisted service is audited centrally: while staff have a customer's account open without the
  // customer's password, every customer-audience call is written to the audit log with its outcome.
  const dispatch: KioskDispatch = async (methodName, rawInput) => {
    const visit = isKioskMethodName(methodName) && kioskMethods[methodName].audience === 'customer' ? assisted.active : null;
    const result = await dispatchCall(methodName, rawInput);
    if (visit) {
      staffDesk.auditAs(visit.staffNumber, methodName, visit.accountNumber, {
        assisted: true,
        outcome: result.ok ? 'ok' : result.error.code,
      });
    }
    return result;
  };
  // Whatever the previous run left pending goes out first.
  outboxWorker.start();
  // The heartbeat doubles as the link probe: when the billing centre returns, the indicator and
  // the outbox notice within one interval even if no customer touches the screen.
  heartbeat.start(config.delivery.heartbeatSeconds * 1000);
  billingLink.onChange((online) => {
    if (online) outboxWorker.kick();
  });
  const retentionMs = config.retention.settledDays * 24 * 60 * 60_000;
  const applyRetention = () => {
    const wiped = outbox.wipeSettledOlderThan(retentionMs) + printing.wipeFinishedOlderThan(retentionMs);
    if (wiped > 0) logger.info('retention: personal content wiped', { rows: wiped });
  };
  applyRetention();
  const retentionTimer = setInterval(applyRetention, 60 * 60_000);
  retentionTimer.unref();
  logger.info('kiosk core started', { trainingMode, terminalId: config.terminalId, version: KIOSK_VERSION });

  return {
    dispatch,
    services,
    billingUrl,
    async close() {
      customerSession.end();
      heartbeat.stop();
      clearInterval(retentionTimer);
      await outboxWorker.stop();
      await trainingServer?.close();
      db.close();
    },
  };
}
