// The staff screen's operations. Every one of them that changes something is written to the
// audit log with the staff number and, where there is one, the customer's account.
import fs from 'node:fs';
import type { KioskHandlers } from '../dispatcher';
import type { KioskServices } from '../../kiosk-services';
import { maskAccountNumber } from '../../logging/logger';
import { KioskFailure } from '../contract';

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
>;

const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());

export function createStaffHandlers(services: KioskServices): StaffHandlers {
  const { staffDesk, outbox, outboxWorker, billingLink, config, loginLimiter } = services;
  const startedAt = services.clock();

  return {
    async 'staff.login'({ staffNumber, pin }) {
      // Staff take over the screen: whatever customer was there is logged out first.
      services.customerSession.end();
      const session = await staffDesk.login(staffNumber, pin);
      return { staffName: session.displayName };
    },

    async 'staff.logout'() {
      services.customerSession.end();
      staffDesk.logout();
      return { loggedOut: true as const };
    },

    async 'staff.status'() {
      const staff = staffDesk.require();
      const stats = outbox.stats();
      const disk = fs.statfsSync(services.dataDir);
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
        disk: { freeBytes: disk.bavail * disk.bsize, totalBytes: disk.blocks * disk.bsize },
        uptimeSeconds: Math.round((services.clock() - startedAt) / 1000),
      };
    },

    async 'staff.outbox.list'({ status }) {
      staffDesk.require();
      return {
        messages: outbox.list({ ...(status ? { status } : {}), limit: 200 }).map((message) => ({
          id: message.id,
          kind: message.kind,
          accountNumberMasked: maskAccountNumber(message.accountNumber),
          localReference: message.localReference,
          status: message.status,
          attempts: message.attempts,
          createdAt: new Date(message.createdAt).toISOString(),
          nextAttemptAt: message.status === 'pending' ? new Date(message.nextAttemptAt).toISOString() : null,
          lastError: message.lastError,
          rejectionCode: message.rejectionCode,
          rejectionMessage: message.rejectionMessage,
        })),
      };
    },

    async 'staff.outbox.retry'({ messageId }) {
      staffDesk.require();
      const message = outbox.get(messageId);
      if (!message) throw new KioskFailure({ code: 'not-found', message: 'Такого сообщения нет.' });
      if (message.status === 'rejected') {
        if (!outbox.retryRejected(messageId)) {
          throw new KioskFailure({
            code: 'invalid-input',
            message: 'Это сообщение нельзя отправить повторно: его данные уже удалены по сроку хранения.',
          });
        }
      } else if (message.status !== 'pending') {
        throw new KioskFailure({ code: 'invalid-input', message: 'Это сообщение уже доставлено или закрыто.' });
      }
      staffDesk.audit('outbox.retry', message.accountNumber, { messageId, kind: message.kind });
      const state = await outboxWorker.deliverSoon(messageId, config.billing.timeoutMs);
      return { status: state };
    },

    async 'staff.outbox.markHandled'({ messageId }) {
      const staff = staffDesk.require();
      const message = outbox.get(messageId);
      if (!message || !outbox.markHandled(messageId, staff.staffNumber)) {
        throw new KioskFailure({ code: 'invalid-input', message: 'Закрыть вручную можно только отклонённое сообщение.' });
      }
      staffDesk.audit('outbox.mark-handled', message.accountNumber, {
        messageId,
        kind: message.kind,
        rejectionCode: message.rejectionCode,
      });
      return { status: 'handled' as const };
    },

    async 'staff.audit.list'() {
      staffDesk.require();
      return {
        entries: staffDesk.auditTrail(200).map((entry) => ({
          id: entry.id,
          at: new Date(entry.at).toISOString(),
          staffNumber: entry.staffNumber,
          action: entry.action,
          accountNumberMasked: entry.accountNumber === null ? null : maskAccountNumber(entry.accountNumber),
        })),
      };
    },

    async 'staff.limits.reset'() {
      staffDesk.require();
      loginLimiter.reset('customer');
      loginLimiter.reset('registration');
      loginLimiter.reset('password-reset');
      staffDesk.audit('limits.reset');
      return { reset: true as const };
    },
  };
}
