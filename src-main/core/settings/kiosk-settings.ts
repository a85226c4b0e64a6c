// The settings staff may change on the staff screen. They are merged into the configuration file,
// checked with the same schema the kiosk starts with (so a saved file always starts), explained
// field by field in Russian when wrong, and written atomically (a power cut leaves the old file or
// the new one, never half of each). The kiosk core then restarts in place to apply them.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { kioskConfigSchema, type KioskConfig } from '../config/kiosk-config';

export const COMMAND_SETS = ['epson', 'star'] as const;
export const CODE_PAGES = ['cp866', 'wpc1251'] as const;
export const PAPER_WIDTHS = [58, 80] as const;

/** What the staff screen edits; empty strings mean "none" (training mode, the receipts folder). */
export const editableSettingsSchema = z
  .object({
    officeName: z.string({ error: 'Укажите название офиса.' }).max(500, { error: 'Название офиса слишком длинное.' }),
    billingUrl: z.string({ error: 'Укажите адрес расчётного центра.' }).max(500, { error: 'Адрес слишком длинный.' }),
    billingTimeoutMs: z.number({ error: 'Укажите время ожидания расчётного центра числом.' }),
    printerInterface: z
      .string({ error: 'Укажите подключение принтера.' })
      .max(500, { error: 'Подключение принтера указано слишком длинно.' }),
    printerCommandSet: z.enum(COMMAND_SETS, { error: 'Выберите систему команд принтера: Epson или Star.' }),
    printerWidthMm: z.number({ error: 'Выберите ширину бумаги: 58 или 80 мм.' }),
    printerCodePage: z.enum(CODE_PAGES, { error: 'Выберите кодовую страницу: CP866 или WPC1251.' }),
    printerTimeoutMs: z.number({ error: 'Укажите время ожидания принтера числом.' }),
    idleTimeoutSeconds: z.number({ error: 'Укажите время бездействия числом.' }),
  })
  .strict();
export type EditableSettings = z.infer<typeof editableSettingsSchema>;
export type SettingName = keyof EditableSettings;

/** Where each setting lives in the configuration file, and the variable that overrides it. */
const FIELDS: Record<SettingName, { path: string[]; env: string | null; message: string }> = {
  officeName: { path: ['officeName'], env: 'KIOSK_OFFICE', message: 'Укажите название офиса: от 1 до 120 символов.' },
  billingUrl: {
    path: ['billing', 'url'],
    env: 'KIOSK_BILLING_URL',
    message: 'Укажите адрес расчётного центра вида https://billing.example.ru/api или оставьте поле пустым для учебного режима.',
  },
  billingTimeoutMs: {
    path: ['billing', 'timeoutMs'],
    env: 'KIOSK_BILLING_TIMEOUT_MS',
    message: 'Время ожидания расчётного центра — целое число миллисекунд от 500 до 60 000.',
  },
  printerInterface: {
    path: ['printer', 'interface'],
    env: 'KIOSK_PRINTER',
    message:
      'Укажите принтер в виде tcp://адрес:порт, /dev/… или file://папка либо оставьте поле пустым, чтобы квитанции сохранялись в папку терминала.',
  },
  printerCommandSet: {
    path: ['printer', 'commandSet'],
    env: 'KIOSK_PRINTER_COMMAND_SET',
    message: 'Выберите систему команд принтера: Epson или Star.',
  },
  printerWidthMm: { path: ['printer', 'widthMm'], env: 'KIOSK_PRINTER_WIDTH_MM', message: 'Ширина бумаги — 58 или 80 мм.' },
  printerCodePage: {
    path: ['printer', 'codePage'],
    env: 'KIOSK_PRINTER_CODE_PAGE',
    message: 'Выберите кодовую страницу: CP866 или WPC1251.',
  },
  printerTimeoutMs: {
    path: ['printer', 'timeoutMs'],
    env: null,
    message: 'Время ожидания принтера — целое число миллисекунд от 200 до 30 000.',
  },
  idleTimeoutSeconds: {
    path: ['ui', 'idleTimeoutSeconds'],
    env: 'KIOSK_IDLE_TIMEOUT_S',
    message: 'Время бездействия до предупреждения — целое число секунд от 20 до 600.',
  },
};
export const SETTING_NAMES = Object.keys(FIELDS) as SettingName[];

/** The settings as the running kiosk uses them (file plus environment). */
export function currentSettings(config: KioskConfig): EditableSettings {
  return {
    officeName: config.officeName,
    billingUrl: config.billing.url ?? '',
    billingTimeoutMs: config.billing.timeoutMs,
    printerInterface: config.printer.interface ?? '',
    printerCommandSet: config.printer.commandSet,
    printerWidthMm: config.printer.widthMm,
    printerCodePage: config.printer.codePage,
    printerTimeoutMs: config.printer.timeoutMs,
    idleTimeoutSeconds: config.ui.idleTimeoutSeconds,
  };
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
  | { ok: true; file: Record<string, unknown>; changed: Partial<Record<SettingName, [before: unknown, after: unknown]>> }
  | { ok: false; message: string; fields: Partial<Record<SettingName, string>> };

/**
 * Merges the edited settings into the configuration file's content and checks the result with the
 * kiosk's own configuration schema. Nothing else in the file (staff, limits, terminal key) changes.
 * `previous` is what the running kiosk uses (what staff saw): `changed` lists the differences.
 */
export function applySettings(fileContent: Record<string, unknown>, settings: EditableSettings, previous: EditableSettings): SettingsCheck {
  const next = structuredClone(fileContent);
  const normalized: Record<SettingName, unknown> = {
    ...settings,
    officeName: settings.officeName.trim(),
    billingUrl: settings.billingUrl.trim() === '' ? null : settings.billingUrl.trim(),
    printerInterface: settings.printerInterface.trim() === '' ? null : settings.printerInterface.trim(),
  };
  for (const name of SETTING_NAMES) setPath(next, FIELDS[name].path, normalized[name]);

  const checked = kioskConfigSchema.safeParse(next);
  if (!checked.success) {
    const fields: Partial<Record<SettingName, string>> = {};
    for (const issue of checked.error.issues) {
      const name = SETTING_NAMES.find((candidate) => FIELDS[candidate].path.join('.') === issue.path.map(String).join('.'));
      if (name) fields[name] ??= FIELDS[name].message;
    }
    const first = Object.values(fields)[0];
    // A problem elsewhere in the file is not the staff member's doing, but it must not be saved either.
    if (!first) return { ok: false, fields, message: 'Файл настроек терминала содержит ошибку вне этого экрана. Обратитесь к технику.' };
    return { ok: false, fields, message: first };
  }
  const after = currentSettings(checked.data);
  const changed: Partial<Record<SettingName, [unknown, unknown]>> = {};
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
