// Every configuration field declared once: default, allowed values or range, and for the staff
// settings screen its setting name, input and label; its environment variable and its line in the
// README are beside it in config-docs.ts, which the renderer does not load. The schema, the
// environment overrides, the staff settings and the README table all come from these two tables.
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
  },
  officeName: {
    kind: 'text',
    minLength: 1,
    maxLength: 120,
    default: 'Офис обслуживания потребителей МУП УИС',
    staff: { setting: 'officeName', input: 'text', label: 'staff.settings.fields.officeName' },
  },
  'billing.url': {
    kind: 'nullable-text',
    maxLength: 300,
    format: 'an https URL (plain http only to this machine: localhost, 127.x.x.x, [::1]), or null for training mode',
    nullMeans: 'training mode',
    default: null,
    staff: { setting: 'billingUrl', input: 'latin', label: 'staff.settings.fields.billingUrl' },
  },
  'billing.terminalKey': {
    kind: 'text',
    minLength: 1,
    maxLength: 200,
    default: 'training',
  },
  'billing.timeoutMs': {
    kind: 'int',
    min: 500,
    max: 60_000,
    default: 5_000,
    staff: { setting: 'billingTimeoutMs', input: 'number', label: 'staff.settings.fields.billingTimeoutMs' },
  },
  'printer.interface': {
    kind: 'nullable-text',
    maxLength: 300,
    format: 'tcp://host:port, file://<folder> or a /dev/ device path',
    nullMeans: 'a folder in the data dir (file printer)',
    default: null,
    staff: { setting: 'printerInterface', input: 'latin', label: 'staff.settings.fields.printerInterface' },
  },
  'printer.commandSet': {
    kind: 'choice',
    choices: COMMAND_SETS,
    default: 'epson',
    staff: { setting: 'printerCommandSet', input: 'choice', label: 'staff.settings.fields.printerCommandSet' },
  },
  'printer.widthMm': {
    kind: 'choice',
    choices: PAPER_WIDTHS,
    default: 80,
    staff: { setting: 'printerWidthMm', input: 'choice', label: 'staff.settings.fields.printerWidthMm' },
  },
  'printer.codePage': {
    kind: 'choice',
    choices: CODE_PAGES,
    default: 'cp866',
    staff: { setting: 'printerCodePage', input: 'choice', label: 'staff.settings.fields.printerCodePage' },
  },
  'printer.timeoutMs': {
    kind: 'int',
    min: 200,
    max: 30_000,
    default: 3_000,
    staff: { setting: 'printerTimeoutMs', input: 'number', label: 'staff.settings.fields.printerTimeoutMs' },
  },
  'ui.orientation': {
    kind: 'choice',
    choices: ORIENTATIONS,
    default: 'auto',
  },
  'ui.idleTimeoutSeconds': {
    kind: 'int',
    min: 20,
    max: 600,
    default: 60,
    staff: { setting: 'idleTimeoutSeconds', input: 'number', label: 'staff.settings.fields.idleTimeoutSeconds' },
  },
  'ui.idleWarningSeconds': {
    kind: 'int',
    min: 20,
    max: 120,
    default: 20,
  },
  'ui.languages': {
    kind: 'list',
    choices: LANGUAGES,
    minItems: 1,
    default: LANGUAGES,
  },
  'voice.espeakCommand': {
    kind: 'text',
    minLength: 1,
    maxLength: 300,
    default: 'espeak-ng',
  },
  'limits.loginFailuresPerAccount': {
    kind: 'int',
    min: 1,
    max: 100,
    default: 5,
  },
  'limits.loginFailuresPerTerminal': {
    kind: 'int',
    min: 1,
    max: 1_000,
    default: 20,
  },
  'limits.registrationFailuresPerTerminal': {
    kind: 'int',
    min: 1,
    max: 1_000,
    default: 10,
  },
  'limits.loginLockoutMinutes': {
    kind: 'int',
    min: 1,
    max: 24 * 60,
    default: 15,
  },
  'delivery.retryBaseMs': {
    kind: 'int',
    min: 10,
    max: 60_000,
    default: 1_000,
  },
  'delivery.retryCapMs': {
    kind: 'int',
    min: 100,
    max: 60 * 60_000,
    default: 5 * 60_000,
  },
  'delivery.breakerCooldownMs': {
    kind: 'int',
    min: 50,
    max: 10 * 60_000,
    default: 30_000,
  },
  'delivery.heartbeatSeconds': {
    kind: 'int',
    min: 5,
    max: 3_600,
    default: 60,
  },
  'retention.settledDays': {
    kind: 'int',
    min: 1,
    max: 365,
    default: 30,
  },
  staff: {
    kind: 'staff-list',
    default: [],
    format: '`staffNumber` (3 to 8 digits), `displayName`, `pinHash` (`npm run staff-pin-hash`)',
  },
  httpPort: {
    kind: 'int',
    min: 0,
    max: 65_535,
    default: 0,
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
