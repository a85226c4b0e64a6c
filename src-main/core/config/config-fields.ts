// Every configuration field declared once: default, allowed values or range, environment
// variable, and for the staff settings screen its setting name, input and label. The schema, the
// environment overrides, the staff settings and the README table all come from this table.
// No node: imports and no zod here: the renderer imports this file.
import type { MessageKey } from '../messages/messages';

export const LANGUAGES = ['ru', 'ba', 'en'] as const;
/** `auto` follows the screen's own shape (taller than wide is portrait); the other two force a layout. */
export const ORIENTATIONS = ['auto', 'landscape', 'portrait'] as const;
export const COMMAND_SETS = ['epson', 'star'] as const;
export const PAPER_WIDTHS = [58, 80] as const;
export const CODE_PAGES = ['cp866', 'wpc1251'] as const;

/** How the staff screen edits a setting on the touch screen. */
export type SettingInput = 'text' | 'latin' | 'number' | 'choice';

interface FieldFacts {
  /** One line for the README: what the field is for. */
  doc: string;
  /**
   * The variable that overrides the file, and how its text is read when that is not obvious
   * (`null` and `training` always mean null for a nullable field).
   */
  env?: { name: string; note?: string };
  /** Editable on the staff settings screen under this name; `label` is a catalog key (ru, ba, en). */
  staff?: { setting: string; input: SettingInput; label: MessageKey };
}

export interface IntField extends FieldFacts {
  kind: 'int';
  min: number;
  max: number;
  default: number;
}
export interface ChoiceField extends FieldFacts {
  kind: 'choice';
  choices: readonly (string | number)[];
  default: string | number;
}
export interface TextField extends FieldFacts {
  kind: 'text';
  minLength: number;
  maxLength: number;
  default: string;
  /** What the value must look like, when more than its length is checked (also the schema's message). */
  format?: string;
}
/** Text where `null` (an empty field on the staff screen) has a meaning of its own. */
export interface NullableTextField extends FieldFacts {
  kind: 'nullable-text';
  maxLength: number;
  default: null;
  format: string;
  nullMeans: string;
}
export interface ListField extends FieldFacts {
  kind: 'list';
  choices: readonly string[];
  minItems: number;
  default: readonly string[];
}
/** The staff members: a list of records, checked by the schema, never set from the environment. */
export interface StaffListField extends FieldFacts {
  kind: 'staff-list';
  default: readonly never[];
  format: string;
}
export type ConfigField = IntField | ChoiceField | TextField | NullableTextField | ListField | StaffListField;

/** Keyed by the field's dotted path in the configuration file, in the README's order. */
export const CONFIG_FIELDS = {
  terminalId: {
    kind: 'text',
    minLength: 1,
    maxLength: 32,
    format: 'letters, digits, "-" or "_", at most 32 characters',
    default: 'UIS-TRAINING-01',
    env: { name: 'KIOSK_TERMINAL_ID' },
    doc: 'the terminal as the billing centre knows it',
  },
  officeName: {
    kind: 'text',
    minLength: 1,
    maxLength: 120,
    default: 'Офис обслуживания потребителей МУП УИС',
    env: { name: 'KIOSK_OFFICE' },
    staff: { setting: 'officeName', input: 'text', label: 'staff.settings.fields.officeName' },
    doc: 'shown in the screen header',
  },
  'billing.url': {
    kind: 'nullable-text',
    maxLength: 300,
    format: 'an https URL (plain http only to this machine: localhost, 127.x.x.x, [::1]), or null for training mode',
    nullMeans: 'training mode',
    default: null,
    env: { name: 'KIOSK_BILLING_URL' },
    staff: { setting: 'billingUrl', input: 'latin', label: 'staff.settings.fields.billingUrl' },
    doc: 'base URL of the central billing API',
  },
  'billing.terminalKey': {
    kind: 'text',
    minLength: 1,
    maxLength: 200,
    default: 'training',
    env: { name: 'KIOSK_BILLING_TERMINAL_KEY' },
    doc: "the terminal's key at the billing centre (never logged)",
  },
  'billing.timeoutMs': {
    kind: 'int',
    min: 500,
    max: 60_000,
    default: 5_000,
    env: { name: 'KIOSK_BILLING_TIMEOUT_MS' },
    staff: { setting: 'billingTimeoutMs', input: 'number', label: 'staff.settings.fields.billingTimeoutMs' },
    doc: 'time-out of one billing call, ms',
  },
  'printer.interface': {
    kind: 'nullable-text',
    maxLength: 300,
    format: 'tcp://host:port, file://<folder> or a /dev/ device path',
    nullMeans: 'a folder in the data dir (file printer)',
    default: null,
    env: { name: 'KIOSK_PRINTER' },
    staff: { setting: 'printerInterface', input: 'latin', label: 'staff.settings.fields.printerInterface' },
    doc: 'where receipts are printed',
  },
  'printer.commandSet': {
    kind: 'choice',
    choices: COMMAND_SETS,
    default: 'epson',
    env: { name: 'KIOSK_PRINTER_COMMAND_SET' },
    staff: { setting: 'printerCommandSet', input: 'choice', label: 'staff.settings.fields.printerCommandSet' },
    doc: "the printer's command language",
  },
  'printer.widthMm': {
    kind: 'choice',
    choices: PAPER_WIDTHS,
    default: 80,
    env: { name: 'KIOSK_PRINTER_WIDTH_MM' },
    staff: { setting: 'printerWidthMm', input: 'choice', label: 'staff.settings.fields.printerWidthMm' },
    doc: 'paper width, mm',
  },
  'printer.codePage': {
    kind: 'choice',
    choices: CODE_PAGES,
    default: 'cp866',
    env: { name: 'KIOSK_PRINTER_CODE_PAGE' },
    staff: { setting: 'printerCodePage', input: 'choice', label: 'staff.settings.fields.printerCodePage' },
    doc: 'code page for Cyrillic on the printer',
  },
  'printer.timeoutMs': {
    kind: 'int',
    min: 200,
    max: 30_000,
    default: 3_000,
    staff: { setting: 'printerTimeoutMs', input: 'number', label: 'staff.settings.fields.printerTimeoutMs' },
    doc: 'time-out of one printer command, ms',
  },
  'ui.orientation': {
    kind: 'choice',
    choices: ORIENTATIONS,
    default: 'auto',
    env: { name: 'KIOSK_ORIENTATION' },
    doc: 'screen layout: `auto` follows the screen (portrait when taller than wide), the others force it',
  },
  'ui.idleTimeoutSeconds': {
    kind: 'int',
    min: 20,
    max: 600,
    default: 60,
    env: { name: 'KIOSK_IDLE_TIMEOUT_S' },
    staff: { setting: 'idleTimeoutSeconds', input: 'number', label: 'staff.settings.fields.idleTimeoutSeconds' },
    doc: 'inactivity before the "are you still there?" warning, s',
  },
  'ui.idleWarningSeconds': {
    kind: 'int',
    min: 20,
    max: 120,
    default: 20,
    doc: 'how long the warning waits before the session ends, s',
  },
  'ui.languages': {
    kind: 'list',
    choices: LANGUAGES,
    minItems: 1,
    default: LANGUAGES,
    env: { name: 'KIOSK_LANGUAGES', note: 'comma-separated' },
    doc: 'languages offered, the first is the default',
  },
  'voice.espeakCommand': {
    kind: 'text',
    minLength: 1,
    maxLength: 300,
    default: 'espeak-ng',
    env: { name: 'KIOSK_ESPEAK_COMMAND' },
    doc: 'the espeak-ng program of voice mode; on Windows the full path of espeak-ng.exe',
  },
  'limits.loginFailuresPerAccount': {
    kind: 'int',
    min: 1,
    max: 100,
    default: 5,
    doc: 'failed logins to one account before a lockout',
  },
  'limits.loginFailuresPerTerminal': {
    kind: 'int',
    min: 1,
    max: 1_000,
    default: 20,
    doc: 'failed logins on this terminal (any account) before a lockout',
  },
  'limits.registrationFailuresPerTerminal': {
    kind: 'int',
    min: 1,
    max: 1_000,
    default: 10,
    doc: 'refused registrations or password resets on this terminal before a pause',
  },
  'limits.loginLockoutMinutes': {
    kind: 'int',
    min: 1,
    max: 24 * 60,
    default: 15,
    doc: 'length of a login lockout, min',
  },
  'delivery.retryBaseMs': {
    kind: 'int',
    min: 10,
    max: 60_000,
    default: 1_000,
    env: { name: 'KIOSK_RETRY_BASE_MS' },
    doc: 'first delay of outbox retries, ms (exponential, full jitter)',
  },
  'delivery.retryCapMs': {
    kind: 'int',
    min: 100,
    max: 60 * 60_000,
    default: 5 * 60_000,
    env: { name: 'KIOSK_RETRY_CAP_MS' },
    doc: 'longest delay of outbox retries, ms',
  },
  'delivery.breakerCooldownMs': {
    kind: 'int',
    min: 50,
    max: 10 * 60_000,
    default: 30_000,
    doc: 'pause after 5 failures in a row before trying the billing centre again, ms',
  },
  'delivery.heartbeatSeconds': {
    kind: 'int',
    min: 5,
    max: 3_600,
    default: 60,
    env: { name: 'KIOSK_HEARTBEAT_S' },
    doc: 'seconds between heartbeats to the billing centre',
  },
  'retention.settledDays': {
    kind: 'int',
    min: 1,
    max: 365,
    default: 30,
    env: { name: 'KIOSK_RETENTION_DAYS' },
    doc: 'days after which delivered submissions and printed receipts lose their personal content',
  },
  staff: {
    kind: 'staff-list',
    default: [],
    format: '`staffNumber` (3 to 8 digits), `displayName`, `pinHash` (`npm run staff-pin-hash`)',
    doc: 'office staff who may open the staff screen (training mode adds 1001 / PIN 123456)',
  },
  httpPort: {
    kind: 'int',
    min: 0,
    max: 65_535,
    default: 0,
    env: { name: 'KIOSK_PORT' },
    doc: 'port of the loopback HTTP transport in browser mode; 0 picks a free one',
  },
} as const satisfies Record<string, ConfigField>;

export type ConfigFieldPath = keyof typeof CONFIG_FIELDS;
type Fields = typeof CONFIG_FIELDS;

/** The settings the staff screen edits, by their setting name. */
export type SettingName = {
  [P in ConfigFieldPath]: Fields[P] extends { staff: { setting: infer S extends string } } ? S : never;
}[ConfigFieldPath];

export interface StaffSetting {
  name: SettingName;
  /** Dotted path of the field in the configuration file. */
  path: ConfigFieldPath;
  field: ConfigField & { staff: NonNullable<ConfigField['staff']> };
}

/** The staff screen's settings in the table's order. */
export const STAFF_SETTINGS: readonly StaffSetting[] = Object.entries(CONFIG_FIELDS as Record<string, ConfigField>).flatMap(
  ([path, field]) =>
    field.staff ? [{ name: field.staff.setting as SettingName, path: path as ConfigFieldPath, field } as StaffSetting] : [],
);

export function staffSetting(name: SettingName): StaffSetting {
  const setting = STAFF_SETTINGS.find((candidate) => candidate.name === name);
  if (!setting) throw new Error(`no staff setting ${name}`);
  return setting;
}

/** The bounds a message about a field's range needs; an empty object for fields without one. */
export function rangeOf(field: ConfigField): { min: number; max: number } | Record<string, never> {
  if (field.kind === 'int') return { min: field.min, max: field.max };
  if (field.kind === 'text') return { min: field.minLength, max: field.maxLength };
  return {};
}
