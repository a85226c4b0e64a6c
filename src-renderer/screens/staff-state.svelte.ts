// The staff screen's state, one rune class per section, each created by its own component on
// mount (nothing here is a module singleton). Every call goes through `callKiosk` wrapped in
// `kioskApp.track`; refusals are kept for a `role="alert"` next to the section.
import type { KioskOutput } from '../../src-main/features/kiosk-methods';
import { STAFF_SETTINGS, rangeOf, staffSetting, type SettingInput } from '../../src-main/core/config/config-fields';
import { i18n } from '../lib/i18n.svelte';
import { callKiosk, type KioskError, type KioskResult } from '../lib/kiosk-api';
import type { Message, MessageKey } from '../../src-main/core/messages/messages';
import { kioskApp } from '../state/kiosk-app.svelte';

export type StaffStatus = KioskOutput<'staff.status'>;
export type PrinterStatus = KioskOutput<'staff.printer.status'>;
export type OutboxMessage = KioskOutput<'staff.outbox.list'>['messages'][number];
export type PrintJob = KioskOutput<'staff.print.journal'>['jobs'][number];
export type AuditEntry = KioskOutput<'staff.audit.list'>['entries'][number];
export type EditableSettings = KioskOutput<'staff.settings.get'>['values'];
export type SettingName = keyof EditableSettings;
export type StaffTab = 'status' | 'outbox' | 'print' | 'assist' | 'settings' | 'audit';

export const STAFF_TABS: readonly StaffTab[] = ['status', 'outbox', 'print', 'assist', 'settings', 'audit'];
export const ASSIST_REASONS = ['forgot-password', 'readings', 'payment', 'appeal', 'no-registration', 'other'] as const;
export type AssistReason = (typeof ASSIST_REASONS)[number];

export const STAFF_TAB_LABELS: Record<StaffTab, MessageKey> = {
  status: 'staff.tabs.status',
  outbox: 'staff.tabs.outbox',
  print: 'staff.tabs.print',
  assist: 'staff.tabs.assist',
  settings: 'staff.tabs.settings',
  audit: 'staff.tabs.audit',
};
export const ASSIST_REASON_LABELS: Record<AssistReason, MessageKey> = {
  'forgot-password': 'staff.assist.reasons.forgot-password',
  readings: 'staff.assist.reasons.readings',
  payment: 'staff.assist.reasons.payment',
  appeal: 'staff.assist.reasons.appeal',
  'no-registration': 'staff.assist.reasons.no-registration',
  other: 'staff.assist.reasons.other',
};
/** The question and the button of the «are you sure?» before a restart or an exit. */
export const CONFIRM_TEXTS: Record<'restart' | 'exit', { question: MessageKey; button: MessageKey }> = {
  restart: { question: 'staff.controls.confirm.restart', button: 'staff.controls.confirmButton.restart' },
  exit: { question: 'staff.controls.confirm.exit', button: 'staff.controls.confirmButton.exit' },
};

/** Two calls at once, with one progress indicator; each result is kept as it is. */
async function trackBoth<A, B>(first: Promise<KioskResult<A>>, second: Promise<KioskResult<B>>): Promise<[KioskResult<A>, KioskResult<B>]> {
  const both = await kioskApp.track<[KioskResult<A>, KioskResult<B>]>(Promise.all([first, second]).then((value) => ({ ok: true, value })));
  if (!both.ok) throw new Error('unreachable: both results are wrapped as they are');
  return both.value;
}

/** An instant as `31.08.2026 14:05` in Ufa time, like everything the kiosk shows; `—` when there is none. */
export function formatDateTime(iso: string | null): string {
  return iso ? i18n.formatDateTime(iso) : '—';
}

/** `2 ч 5 мин` style durations for uptime and the age of the oldest pending message. */
export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  const days = Math.floor(whole / 86_400);
  const hours = Math.floor((whole % 86_400) / 3_600);
  const minutes = Math.floor((whole % 3_600) / 60);
  if (days > 0) return i18n.t('staff.duration.days', { days, hours });
  if (hours > 0) return i18n.t('staff.duration.hours', { hours, minutes });
  if (minutes > 0) return i18n.t('staff.duration.minutes', { minutes });
  return i18n.t('staff.duration.seconds', { seconds: whole });
}

/** Gigabytes with one decimal, in the language's number format. */
export function formatGigabytes(bytes: number): string {
  const locale = i18n.language === 'en' ? 'en-GB' : 'ru-RU';
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(bytes / 1024 ** 3);
}

/** The staff catalog's names of the codes the core reports: printer states, receipt kinds, outbox kinds. */
const LABELS: Record<'printerState' | 'printKind' | 'printStatus' | 'outboxKind' | 'outboxRejection', Record<string, MessageKey>> = {
  printerState: {
    ready: 'staff.printer.state.ready',
    'paper-out': 'staff.printer.state.paper-out',
    'cover-open': 'staff.printer.state.cover-open',
    offline: 'staff.printer.state.offline',
    'not-responding': 'staff.printer.state.not-responding',
    unknown: 'staff.printer.state.unknown',
  },
  printKind: {
    'payment-slip': 'staff.print.kind.payment-slip',
    'readings-confirmation': 'staff.print.kind.readings-confirmation',
    statement: 'staff.print.kind.statement',
    'appeal-ticket': 'staff.print.kind.appeal-ticket',
    'test-page': 'staff.print.kind.test-page',
    'training-bill': 'staff.print.kind.training-bill',
  },
  printStatus: {
    printing: 'staff.print.status.printing',
    printed: 'staff.print.status.printed',
    failed: 'staff.print.status.failed',
    'not-confirmed': 'staff.print.status.not-confirmed',
  },
  outboxKind: {
    readings: 'staff.outbox.kind.readings',
    appeal: 'staff.outbox.kind.appeal',
    profile: 'staff.outbox.kind.profile',
    'password-change': 'staff.outbox.kind.password-change',
  },
  outboxRejection: {
    'unknown-kind': 'staff.outbox.rejections.unknown-kind',
    'invalid-row': 'staff.outbox.rejections.invalid-row',
  },
};

/** The staff catalog's name for a code the core reports, or the code itself when the catalog has none. */
export function labelFor(list: keyof typeof LABELS, code: string): string {
  const key = LABELS[list][code];
  return key ? i18n.t(key) : code;
}

/** What the outbox row says of its refusal: the billing centre's own words, or the name of the terminal's code. */
export function rejectionText(row: OutboxMessage): string {
  return row.rejectionMessage ?? (row.rejectionCode ? labelFor('outboxRejection', row.rejectionCode) : '—');
}

export class StaffStatusState {
  status = $state<StaffStatus | null>(null);
  error = $state<KioskError | null>(null);
  notice = $state<string | null>(null);
  loadedAt = $state(Date.now());

  async load(): Promise<void> {
    const result = await kioskApp.track(callKiosk('staff.status', {}));
    if (result.ok) {
      this.status = result.value;
      this.error = null;
      this.loadedAt = Date.now();
    } else {
      this.error = result.error;
    }
  }

  /** Seconds the oldest pending message has waited, as of the last refresh. */
  get oldestPendingAgeSeconds(): number | null {
    const oldest = this.status?.outbox.oldestPendingAt;
    return oldest ? Math.max(0, (this.loadedAt - Date.parse(oldest)) / 1000) : null;
  }

  async resetLimits(): Promise<void> {
    const result = await kioskApp.track(callKiosk('staff.limits.reset', {}));
    if (result.ok) {
      this.error = null;
      this.notice = i18n.t('staff.status.limitsReset');
    } else {
      this.error = result.error;
    }
  }
}

/** What the screen says after «Отправить повторно», by where the message is now. */
const RETRIED: Record<KioskOutput<'staff.outbox.retry'>['status'], MessageKey> = {
  pending: 'staff.outbox.retried.pending',
  delivered: 'staff.outbox.retried.delivered',
  rejected: 'staff.outbox.retried.rejected',
  handled: 'staff.outbox.retried.handled',
};

export class StaffOutboxState {
  pending = $state<OutboxMessage[]>([]);
  rejected = $state<OutboxMessage[]>([]);
  error = $state<KioskError | null>(null);
  notice = $state<string | null>(null);
  busy = $state(false);

  async load(): Promise<void> {
    const [pending, rejected] = await trackBoth(
      callKiosk('staff.outbox.list', { status: 'pending' }),
      callKiosk('staff.outbox.list', { status: 'rejected' }),
    );
    if (!pending.ok || !rejected.ok) {
      this.error = pending.ok ? (rejected.ok ? null : rejected.error) : pending.error;
      return;
    }
    this.pending = pending.value.messages;
    this.rejected = rejected.value.messages;
    this.error = null;
  }

  async retry(message: OutboxMessage): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.notice = null;
    try {
      const result = await kioskApp.track(callKiosk('staff.outbox.retry', { messageId: message.id }));
      if (!result.ok) {
        this.error = result.error;
        return;
      }
      this.error = null;
      this.notice = i18n.t(RETRIED[result.value.status], { reference: message.localReference });
      await this.load();
    } finally {
      this.busy = false;
    }
  }

  async markHandled(message: OutboxMessage): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.notice = null;
    try {
      const result = await kioskApp.track(callKiosk('staff.outbox.markHandled', { messageId: message.id }));
      if (!result.ok) {
        this.error = result.error;
        return;
      }
      this.error = null;
      this.notice = i18n.t('staff.outbox.handled', { reference: message.localReference });
      await this.load();
    } finally {
      this.busy = false;
    }
  }
}

export class StaffPrintState {
  jobs = $state<PrintJob[]>([]);
  printer = $state<PrinterStatus | null>(null);
  error = $state<KioskError | null>(null);
  /** The last print's outcome: shown as a status, or as an alert when the receipt did not come out. */
  outcome = $state<{ text: string; failed: boolean } | null>(null);
  busy = $state(false);

  async load(): Promise<void> {
    const [journal, printer] = await trackBoth(callKiosk('staff.print.journal', {}), callKiosk('staff.printer.status', {}));
    if (journal.ok) this.jobs = journal.value.jobs;
    if (printer.ok) this.printer = printer.value;
    this.error = !journal.ok ? journal.error : !printer.ok ? printer.error : null;
  }

  async checkPrinter(): Promise<void> {
    const result = await kioskApp.track(callKiosk('staff.printer.status', {}));
    if (result.ok) this.printer = result.value;
    else this.error = result.error;
  }

  reprint(job: PrintJob): Promise<void> {
    return this.print(() => callKiosk('staff.print.reprint', { jobId: job.id }), job.id);
  }

  testPage(): Promise<void> {
    return this.print(() => callKiosk('staff.print.testPage', {}), null);
  }

  private async print(call: () => ReturnType<typeof callKiosk<'staff.print.testPage'>>, reprintOf: number | null): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.outcome = null;
    try {
      const result = await kioskApp.track(call());
      if (!result.ok) {
        this.error = result.error;
        return;
      }
      this.error = null;
      const printed = result.value;
      const done =
        printed.status === 'printed'
          ? reprintOf === null
            ? i18n.t('staff.print.testPagePrinted', { job: printed.jobId })
            : i18n.t('staff.print.reprinted', { job: reprintOf })
          : `${i18n.t('staff.print.notPrinted', { job: printed.jobId })} ${labelFor('printerState', printed.printerState)}`;
      this.outcome = { text: done, failed: printed.status !== 'printed' };
      await this.load();
    } finally {
      this.busy = false;
    }
  }
}

export class StaffAssistState {
  accountNumber = $state('');
  reason = $state<AssistReason | null>(null);
  error = $state<KioskError | null>(null);
  submitting = $state(false);

  readonly canOpen = $derived(/^\d{9}$/.test(this.accountNumber) && this.reason !== null && !this.submitting);

  pressKeypad(key: string): void {
    this.error = null;
    if (key === 'backspace') this.accountNumber = this.accountNumber.slice(0, -1);
    else if (key === 'clear') this.accountNumber = '';
    else if (this.accountNumber.length < 9) this.accountNumber += key;
  }

  async open(): Promise<void> {
    if (!this.canOpen || !this.reason) return;
    this.submitting = true;
    this.error = null;
    try {
      const result = await kioskApp.track(callKiosk('staff.assist.open', { accountNumber: this.accountNumber, reason: this.reason }));
      if (!result.ok) {
        this.error = result.error;
        return;
      }
      // The number is not kept here once the customer's home screen is open.
      this.accountNumber = '';
      const entered = await kioskApp.startAssist(result.value.accountNumberMasked);
      if (!entered && kioskApp.summaryError) this.error = kioskApp.summaryError;
    } finally {
      this.submitting = false;
    }
  }
}

/** Which input each setting uses on the touch screen: declared with the configuration field. */
export const SETTING_INPUTS = Object.fromEntries(STAFF_SETTINGS.map(({ name, field }) => [name, field.staff.input])) as Record<
  SettingName,
  SettingInput
>;
/** Settings typed on a keyboard or keypad, and settings chosen from radio buttons, in the declaration's order. */
export const TYPED_SETTINGS = STAFF_SETTINGS.filter(({ field }) => field.kind !== 'choice').map(({ name }) => name);
export const CHOICE_SETTINGS = STAFF_SETTINGS.flatMap(({ name, field }) => (field.kind === 'choice' ? [name] : []));
/** The values a choice offers, as text (the radio buttons' values). */
export const SETTING_CHOICES = Object.fromEntries(
  STAFF_SETTINGS.flatMap(({ name, field }) => (field.kind === 'choice' ? [[name, field.choices.map(String)]] : [])),
) as Partial<Record<SettingName, readonly string[]>>;
/** The catalog key of each setting's label. */
export const SETTING_LABELS = Object.fromEntries(STAFF_SETTINGS.map(({ name, field }) => [name, field.staff.label])) as Record<
  SettingName,
  MessageKey
>;
/** The catalog key of the hint under a typed setting. */
const SETTING_HINTS: Partial<Record<SettingName, MessageKey>> = {
  officeName: 'staff.settings.hints.officeName',
  billingUrl: 'staff.settings.hints.billingUrl',
  billingTimeoutMs: 'staff.settings.hints.billingTimeoutMs',
  printerInterface: 'staff.settings.hints.printerInterface',
  printerTimeoutMs: 'staff.settings.hints.printerTimeoutMs',
  idleTimeoutSeconds: 'staff.settings.hints.idleTimeoutSeconds',
};
/** The catalog key of each choice's name. */
const CHOICE_LABELS: Record<string, MessageKey> = {
  '58': 'staff.settings.choices.58',
  '80': 'staff.settings.choices.80',
  epson: 'staff.settings.choices.epson',
  star: 'staff.settings.choices.star',
  cp866: 'staff.settings.choices.cp866',
  wpc1251: 'staff.settings.choices.wpc1251',
};
/** The hint under a typed setting, with its range. */
export function settingHint(name: SettingName): string {
  const key = SETTING_HINTS[name];
  return key ? i18n.t(key, settingRange(name)) : '';
}
/** The name of a choice (`epson` → «Epson», `58` → «58 мм»), or the value itself. */
export function choiceText(value: string): string {
  const key = CHOICE_LABELS[value];
  return key ? i18n.t(key) : value;
}
/** Longest text the on-screen keyboard accepts for a setting. */
export function settingMaxLength(name: SettingName): number {
  const { field } = staffSetting(name);
  return field.kind === 'text' || field.kind === 'nullable-text' ? field.maxLength : 300;
}
/** `{min, max}` for a setting's hint and refusal texts, written as the staff member's language writes numbers. */
export function settingRange(name: SettingName): Record<string, string> {
  const range = rangeOf(staffSetting(name).field);
  if (!('min' in range)) return {};
  const write = (value: number) =>
    value < 10_000 ? String(value) : String(value).replace(/\B(?=(\d{3})+(?!\d))/g, i18n.language === 'en' ? ',' : ' ');
  return { min: write(range.min), max: write(range.max) };
}
const NUMERIC_SETTINGS = new Set<string>(
  STAFF_SETTINGS.filter(({ field }) => field.kind === 'int' || (field.kind === 'choice' && typeof field.default === 'number')).map(
    ({ name }) => name,
  ),
);
const NUMBER_DIGITS = 6;

export class StaffSettingsState {
  /** Every value as typed (numbers as digit strings until saving). */
  values = $state<Record<SettingName, string> | null>(null);
  overridden = $state<SettingName[]>([]);
  activeField = $state<SettingName>('officeName');
  fieldErrors = $state<Partial<Record<SettingName, Message>>>({});
  error = $state<KioskError | null>(null);
  notice = $state<string | null>(null);
  saving = $state(false);

  async load(): Promise<void> {
    const result = await kioskApp.track(callKiosk('staff.settings.get', {}));
    if (!result.ok) {
      this.error = result.error;
      return;
    }
    const values = result.value.values;
    this.values = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, String(value)])) as Record<SettingName, string>;
    this.overridden = result.value.overriddenByEnvironment as SettingName[];
    this.error = null;
  }

  setText(value: string): void {
    if (!this.values) return;
    this.values[this.activeField] = value;
    this.clearFieldError(this.activeField);
  }

  pressKeypad(key: string): void {
    if (!this.values) return;
    const current = this.values[this.activeField];
    if (key === 'backspace') this.values[this.activeField] = current.slice(0, -1);
    else if (key === 'clear') this.values[this.activeField] = '';
    else if (current.length < NUMBER_DIGITS) this.values[this.activeField] = current + key;
    this.clearFieldError(this.activeField);
  }

  choose(field: SettingName, value: string): void {
    if (!this.values) return;
    this.values[field] = value;
    this.clearFieldError(field);
  }

  /** The core's refusal of one field in the staff member's language. */
  fieldError(field: SettingName): string | null {
    const refusal = this.fieldErrors[field];
    return refusal ? i18n.message(refusal) : null;
  }

  async save(): Promise<void> {
    if (!this.values || this.saving) return;
    this.saving = true;
    this.notice = null;
    this.error = null;
    const number = (text: string) => (/^\d+$/.test(text) ? Number(text) : Number.NaN);
    const values = this.values;
    const settings = Object.fromEntries(
      Object.entries(values).map(([name, text]) => [name, NUMERIC_SETTINGS.has(name) ? number(text) : text]),
    ) as EditableSettings;
    try {
      const result = await kioskApp.track(callKiosk('staff.settings.save', settings));
      if (!result.ok) {
        this.error = result.error;
        this.fieldErrors = result.error.fields ?? {};
        const first = Object.keys(this.fieldErrors)[0] as SettingName | undefined;
        if (first && first in SETTING_INPUTS && SETTING_INPUTS[first] !== 'choice') this.activeField = first;
        return;
      }
      this.fieldErrors = {};
      if (result.value.changed.length === 0) {
        this.notice = i18n.t('staff.settings.unchanged');
        return;
      }
      if (!result.value.restarting) {
        this.notice = i18n.t('staff.settings.savedRestartByHand');
        return;
      }
      this.notice = i18n.t('staff.settings.savedRestarting');
      await kioskApp.afterRestart();
    } finally {
      this.saving = false;
    }
  }

  private clearFieldError(field: SettingName): void {
    if (!this.fieldErrors[field]) return;
    const rest = { ...this.fieldErrors };
    delete rest[field];
    this.fieldErrors = rest;
  }
}

export class StaffAuditState {
  entries = $state<AuditEntry[]>([]);
  error = $state<KioskError | null>(null);

  async load(): Promise<void> {
    const result = await kioskApp.track(callKiosk('staff.audit.list', {}));
    if (result.ok) {
      this.entries = result.value.entries;
      this.error = null;
    } else {
      this.error = result.error;
    }
  }
}

/** «Перезапустить терминал» and «Завершить работу»: each asks for confirmation first. */
export class StaffControlsState {
  confirming = $state<'restart' | 'exit' | null>(null);
  error = $state<KioskError | null>(null);
  /** Set once the kiosk agreed to exit: nothing more can be done on this screen. */
  exiting = $state(false);
  notice = $state<string | null>(null);

  async restart(): Promise<void> {
    this.confirming = null;
    const result = await kioskApp.track(callKiosk('staff.restart', {}));
    if (!result.ok) {
      this.error = result.error;
      return;
    }
    if (!result.value.restarting) {
      this.notice = i18n.t('staff.controls.restartUnavailable');
      return;
    }
    await kioskApp.afterRestart();
  }

  async exit(): Promise<void> {
    this.confirming = null;
    const result = await kioskApp.track(callKiosk('staff.exit', {}));
    if (!result.ok) {
      this.error = result.error;
      return;
    }
    if (!result.value.exiting) {
      this.notice = i18n.t('staff.controls.exitUnavailable');
      return;
    }
    this.exiting = true;
  }
}
