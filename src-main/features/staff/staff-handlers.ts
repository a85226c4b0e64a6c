// The staff screen's operations. Every one of them that changes something is written to the
// audit log with the staff number and, where there is one, the customer's account.
import { ufaDateTime } from '../../core/printing/document-parts';
import fs from 'node:fs';
import type { KioskHandlers } from '../kiosk-methods';
import type { KioskServices } from '../../core/kiosk-services';
import { maskAccountNumber } from '../../core/security/account-number-mask';
import type { PrintOutcome } from '../../core/printing/print-service';
import { columnsFor } from '../../core/printing/receipt';
import { testPageReceipt } from '../../core/printing/test-page';
import { applySettings, currentSettings, readConfigFile, settingsOverriddenByEnvironment, writeFileAtomically } from './staff-settings';
import type { SettingName } from './staff-settings-schema';
import { ASSIST_REASONS } from '../staff/assisted-service';
import { KioskFailure } from '../../core/api/contract';
import { message } from '../../core/messages/messages';
import { speechEngineMessage } from '../voice/voice-handlers';
import { payeeRefusalFor } from '../pay/payee-check';

type StaffHandlers = Pick<
  KioskHandlers,
  | 'staff.login'
  | 'staff.logout'
  | 'staff.status'
  | 'staff.outbox.list'
  | 'staff.outbox.retry'
  | 'staff.outbox.markHandled'
  | 'staff.audit.list'
  | 'staff.limits.reset'
  | 'staff.printer.status'
  | 'staff.print.journal'
  | 'staff.print.reprint'
  | 'staff.print.testPage'
  | 'staff.assist.open'
  | 'staff.assist.end'
  | 'staff.settings.get'
  | 'staff.settings.save'
  | 'staff.restart'
  | 'staff.exit'
>;

const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());

export function createStaffHandlers(services: KioskServices): StaffHandlers {
  const { staffDesk, outbox, outboxWorker, billingLink, config, loginLimiter, printing, customerSession } = services;
  const startedAt = services.clock();

  /**
   * Ends the customer session on screen because staff took over. Unlike the customer's own logout
   * (button, idle timeout, crash recovery), their receipts that did not print are kept: the
   * customer is at the counter with staff, and staff reprint them from the journal.
   */
  const endCustomerSession = () => {
    const ended = customerSession.end();
    if (ended) services.billing.logout(ended.billingToken).catch(() => undefined);
  };

  const printerStatus = async () => {
    const status = await printing.status();
    return { ...status, description: printing.printerDescription, checkedAt: new Date(services.clock()).toISOString() };
  };

  const outcome = (printed: PrintOutcome) => ({
    jobId: printed.jobId,
    status: printed.status,
    printerState: printed.printerState,
    message: printed.message,
  });

  return {
    async 'staff.login'({ staffNumber, pin }) {
      // Staff take over the screen: whatever customer was there is logged out first.
      endCustomerSession();
      const session = await staffDesk.login(staffNumber, pin);
      return { staffName: session.displayName };
    },

    async 'staff.logout'() {
      endCustomerSession();
      staffDesk.logout();
      return { loggedOut: true as const };
    },

    async 'staff.status'() {
      const staff = staffDesk.require();
      const stats = outbox.stats();
      const disk = fs.statfsSync(services.dataDir);
      const speechEngine = await services.speech.status();
      const payeeRefusal = payeeRefusalFor(services);
      return {
        staffName: staff.displayName,
        terminalId: config.terminalId,
        officeName: config.officeName,
        version: services.version,
        trainingMode: services.trainingMode,
        billing: {
          online: billingLink.online,
          url: services.billingUrl,
          lastContactAt: iso(billingLink.lastContactAt),
          circuitOpen: outboxWorker.circuitOpen,
        },
        outbox: {
          pending: stats.pending,
          rejected: stats.rejected,
          delivered: stats.delivered,
          oldestPendingAt: iso(stats.oldestPendingAt),
        },
        lastHeartbeatAt: iso(services.heartbeat.lastSentAt),
        printer: await printerStatus(),
        disk: { freeBytes: disk.bavail * disk.bsize, totalBytes: disk.blocks * disk.bsize },
        uptimeSeconds: Math.round((services.clock() - startedAt) / 1000),
        voice: { available: speechEngine.available, detail: speechEngineMessage(speechEngine, config.voice.espeakCommand) },
        payeeRequisitesRefused: payeeRefusal ? { problems: payeeRefusal.problems, at: new Date(payeeRefusal.at).toISOString() } : null,
      };
    },

    async 'staff.outbox.list'({ status }) {
      staffDesk.require();
      return {
        messages: outbox.list({ ...(status ? { status } : {}), limit: 200 }).map((row) => ({
          id: row.id,
          kind: row.kind,
          accountNumberMasked: maskAccountNumber(row.accountNumber),
          localReference: row.localReference,
          status: row.status,
          attempts: row.attempts,
          createdAt: new Date(row.createdAt).toISOString(),
          nextAttemptAt: row.status === 'pending' ? new Date(row.nextAttemptAt).toISOString() : null,
          lastError: row.lastError,
          rejectionCode: row.rejectionCode,
          rejectionMessage: row.rejectionMessage,
        })),
      };
    },

    async 'staff.outbox.retry'({ messageId }) {
      staffDesk.require();
      const row = outbox.get(messageId);
      if (!row) throw new KioskFailure({ code: 'not-found', message: message('staff.errors.messageUnknown') });
      if (row.status === 'rejected') {
        if (!outbox.retryRejected(messageId))
          throw new KioskFailure({ code: 'invalid-input', message: message('staff.errors.retryWiped') });
      } else if (row.status !== 'pending') {
        throw new KioskFailure({ code: 'invalid-input', message: message('staff.errors.alreadySettled') });
      }
      staffDesk.audit({ action: 'outbox.retry', messageId, kind: row.kind }, row.accountNumber);
      const state = await outboxWorker.deliverSoon(messageId, config.billing.timeoutMs);
      return { status: state };
    },

    async 'staff.outbox.markHandled'({ messageId }) {
      const staff = staffDesk.require();
      const row = outbox.get(messageId);
      if (!row || !outbox.markHandled(messageId, staff.staffNumber)) {
        throw new KioskFailure({ code: 'invalid-input', message: message('staff.errors.onlyRejected') });
      }
      staffDesk.audit({ action: 'outbox.mark-handled', messageId, kind: row.kind, rejectionCode: row.rejectionCode }, row.accountNumber);
      // The worker reports the outbox's counts to the screen; a row closed by hand changes them too.
      outboxWorker.kick();
      return { status: 'handled' as const };
    },

    async 'staff.audit.list'() {
      staffDesk.require();
      return {
        entries: staffDesk.auditTrail(200).map((entry) => ({
          id: entry.id,
          at: new Date(entry.at).toISOString(),
          staffNumber: entry.staffNumber,
          staffName: entry.staffName,
          accountLastDigits: entry.accountNumber === null ? null : entry.accountNumber.slice(-4),
          event: entry.event,
        })),
      };
    },

    async 'staff.limits.reset'() {
      staffDesk.require();
      loginLimiter.reset('customer');
      loginLimiter.reset('registration');
      loginLimiter.reset('password-reset');
      staffDesk.audit({ action: 'limits.reset' });
      return { reset: true as const };
    },

    async 'staff.printer.status'() {
      staffDesk.require();
      return printerStatus();
    },

    async 'staff.print.journal'() {
      staffDesk.require();
      return {
        jobs: printing.journal(100).map((job) => ({
          id: job.id,
          kind: job.kind,
          accountNumberMasked: job.accountNumber === null ? null : maskAccountNumber(job.accountNumber),
          status: job.status,
          printerState: job.printerState,
          createdAt: new Date(job.createdAt).toISOString(),
          reprintOf: job.reprintOf,
          reprintable: job.reprintable,
        })),
      };
    },

    async 'staff.print.reprint'({ jobId }) {
      staffDesk.require();
      const job = services.db
        .prepare<[number], { account_number: string | null }>('SELECT account_number FROM print_job WHERE id = ?')
        .get(jobId);
      if (!job) throw new KioskFailure({ code: 'not-found', message: message('staff.errors.jobUnknown') });
      const printed = await printing.reprint(jobId);
      if (!printed) throw new KioskFailure({ code: 'invalid-input', message: message('staff.errors.reprintWiped') });
      staffDesk.audit({ action: 'print.reprint', jobId, reprintJobId: printed.jobId, status: printed.status }, job.account_number);
      return outcome(printed);
    },

    async 'staff.print.testPage'() {
      staffDesk.require();
      const receipt = testPageReceipt({
        printerDescription: printing.printerDescription,
        commandSet: config.printer.commandSet,
        codePage: config.printer.codePage,
        widthMm: config.printer.widthMm,
        columns: columnsFor(config.printer.widthMm),
        terminalId: config.terminalId,
        // Ufa time, like every receipt, whatever zone the PC's clock is in.
        printedAt: `${ufaDateTime(services.clock())} (время уфимское)`,
      });
      const printed = await printing.print(receipt, { accountNumber: null, sessionId: null });
      staffDesk.audit({ action: 'print.test-page', jobId: printed.jobId, status: printed.status });
      return outcome(printed);
    },

    async 'staff.assist.open'({ accountNumber, reason }) {
      const staff = staffDesk.require();
      // Whoever was on screen is logged out before another account opens.
      endCustomerSession();
      let login: { sessionToken: string };
      try {
        login = await billingLink.call(
          () => services.billing.openAssistedSession(accountNumber, staff.staffNumber, ASSIST_REASONS[reason]),
          { 'unknown-account': message('staff.errors.unknownAccount') },
        );
      } catch (error) {
        staffDesk.audit(
          {
            action: 'assist.refused',
            reason,
            code: error instanceof KioskFailure ? (error.error.billingCode ?? error.error.code) : 'internal',
          },
          accountNumber,
        );
        throw error;
      }
      services.assisted.begin(accountNumber, login.sessionToken, reason);
      services.logger.info('assisted session opened', { accountNumber, staffNumber: staff.staffNumber });
      return { accountNumberMasked: maskAccountNumber(accountNumber) };
    },

    async 'staff.assist.end'() {
      staffDesk.require();
      // The audit row «assist.end» is written by the assisted service when the session ends.
      if (services.assisted.active) endCustomerSession();
      return { ended: true as const };
    },

    async 'staff.settings.get'() {
      staffDesk.require();
      return { values: currentSettings(config), overriddenByEnvironment: settingsOverriddenByEnvironment() };
    },

    async 'staff.settings.save'(settings) {
      staffDesk.require();
      let file: Record<string, unknown>;
      try {
        file = readConfigFile(services.configFile);
      } catch (error) {
        services.logger.error('configuration file unreadable', { error });
        throw new KioskFailure({ code: 'internal', message: message('staff.errors.settingsUnreadable') });
      }
      const check = applySettings(file, settings, currentSettings(config));
      if (!check.ok) throw new KioskFailure({ code: 'invalid-input', message: check.message, fields: check.fields });
      const changed = Object.keys(check.changed) as SettingName[];
      if (changed.length === 0) return { changed, restarting: false };
      writeFileAtomically(services.configFile, `${JSON.stringify(check.file, null, 2)}\n`);
      staffDesk.audit({ action: 'settings.save', changed: check.changed });
      services.logger.info('settings saved by staff', { changed });
      return { changed, restarting: services.requestRestart() };
    },

    async 'staff.restart'() {
      staffDesk.audit({ action: 'kiosk.restart' });
      return { restarting: services.requestRestart() };
    },

    async 'staff.exit'() {
      staffDesk.audit({ action: 'kiosk.exit' });
      return { exiting: services.requestExit() };
    },
  };
}
