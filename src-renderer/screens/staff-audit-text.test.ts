import { describe, expect, it } from 'vitest';
import { isAccountMethodName, kioskMethodNames } from '../../src-main/features/kiosk-methods';
import { i18n, LANGUAGES } from '../lib/i18n.svelte';
import { auditEventText, auditStaffText } from './staff-audit-text';
import type { AuditEntry } from './staff-state.svelte';
import { withEveryCatalog } from '../lib/i18n-test-kit';

withEveryCatalog();

type AuditEvent = AuditEntry['event'];

function entry(event: AuditEvent, accountLastDigits: string | null = '0001'): AuditEntry {
  return { id: 1, at: '2026-11-20T08:50:00.000Z', staffNumber: '1001', staffName: 'Петрова А. В.', accountLastDigits, event };
}

/** One event of every kind the core writes or reports (the type fails when a kind is missing here). */
const EVERY_KIND: { [Action in AuditEvent['action']]: Extract<AuditEvent, { action: Action }> } = {
  'staff.login': { action: 'staff.login' },
  'staff.logout': { action: 'staff.logout', reason: 'inactivity' },
  'outbox.retry': { action: 'outbox.retry', messageId: 5, kind: 'readings' },
  'outbox.mark-handled': { action: 'outbox.mark-handled', messageId: 5, kind: 'appeal', rejectionCode: 'unknown-meter' },
  'limits.reset': { action: 'limits.reset' },
  'print.reprint': { action: 'print.reprint', jobId: 6, reprintJobId: 9, status: 'printed' },
  'print.test-page': { action: 'print.test-page', jobId: 7, status: 'failed' },
  'training-bill.print': { action: 'training-bill.print', jobId: 8, status: 'not-confirmed' },
  'assist.open': { action: 'assist.open', reason: 'forgot-password' },
  'assist.refused': { action: 'assist.refused', reason: 'readings', code: 'unknown-account' },
  'assist.end': { action: 'assist.end', minutes: 12 },
  'settings.save': { action: 'settings.save', changed: { officeName: ['Офис', 'Офис на Ленина 2'], printerCommandSet: ['epson', 'star'] } },
  'kiosk.restart': { action: 'kiosk.restart' },
  'kiosk.exit': { action: 'kiosk.exit' },
  'assisted-call': { action: 'assisted-call', method: 'readings.submit', outcome: 'ok' },
  unreadable: { action: 'unreadable', storedAction: 'cash.withdraw' },
};

const accountMethods = kioskMethodNames.filter(isAccountMethodName);

/** What must never reach the staff member: a method or action code, a raw detail, a catalog key or a placeholder. */
function expectPlainWords(text: string): void {
  expect(text).not.toMatch(/\{|\}|staff\.audit|outcome|assisted|jobId|messageId|\b[a-z]+\.[a-z-]+\b/i);
  expect(text.length).toBeGreaterThan(5);
}

describe('audit log wording', () => {
  it('says every kind of entry in plain words in Russian, Bashkir and English', () => {
    for (const language of LANGUAGES) {
      void i18n.choose(language);
      for (const event of Object.values(EVERY_KIND)) {
        if (event.action === 'unreadable') continue;
        expectPlainWords(auditEventText(entry(event)));
      }
    }
  });

  it('has a text for every method on a customer account in every language, with the outcome', () => {
    expect(accountMethods.length).toBeGreaterThan(10);
    for (const language of LANGUAGES) {
      void i18n.choose(language);
      const texts = new Set<string>();
      for (const method of accountMethods) {
        const text = auditEventText(entry({ action: 'assisted-call', method, outcome: 'ok' }));
        expectPlainWords(text);
        expect(text).toContain('•••••0001');
        texts.add(text);
      }
      // Each method says what it did, not one text for all.
      expect(texts.size).toBe(accountMethods.length);
    }
  });

  it('reads the rows of the issue as sentences in Russian', () => {
    expect(auditEventText(entry({ action: 'assisted-call', method: 'readings.submit', outcome: 'ok' }))).toBe(
      'Передача показаний за клиента л/с\u00a0•••••0001: выполнено',
    );
    expect(auditEventText(entry({ action: 'assisted-call', method: 'profile.updateContacts', outcome: 'invalid-input' }))).toBe(
      'Изменение контактов клиента л/с\u00a0•••••0001: не выполнено (данные не прошли проверку)',
    );
    expect(auditEventText(entry({ action: 'print.reprint', jobId: 6, reprintJobId: 9, status: 'printed' }, null))).toBe(
      'Повторная печать квитанции № 6: напечатана',
    );
    expect(auditEventText(entry({ action: 'print.reprint', jobId: 6, reprintJobId: 9, status: 'failed' }))).toBe(
      'Повторная печать квитанции № 6 клиента л/с\u00a0•••••0001: не напечатана',
    );
    expect(auditEventText(entry({ action: 'assist.end', minutes: 0 }))).toBe(
      'Помощь клиенту л/с\u00a0•••••0001 завершена, длительность: меньше минуты',
    );
    expect(auditEventText(entry({ action: 'assist.open', reason: 'forgot-password' }))).toBe(
      'Открыт лицевой счёт клиента л/с\u00a0•••••0001 без пароля. Причина: «Клиент не помнит пароль»',
    );
    expect(auditEventText(entry({ action: 'assist.refused', reason: 'readings', code: 'unknown-account' }, '9999'))).toBe(
      'Лицевой счёт •••••9999 не открыт: лицевой счёт с таким номером не найден',
    );
    expect(auditEventText(entry({ action: 'outbox.retry', messageId: 5, kind: 'readings' }))).toBe(
      'Повторная отправка сообщения № 5 («Показания») клиента л/с\u00a0•••••0001',
    );
    expect(auditEventText(entry(EVERY_KIND['settings.save']))).toBe(
      'Изменены настройки: Название офиса: «Офис» → «Офис на Ленина 2»; Система команд принтера: «Epson ESC/POS» → «Star»',
    );
  });

  it('names the staff member with their number, or by the number alone when they left the list', () => {
    expect(auditStaffText(entry(EVERY_KIND['staff.login']))).toBe('Петрова А. В. (1001)');
    expect(auditStaffText({ ...entry(EVERY_KIND['staff.login']), staffName: null })).toBe('Сотрудник № 1001');
    void i18n.choose('en');
    expect(auditStaffText({ ...entry(EVERY_KIND['staff.login']), staffName: null })).toBe('Staff member no. 1001');
  });

  it('shows a row it cannot read by its stored name, and a refusal code it does not know as a code', () => {
    expect(auditEventText(entry(EVERY_KIND.unreadable))).toBe('Действие: cash.withdraw');
    expect(auditEventText(entry({ action: 'assisted-call', method: 'meters.rename', outcome: 'ok' }))).toBe('Действие: meters.rename');
    expect(auditEventText(entry({ action: 'assist.refused', reason: 'other', code: 'account-closed' }, '0002'))).toBe(
      'Лицевой счёт •••••0002 не открыт: отказ с кодом account-closed',
    );
    void i18n.choose('ba');
    expect(auditEventText(entry(EVERY_KIND.unreadable))).toBe('Ғәмәл: cash.withdraw');
  });

  it('follows the language chosen on the screen', () => {
    const submitted = entry({ action: 'assisted-call', method: 'readings.submit', outcome: 'ok' });
    void i18n.choose('en');
    expect(auditEventText(submitted)).toBe('Submitted meter readings for customer account •••••0001: done');
    void i18n.choose('ba');
    expect(auditEventText(submitted)).toBe('Клиент өсөн •••••0001 шәхси иҫәбе буйынса күрһәткестәрҙе тапшырыу: үтәлде');
  });
});
