// What the README and the environment say of each configuration field (config-fields.ts has the
// rest): the variable that overrides it and one line on what it is for. Apart from the fields
// because the renderer imports those for the staff settings, and this prose, 0.8 KB gzip of it, is
// nothing a screen shows. Every field has its entry and no other: the type says so.
import type { ConfigFieldPath } from './config-fields';

export interface FieldDocs {
  /** One line for the README: what the field is for. */
  doc: string;
  /**
   * The variable that overrides the file, and how its text is read when that is not obvious
   * (`null` and `training` always mean null for a nullable field).
   */
  env?: { name: string; note?: string };
}

export const CONFIG_DOCS = {
  terminalId: {
    env: { name: 'KIOSK_TERMINAL_ID' },
    doc: 'the terminal as the billing centre knows it',
  },
  officeName: {
    env: { name: 'KIOSK_OFFICE' },
    doc: 'shown in the screen header',
  },
  'billing.url': {
    env: { name: 'KIOSK_BILLING_URL' },
    doc: 'base URL of the central billing API',
  },
  'billing.terminalKey': {
    env: { name: 'KIOSK_BILLING_TERMINAL_KEY' },
    doc: "the terminal's key at the billing centre (never logged)",
  },
  'billing.timeoutMs': {
    env: { name: 'KIOSK_BILLING_TIMEOUT_MS' },
    doc: 'time-out of one billing call, ms',
  },
  'printer.interface': {
    env: { name: 'KIOSK_PRINTER' },
    doc: 'where receipts are printed',
  },
  'printer.commandSet': {
    env: { name: 'KIOSK_PRINTER_COMMAND_SET' },
    doc: "the printer's command language",
  },
  'printer.widthMm': {
    env: { name: 'KIOSK_PRINTER_WIDTH_MM' },
    doc: 'paper width, mm',
  },
  'printer.codePage': {
    env: { name: 'KIOSK_PRINTER_CODE_PAGE' },
    doc: 'code page for Cyrillic on the printer',
  },
  'printer.timeoutMs': {
    doc: 'time-out of one printer command, ms',
  },
  'ui.orientation': {
    env: { name: 'KIOSK_ORIENTATION' },
    doc: 'screen layout: `auto` follows the screen (portrait when taller than wide), the others force it',
  },
  'ui.idleTimeoutSeconds': {
    env: { name: 'KIOSK_IDLE_TIMEOUT_S' },
    doc: 'inactivity before the "are you still there?" warning, s',
  },
  'ui.idleWarningSeconds': {
    doc: 'how long the warning waits before the session ends, s',
  },
  'ui.languages': {
    env: { name: 'KIOSK_LANGUAGES', note: 'comma-separated' },
    doc: 'languages offered, the first is the default',
  },
  'voice.espeakCommand': {
    env: { name: 'KIOSK_ESPEAK_COMMAND' },
    doc: 'the espeak-ng program of voice mode; on Windows the full path of espeak-ng.exe',
  },
  'limits.loginFailuresPerAccount': {
    doc: 'failed logins to one account before a lockout',
  },
  'limits.loginFailuresPerTerminal': {
    doc: 'failed logins on this terminal (any account) before a lockout',
  },
  'limits.registrationFailuresPerTerminal': {
    doc: 'refused registrations or password resets on this terminal before a pause',
  },
  'limits.loginLockoutMinutes': {
    doc: 'length of a login lockout, min',
  },
  'delivery.retryBaseMs': {
    env: { name: 'KIOSK_RETRY_BASE_MS' },
    doc: 'first delay of outbox retries, ms (exponential, full jitter)',
  },
  'delivery.retryCapMs': {
    env: { name: 'KIOSK_RETRY_CAP_MS' },
    doc: 'longest delay of outbox retries, ms',
  },
  'delivery.breakerCooldownMs': {
    doc: 'pause after 5 failures in a row before trying the billing centre again, ms',
  },
  'delivery.heartbeatSeconds': {
    env: { name: 'KIOSK_HEARTBEAT_S' },
    doc: 'seconds between heartbeats to the billing centre',
  },
  'retention.settledDays': {
    env: { name: 'KIOSK_RETENTION_DAYS' },
    doc: 'days after which delivered submissions and printed receipts lose their personal content',
  },
  staff: {
    doc: 'office staff who may open the staff screen (training mode adds 1001 / PIN 123456)',
  },
  httpPort: {
    env: { name: 'KIOSK_PORT' },
    doc: 'port of the loopback HTTP transport in browser mode; 0 picks a free one',
  },
} as const satisfies Record<ConfigFieldPath, FieldDocs>;
