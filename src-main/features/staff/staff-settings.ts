// The settings staff may change on the staff screen. They are merged into the configuration file,
// checked with the same schema the kiosk starts with (so a saved file always starts), explained
// field by field when wrong, and written atomically (a power cut leaves the old file or
// the new one, never half of each). The kiosk core then restarts in place to apply them.
import fs from 'node:fs';
import path from 'node:path';
import { CONFIG_DOCS, type FieldDocs } from '../../core/config/config-docs';
import { STAFF_SETTINGS, rangeOf, type ConfigField } from '../../core/config/config-fields';
import { kioskConfigSchema, type KioskConfig } from '../../core/config/kiosk-config';
import { message, type Message, type MessageKey } from '../../core/messages/messages';
import { SETTING_NAMES, type EditableSettings, type SettingName } from './staff-settings-schema';

/** `60000` → `60 000`: numbers of five digits and more are grouped by thousands with spaces. */
function writtenNumber(value: number): string {
  return value >= 10_000 ? String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ' ') : String(value);
}

/** The refusal for each setting; ranges come from the field's declaration, choices are named in the text. */
const MESSAGES: Record<SettingName, MessageKey> = {
  officeName: 'staff.settings.errors.officeName',
  billingUrl: 'staff.settings.errors.billingUrl',
  billingTimeoutMs: 'staff.settings.errors.billingTimeoutMs',
  printerInterface: 'staff.settings.errors.printerInterface',
  printerCommandSet: 'staff.settings.errors.printerCommandSet',
  printerWidthMm: 'staff.settings.errors.printerWidthMm',
  printerCodePage: 'staff.settings.errors.printerCodePage',
  printerTimeoutMs: 'staff.settings.errors.printerTimeoutMs',
  idleTimeoutSeconds: 'staff.settings.errors.idleTimeoutSeconds',
};

function refusalOf(name: SettingName, field: ConfigField): Message {
  const range = rangeOf(field);
  return message(MESSAGES[name], 'min' in range ? { min: writtenNumber(range.min), max: writtenNumber(range.max) } : undefined);
}

/** Where each setting lives in the configuration file, the variable that overrides it, its refusal. */
const FIELDS = Object.fromEntries(
  STAFF_SETTINGS.map(({ name, path: dotted, field }) => [
    name,
    {
      path: dotted.split('.'),
      env: (CONFIG_DOCS[dotted] as FieldDocs).env?.name ?? null,
      kind: field.kind,
      message: refusalOf(name, field),
    },
  ]),
) as Record<SettingName, { path: string[]; env: string | null; kind: ConfigField['kind']; message: Message }>;

/** The settings as the running kiosk uses them (file plus environment); null shows as an empty field. */
export function currentSettings(config: KioskConfig): EditableSettings {
  const values: Record<string, unknown> = {};
  for (const name of SETTING_NAMES) {
    let node: unknown = config;
    for (const key of FIELDS[name].path) node = (node as Record<string, unknown>)[key];
    values[name] = node ?? '';
  }
  return values as EditableSettings;
}

/** Settings an environment variable overrides: saving them changes the file, not the running kiosk. */
export function settingsOverriddenByEnvironment(env: NodeJS.ProcessEnv = process.env): SettingName[] {
  return SETTING_NAMES.filter((name) => {
    const variable = FIELDS[name].env;
    const value = variable === null ? undefined : env[variable];
    return value !== undefined && value !== '';
  });
}

export type SettingsCheck =
  | { ok: true; file: Record<string, unknown>; changed: Partial<Record<SettingName, [before: string | number, after: string | number]>> }
  | { ok: false; message: Message; fields: Partial<Record<SettingName, Message>> };

/**
 * Merges the edited settings into the configuration file's content and checks the result with the
 * kiosk's own configuration schema. Nothing else in the file (staff, limits, terminal key) changes.
 * `previous` is what the running kiosk uses (what staff saw): `changed` lists the differences.
 */
export function applySettings(fileContent: Record<string, unknown>, settings: EditableSettings, previous: EditableSettings): SettingsCheck {
  const next = structuredClone(fileContent);
  const normalized: Record<SettingName, unknown> = { ...settings };
  for (const name of SETTING_NAMES) {
    const value = settings[name];
    if (typeof value !== 'string') continue;
    const kind = FIELDS[name].kind;
    if (kind === 'text') normalized[name] = value.trim();
    if (kind === 'nullable-text') normalized[name] = value.trim() === '' ? null : value.trim();
  }
  for (const name of SETTING_NAMES) setPath(next, FIELDS[name].path, normalized[name]);

  const checked = kioskConfigSchema.safeParse(next);
  if (!checked.success) {
    const fields: Partial<Record<SettingName, Message>> = {};
    for (const issue of checked.error.issues) {
      const name = SETTING_NAMES.find((candidate) => FIELDS[candidate].path.join('.') === issue.path.map(String).join('.'));
      if (name) fields[name] ??= FIELDS[name].message;
    }
    const first = Object.values(fields)[0];
    // A problem elsewhere in the file is not the staff member's doing, but it must not be saved either.
    if (!first) return { ok: false, fields, message: message('staff.errors.settingsFileBroken') };
    return { ok: false, fields, message: first };
  }
  const after = currentSettings(checked.data);
  const changed: Partial<Record<SettingName, [string | number, string | number]>> = {};
  for (const name of SETTING_NAMES) {
    if (previous[name] !== after[name]) changed[name] = [previous[name], after[name]];
  }
  return { ok: true, file: next, changed };
}

/** Reads the configuration file as plain JSON (a missing file is an empty object: all defaults). */
export function readConfigFile(file: string): Record<string, unknown> {
  if (!fs.existsSync(file)) return {};
  const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(`${file} does not hold a JSON object`);
  return parsed as Record<string, unknown>;
}

/** Writes a file so that a crash leaves either the old content or the new, never a mix. */
export function writeFileAtomically(file: string, content: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  const descriptor = fs.openSync(temporary, 'w', 0o600);
  try {
    fs.writeFileSync(descriptor, content);
    fs.fsyncSync(descriptor);
  } finally {
    fs.closeSync(descriptor);
  }
  try {
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
  // The rename itself must reach the disk too (not possible on Windows, where it is not needed).
  try {
    const directory = fs.openSync(path.dirname(file), 'r');
    try {
      fs.fsyncSync(directory);
    } finally {
      fs.closeSync(directory);
    }
  } catch {
    // Directories cannot be opened for fsync on every platform.
  }
}

function setPath(target: Record<string, unknown>, keys: string[], value: unknown): void {
  let node = target;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (!next || typeof next !== 'object' || Array.isArray(next)) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys.at(-1) as string] = value;
}
