// Everything a handler may use, built once by the kiosk core. Handlers get this object instead of
// importing singletons, so tests can build a core around a temp folder and a real billing server.
import { KioskFailure } from './api/contract';
import type { BillingClient } from './billing/billing-client';
import type { BillingLink } from './billing/billing-link';
import type { KioskConfig } from './config/kiosk-config';
import type { HeartbeatSender } from './heartbeat/heartbeat-sender';
import type { Logger } from './logging/logger';
import { message } from './messages/messages';
import type { CustomerSubmissions } from './outbox/customer-submissions';
import type { Outbox } from './outbox/outbox';
import type { OutboxWorker } from './outbox/outbox-worker';
import type { PrintService } from './printing/print-service';
import type { ReferenceCache } from './reference/reference-cache';
import type { CustomerSession, CustomerSessionData } from './session/customer-session';
import type { LoginLimiter } from './session/login-limiter';
import type { DocumentReceiptBuilder } from '../features/feature';
import type { AssistedService } from '../features/staff/assisted-service';
import type { StaffDesk } from '../features/staff/staff-desk';
import type { TrainingDemoBill } from '../features/training-bill/training-demo-bill';
import type { EspeakSpeech } from '../features/voice/espeak-speech';
import type { KioskDatabase } from './store/database';

export interface KioskServices {
  config: KioskConfig;
  /** The kiosk's data folder (SQLite files, logs, receipts in training mode). */
  dataDir: string;
  version: string;
  trainingMode: boolean;
  /** Training mode only: the SMS the training billing centre "sent" for an account, newest first. */
  trainingSmsInbox: ((accountNumber: string) => Array<{ text: string; sentAt: string }>) | null;
  /** Training mode only: the fixed demo accounts' last paper bills, for staff to show and print. */
  trainingDemoBills: (() => TrainingDemoBill[]) | null;
  db: KioskDatabase;
  billing: BillingClient;
  billingLink: BillingLink;
  customerSession: CustomerSession;
  loginLimiter: LoginLimiter;
  referenceCache: ReferenceCache;
  outbox: Outbox;
  outboxWorker: OutboxWorker;
  /** Write-ahead, then deliver: every customer write goes through here. */
  submissions: CustomerSubmissions;
  /** The receipt printer and its journal. */
  printing: PrintService;
  heartbeat: HeartbeatSender;
  /** Office staff: PIN login, the staff session, the append-only audit log. */
  staffDesk: StaffDesk;
  /** Voice mode's speech engine (espeak-ng): one per core, so one process at a time and one cache. */
  speech: EspeakSpeech;
  /** URL of the billing API in use (the in-process reference server in training mode). */
  billingUrl: string;
  /** When the core started (for uptime on the staff screen). */
  startedAt: number;
  logger: Logger;
  clock: () => number;
  /** The customer logged in fully, or a refusal: back to the login screen, or «log in fully» for a bill session. */
  requireCustomer(): CustomerSessionData;
  /** Whoever proved they hold the bill: a bill session or a customer logged in fully. */
  requireBillHolder(): CustomerSessionData;
  /** The configuration file the staff screen's settings are saved to. */
  configFile: string;
  /** Staff opening a customer's account without the password; its calls are audited. */
  assisted: AssistedService;
  /**
   * Asks the hosting process to restart the kiosk core in place (new configuration, same window).
   * False when the host offers no restart (e.g. a bare core in tests).
   */
  requestRestart(): boolean;
  /** Asks the hosting process to exit for real (staff «Выход»); false when it offers none. */
  requestExit(): boolean;
  /** How each printable document type becomes a receipt, as the features declare it. */
  documentReceipts: Map<string, DocumentReceiptBuilder>;
}

/** What the process hosting the core lets it ask for; both run after the current call answered. */
export interface KioskHostHooks {
  restart?: () => void;
  exit?: () => void;
}

export function requireBillHolderFrom(session: CustomerSession): () => CustomerSessionData {
  return () => {
    const active = session.active;
    if (!active) throw new KioskFailure({ code: 'not-logged-in', message: message('errors.not-logged-in') });
    return active;
  };
}

/** The dispatcher checks each method's audience; this second check guards what a handler shares with both. */
export function requireCustomerFrom(session: CustomerSession): () => CustomerSessionData {
  const requireBillHolder = requireBillHolderFrom(session);
  return () => {
    const active = requireBillHolder();
    if (active.access !== 'full') throw new KioskFailure({ code: 'full-login-required', message: message('errors.full-login-required') });
    return active;
  };
}
