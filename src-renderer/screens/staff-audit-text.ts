// The staff audit log in words: who (name and number) and what, one catalog message per kind of
// event with its details filled in, in the language chosen on the screen. A kind of event, or a
// method on a customer's account, that has no text here fails the type check.
import type { KioskErrorCode } from '../../src-main/core/api/contract';
import type { MessageKey } from '../../src-main/core/messages/messages';
import type { AccountMethodName } from '../../src-main/features/kiosk-methods';
import { i18n } from '../lib/i18n.svelte';
import { maskFromLastDigits } from '../../src-main/core/security/account-number-mask';
import { ASSIST_REASON_LABELS, choiceText, labelFor, SETTING_LABELS, type AuditEntry, type SettingName } from './staff-state.svelte';

type AuditEvent = AuditEntry['event'];
type EventOf<Action extends AuditEvent['action']> = Extract<AuditEvent, { action: Action }>;
type PrintStatus = EventOf<'print.test-page'>['status'];

const PRINT_STATUS: Record<PrintStatus, MessageKey> = {
  printing: 'staff.audit.printStatus.printing',
  printed: 'staff.audit.printStatus.printed',
  failed: 'staff.audit.printStatus.failed',
  'not-confirmed': 'staff.audit.printStatus.not-confirmed',
};

/** Why a call was refused: every code of the terminal, and the billing centre's codes staff meet here. */
const REFUSALS: Record<KioskErrorCode | 'unknown-account', MessageKey> = {
  'invalid-input': 'staff.audit.refusal.invalid-input',
  'not-logged-in': 'staff.audit.refusal.not-logged-in',
  'full-login-required': 'staff.audit.refusal.full-login-required',
  'staff-only': 'staff.audit.refusal.staff-only',
  'wrong-credentials': 'staff.audit.refusal.wrong-credentials',
  'locked-out': 'staff.audit.refusal.locked-out',
  'rate-limited': 'staff.audit.refusal.rate-limited',
  'billing-unavailable': 'staff.audit.refusal.billing-unavailable',
  'billing-timeout': 'staff.audit.refusal.billing-timeout',
  'billing-invalid-response': 'staff.audit.refusal.billing-invalid-response',
  'billing-refused': 'staff.audit.refusal.billing-refused',
  'session-expired': 'staff.audit.refusal.session-expired',
  'not-found': 'staff.audit.refusal.not-found',
  'printer-unavailable': 'staff.audit.refusal.printer-unavailable',
  'voice-unavailable': 'staff.audit.refusal.voice-unavailable',
  'unknown-method': 'staff.audit.refusal.unknown-method',
  internal: 'staff.audit.refusal.internal',
  'unknown-account': 'staff.audit.refusal.unknown-account',
};

function refusalText(code: string): string {
  const key = Object.hasOwn(REFUSALS, code) ? REFUSALS[code as keyof typeof REFUSALS] : null;
  return key ? i18n.t(key) : i18n.t('staff.audit.outcome.otherCode', { code });
}

/** The text of a call on a customer's account: the catalog has one for each such method, or this does not compile. */
function callKey(method: AccountMethodName): MessageKey {
  return `staff.audit.call.${method}`;
}

function settingValueText(value: string | number | boolean | null): string {
  if (value === null || value === '') return i18n.t('staff.audit.settingEmpty');
  return choiceText(String(value));
}

function settingChangesText(changed: EventOf<'settings.save'>['changed']): string {
  return Object.entries(changed)
    .map(([name, [before, after]]) =>
      i18n.t('staff.audit.settingChange', {
        setting: Object.hasOwn(SETTING_LABELS, name) ? i18n.t(SETTING_LABELS[name as SettingName]) : name,
        before: settingValueText(before),
        after: settingValueText(after),
      }),
    )
    .join('; ');
}

type EventWords = { [Action in AuditEvent['action']]: (event: EventOf<Action>, account: string) => string };

const EVENT_WORDS: EventWords = {
  'staff.login': () => i18n.t('staff.audit.event.staff-login'),
  'staff.logout': (event) =>
    i18n.t(event.reason === 'inactivity' ? 'staff.audit.event.staff-logout-idle' : 'staff.audit.event.staff-logout'),
  'outbox.retry': (event, account) =>
    i18n.t('staff.audit.event.outbox-retry', { message: event.messageId, kind: labelFor('outboxKind', event.kind), account }),
  'outbox.mark-handled': (event, account) =>
    i18n.t('staff.audit.event.outbox-mark-handled', { message: event.messageId, kind: labelFor('outboxKind', event.kind), account }),
  'limits.reset': () => i18n.t('staff.audit.event.limits-reset'),
  'print.reprint': (event, account) =>
    i18n.t('staff.audit.event.print-reprint', {
      job: event.jobId,
      status: i18n.t(PRINT_STATUS[event.status]),
      withAccount: account === '' ? 'no' : 'yes',
      account,
    }),
  'print.test-page': (event) =>
    i18n.t('staff.audit.event.print-test-page', { job: event.jobId, status: i18n.t(PRINT_STATUS[event.status]) }),
  'training-bill.print': (event, account) =>
    i18n.t('staff.audit.event.training-bill-print', { job: event.jobId, status: i18n.t(PRINT_STATUS[event.status]), account }),
  'assist.open': (event, account) =>
    i18n.t('staff.audit.event.assist-open', { account, reason: i18n.t(ASSIST_REASON_LABELS[event.reason]) }),
  'assist.refused': (event, account) => i18n.t('staff.audit.event.assist-refused', { account, refusal: refusalText(event.code) }),
  'assist.end': (event, account) => i18n.t('staff.audit.event.assist-end', { account, minutes: event.minutes }),
  'settings.save': (event) => i18n.t('staff.audit.event.settings-save', { changes: settingChangesText(event.changed) }),
  'kiosk.restart': () => i18n.t('staff.audit.event.kiosk-restart'),
  'kiosk.exit': () => i18n.t('staff.audit.event.kiosk-exit'),
  'assisted-call': (event, account) => {
    // The core sends only methods it knows as acting on an account, and the catalog has a text for
    // each (callKey); a name without one, from an older kiosk, reads as unknown. Asking the catalog
    // and not the method list keeps the contracts (and zod) out of the renderer's staff chunk.
    const action = callKey(event.method as AccountMethodName);
    return i18n.has(action)
      ? i18n.t('staff.audit.event.assisted-call', {
          action: i18n.t(action, { account }),
          outcome:
            event.outcome === 'ok'
              ? i18n.t('staff.audit.outcome.ok')
              : i18n.t('staff.audit.outcome.refused', { reason: refusalText(event.outcome) }),
        })
      : i18n.t('staff.audit.event.unreadable', { action: event.method });
  },
  unreadable: (event) => i18n.t('staff.audit.event.unreadable', { action: event.storedAction }),
};

/** «Петрова А. В. (1001)», or the number alone for a member no longer on the staff list. */
export function auditStaffText(entry: AuditEntry): string {
  return entry.staffName === null
    ? i18n.t('staff.audit.staffUnknown', { number: entry.staffNumber })
    : i18n.t('staff.audit.staffName', { name: entry.staffName, number: entry.staffNumber });
}

/** What was done, in a sentence: «Передача показаний за клиента л/с •••••0001: выполнено». */
export function auditEventText(entry: AuditEntry): string {
  const account = entry.accountLastDigits === null ? '' : maskFromLastDigits(entry.accountLastDigits);
  const words = EVENT_WORDS[entry.event.action] as (event: AuditEvent, account: string) => string;
  return words(entry.event, account);
}
