// The kiosk's composition root, free of Electron: opens the store, connects to the billing centre
// (or starts the reference server it is handed, in training mode), and builds the dispatcher, the
// outbox and the printable documents from the list of features (src-main/features/kiosk-features.ts).
import path from 'node:path';
import packageJson from '../../package.json';
import { createDispatcher, type KioskDispatch } from './api/dispatcher';
import { createDocumentReceipts, createKioskHandlers, kioskSubmissionKinds } from '../features/kiosk-features';
import { isAccountMethodName, kioskMethods } from '../features/kiosk-methods';
import { BillingClient } from './billing/billing-client';
import { BillingLink } from './billing/billing-link';
import type { KioskConfig } from './config/kiosk-config';
import { startCoreEvents, type CoreEvents } from './events/core-events';
import { HeartbeatSender } from './heartbeat/heartbeat-sender';
import { requireBillHolderFrom, requireCustomerFrom, type KioskHostHooks, type KioskServices } from './kiosk-services';
import { silentLogger, type Logger } from './logging/logger';
import { billingSenders, CustomerSubmissions } from './outbox/customer-submissions';
import { SubmissionKinds } from './outbox/submission-kinds';
import { Outbox } from './outbox/outbox';
import { OutboxWorker } from './outbox/outbox-worker';
import { PrintService } from './printing/print-service';
import { createPrinterTransport } from './printing/printer-transport';
import { columnsFor } from './printing/receipt';
import { ReferenceCache } from './reference/reference-cache';
import { CustomerSession } from './session/customer-session';
import { LoginLimiter } from './session/login-limiter';
import { AssistedService } from '../features/staff/assisted-service';
import { StaffDesk } from '../features/staff/staff-desk';
import { startIdleExpiry } from '../features/session/idle-expiry';
import type { TrainingDemoBill } from '../features/training-bill/training-demo-bill';
import { EspeakSpeech } from '../features/voice/espeak-speech';
import { openKioskDatabase } from './store/database';
import { startIdleCheckpoint } from './store/idle-checkpoint';

export interface KioskCoreOptions {
  config: KioskConfig;
  dataDir: string;
  logger?: Logger;
  clock?: () => number;
  /** The configuration file staff settings are saved to (default: `<dataDir>/kiosk-config.json`). */
  configFile?: string;
  /** Restart and exit, as the hosting process provides them (see host/core-host.ts). */
  hooks?: KioskHostHooks;
  /**
   * Training mode's billing centre, loaded only when the configuration asks for training mode, so
   * the production core never imports the reference server (see billing-server/training-billing.ts).
   */
  trainingBilling?: () => Promise<TrainingBillingModule>;
}

/** What training mode needs of the reference billing server: start one on a file, read its SMS, stop it. */
export interface TrainingBillingModule {
  startTrainingBilling(dbFile: string): Promise<TrainingBilling>;
}

export interface TrainingBilling {
  url: string;
  /** The SMS the training billing centre "sent" for an account, newest first. */
  smsInbox(accountNumber: string): Array<{ text: string; sentAt: string }>;
  /** The last paper bills of the fixed demo accounts (README's order), as the billing centre has them now. */
  demoBills(): TrainingDemoBill[];
  close(): Promise<void>;
}

export interface KioskCore {
  dispatch: KioskDispatch;
  services: KioskServices;
  /** URL of the billing API in use (the in-process reference server in training mode). */
  billingUrl: string;
  /** What the core pushes to the screen (link, outbox, printer); the host forwards it across restarts. */
  events: CoreEvents;
  close(): Promise<void>;
}

export const KIOSK_VERSION: string = packageJson.version;

/** The demo staff member of training mode (README): staff number 1001, PIN 123456. */
export const TRAINING_STAFF_MEMBER = { staffNumber: '1001', displayName: 'Сотрудник (учебный режим)', pinHash: '123456' } as const;

export async function startKioskCore(options: KioskCoreOptions): Promise<KioskCore> {
  const { config, dataDir } = options;
  const logger = options.logger ?? silentLogger;
  const clock = options.clock ?? Date.now;
  const storeFile = path.join(dataDir, 'kiosk.sqlite');
  const db = openKioskDatabase(storeFile);
  const checkpoint = startIdleCheckpoint(db, storeFile);

  const trainingMode = config.billing.url === null;
  const trainingServer = trainingMode ? await startTrainingServer(options, path.join(dataDir, 'training-billing.sqlite')) : null;
  const billingUrl = trainingServer?.url ?? (config.billing.url as string);
  const billing = new BillingClient({
    baseUrl: billingUrl,
    terminalId: config.terminalId,
    terminalKey: config.billing.terminalKey,
    timeoutMs: config.billing.timeoutMs,
  });

  const customerSession = new CustomerSession(clock);
  const billingLink = new BillingLink(clock);
  const submissionKinds = new SubmissionKinds(kioskSubmissionKinds);
  const outbox = new Outbox(db, { terminalId: config.terminalId, clock, kinds: submissionKinds });
  const outboxWorker = new OutboxWorker({
    outbox,
    senders: billingSenders(submissionKinds, billing),
    logger,
    clock,
    onReachability: (reachable) => billingLink.record(reachable),
    backoff: { baseMs: config.delivery.retryBaseMs, capMs: config.delivery.retryCapMs },
    breaker: { failureThreshold: 5, cooldownMs: config.delivery.breakerCooldownMs },
  });
  // Training mode and unconfigured terminals print to a folder of receipt files.
  const printerInterface = config.printer.interface ?? `file://${path.join(dataDir, 'receipts')}`;
  const printerTransport = createPrinterTransport(printerInterface, config.printer.timeoutMs, config.printer.commandSet);
  const printing = new PrintService(
    db,
    printerTransport,
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
  // Nothing is started here: espeak-ng is looked for on the first voice call, and a terminal
  // without it starts and serves customers as before, only without voice mode.
  const speech = new EspeakSpeech({ command: config.voice.espeakCommand, logger });
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
    trainingSmsInbox: trainingServer ? (accountNumber) => trainingServer.smsInbox(accountNumber) : null,
    trainingDemoBills: trainingServer ? () => trainingServer.demoBills() : null,
    db,
    billing,
    billingLink,
    customerSession,
    loginLimiter,
    staffDesk,
    speech,
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
    requireBillHolder: requireBillHolderFrom(customerSession),
    configFile: options.configFile ?? path.join(dataDir, 'kiosk-config.json'),
    assisted,
    requestRestart: () => ask(hooks.restart),
    requestExit: () => ask(hooks.exit),
    documentReceipts: new Map(),
  };
  for (const [type, build] of createDocumentReceipts(services)) services.documentReceipts.set(type, build);
  services.loginLimiter.prune();

  const handlers = createKioskHandlers(services);
  const dispatchCall = createDispatcher(
    kioskMethods,
    handlers,
    { customerAccess: () => customerSession.active?.access ?? null, staffLoggedIn: () => staffDesk.session !== null },
    logger,
  );
  // Assisted service is audited centrally: while staff have a customer's account open without the
  // customer's password, every customer-audience call is written to the audit log with its outcome.
  const dispatch: KioskDispatch = async (methodName, rawInput) => {
    const onAccount = isAccountMethodName(methodName);
    if (onAccount) customerSession.touch();
    const visit = onAccount ? assisted.active : null;
    const result = await dispatchCall(methodName, rawInput);
    if (visit && onAccount) {
      staffDesk.auditAssistedCall(visit.staffNumber, methodName, visit.accountNumber, result.ok ? 'ok' : result.error.code);
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
    // The file printer's receipts are copies of the same content, judged by when they were written.
    printerTransport.wipeCopiesOlderThan?.(Date.now() - retentionMs).then(
      (files) => files > 0 && logger.info('retention: receipt files deleted', { files }),
      (error: unknown) => logger.warn('retention: receipt files could not be deleted', { error }),
    );
  };
  applyRetention();
  const retentionTimer = setInterval(applyRetention, 60 * 60_000);
  retentionTimer.unref();
  const stopIdleExpiry = startIdleExpiry(services);
  logger.info('kiosk core started', { trainingMode, terminalId: config.terminalId, version: KIOSK_VERSION });

  return {
    dispatch,
    services,
    billingUrl,
    events: startCoreEvents(services),
    async close() {
      stopIdleExpiry();
      customerSession.end();
      heartbeat.stop();
      clearInterval(retentionTimer);
      speech.close();
      await outboxWorker.stop();
      await trainingServer?.close();
      checkpoint.stop();
      db.close();
    },
  };
}

async function startTrainingServer(options: KioskCoreOptions, dbFile: string) {
  if (!options.trainingBilling) {
    throw new Error('Учебный режим (billing.url не задан) требует учебного расчётного центра, но процесс его не предоставил.');
  }
  const training = await options.trainingBilling();
  return training.startTrainingBilling(dbFile);
}
