// The terminal's configuration: a JSON file validated field by field, then environment overrides.
// A bad value stops the start with a message that names the field and says what is allowed.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { CONFIG_DOCS, type FieldDocs } from './config-docs';
import { CONFIG_FIELDS, type ConfigField, type ConfigFieldPath, type IntField, type TextField } from './config-fields';

const F = CONFIG_FIELDS;

const int = (field: IntField) => z.number().int().min(field.min).max(field.max).default(field.default);
const text = (field: TextField) => z.string().min(field.minLength).max(field.maxLength).default(field.default);
const choice = <const T extends readonly [string, ...string[]]>(field: { choices: T; default: T[number] }) =>
  z.enum(field.choices).default(field.default);

export const languageSchema = z.enum(F['ui.languages'].choices);

/** Host names that never leave the machine: the reference billing server in training and tests. */
const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/**
 * The terminal key alone opens any account at the billing centre, so it travels only over TLS;
 * plain http is accepted only for a server on this machine.
 */
export function isProtectedInTransit(url: string): boolean {
  // zod runs this even after `z.url` has refused the text; that refusal already says what is wrong.
  if (!URL.canParse(url)) return true;
  const parsed = new URL(url);
  return parsed.protocol === 'https:' || LOOPBACK_HOST.test(parsed.hostname);
}

export const kioskConfigSchema = z
  .object({
    terminalId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,32}$/, { error: F.terminalId.format })
      .default(F.terminalId.default),
    officeName: text(F.officeName),
    billing: z
      .object({
        /** Base URL of the central billing API; null = training mode with the built-in reference server. */
        url: z
          .url({ protocol: /^https?$/, error: F['billing.url'].format })
          .max(F['billing.url'].maxLength)
          .refine(isProtectedInTransit, { error: F['billing.url'].format })
          .nullable()
          .default(F['billing.url'].default),
        terminalKey: text(F['billing.terminalKey']),
        timeoutMs: int(F['billing.timeoutMs']),
      })
      .strict()
      .prefault({}),
    printer: z
      .object({
        /** `tcp://host:9100`, a device file such as `/dev/usb/lp0`, or `file://<folder>`; null = a folder in the data dir. */
        interface: z
          .string()
          .max(F['printer.interface'].maxLength)
          .regex(/^(tcp:\/\/[\w.-]+:\d{1,5}|file:\/\/.+|\/dev\/.+)$/, { error: F['printer.interface'].format })
          .nullable()
          .default(F['printer.interface'].default),
        commandSet: choice(F['printer.commandSet']),
        widthMm: z.literal(F['printer.widthMm'].choices).default(F['printer.widthMm'].default),
        codePage: choice(F['printer.codePage']),
        timeoutMs: int(F['printer.timeoutMs']),
      })
      .strict()
      .prefault({}),
    ui: z
      .object({
        orientation: choice(F['ui.orientation']),
        idleTimeoutSeconds: int(F['ui.idleTimeoutSeconds']),
        idleWarningSeconds: int(F['ui.idleWarningSeconds']),
        languages: z
          .array(languageSchema)
          .min(F['ui.languages'].minItems)
          .default(() => [...F['ui.languages'].default]),
      })
      .strict()
      .prefault({}),
    voice: z
      .object({
        /** The espeak-ng program voice mode speaks with; a missing one only turns voice mode off. */
        espeakCommand: text(F['voice.espeakCommand']),
      })
      .strict()
      .prefault({}),
    limits: z
      .object({
        loginFailuresPerAccount: int(F['limits.loginFailuresPerAccount']),
        loginFailuresPerTerminal: int(F['limits.loginFailuresPerTerminal']),
        registrationFailuresPerTerminal: int(F['limits.registrationFailuresPerTerminal']),
        loginLockoutMinutes: int(F['limits.loginLockoutMinutes']),
      })
      .strict()
      .prefault({}),
    delivery: z
      .object({
        retryBaseMs: int(F['delivery.retryBaseMs']),
        retryCapMs: int(F['delivery.retryCapMs']),
        breakerCooldownMs: int(F['delivery.breakerCooldownMs']),
        heartbeatSeconds: int(F['delivery.heartbeatSeconds']),
      })
      .strict()
      .prefault({}),
    retention: z
      .object({
        settledDays: int(F['retention.settledDays']),
      })
      .strict()
      .prefault({}),
    /**
     * Office staff who may open the staff screen. PINs as `scrypt$…` hashes (make one with
     * `npm run staff-pin-hash`). In training mode a demo member 1001 / PIN 123456 is added.
     */
    staff: z
      .array(
        z
          .object({
            staffNumber: z.string().regex(/^\d{3,8}$/, { error: '3 to 8 digits' }),
            displayName: z.string().min(1).max(80),
            pinHash: z.string().startsWith('scrypt$', { error: 'a scrypt hash made by npm run staff-pin-hash, never a plain PIN' }),
          })
          .strict(),
      )
      .default(() => []),
    httpPort: int(F.httpPort),
  })
  .strict();

export type KioskConfig = z.output<typeof kioskConfigSchema>;
export type KioskConfigInput = z.input<typeof kioskConfigSchema>;

export class ConfigError extends Error {
  constructor(source: string, problems: string[]) {
    super(`Configuration error in ${source}:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type EnvReading = 'string' | 'int' | 'nullable-string' | 'list';

function envReading(field: ConfigField): EnvReading {
  if (field.kind === 'int' || (field.kind === 'choice' && typeof field.default === 'number')) return 'int';
  if (field.kind === 'nullable-text') return 'nullable-string';
  if (field.kind === 'list') return 'list';
  return 'string';
}

/** Environment variables that override a field of the file, and how to read each. */
export const ENV_OVERRIDES: ReadonlyArray<{ variable: string; field: string; reading: EnvReading }> = (
  Object.entries(CONFIG_FIELDS) as Array<[ConfigFieldPath, ConfigField]>
).flatMap(([field, facts]) => {
  const { env }: FieldDocs = CONFIG_DOCS[field];
  return env ? [{ variable: env.name, field, reading: envReading(facts) }] : [];
});

export interface LoadConfigOptions {
  /** Path of the JSON file; a missing file means "all defaults". */
  file?: string | undefined;
  env?: NodeJS.ProcessEnv;
}

export function loadKioskConfig(options: LoadConfigOptions = {}): KioskConfig {
  const env = options.env ?? process.env;
  let raw: Record<string, unknown> = {};
  const source = options.file ? path.resolve(options.file) : 'defaults';
  if (options.file && fs.existsSync(options.file)) {
    try {
      raw = JSON.parse(fs.readFileSync(options.file, 'utf8')) as Record<string, unknown>;
    } catch (error) {
      throw new ConfigError(source, [`the file is not valid JSON (${(error as Error).message})`]);
    }
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigError(source, ['the file must hold a JSON object']);
  }
  const overridden = structuredClone(raw);
  const problems: string[] = [];
  for (const { variable, field, reading: kind } of ENV_OVERRIDES) {
    const text = env[variable];
    if (text === undefined || text === '') continue;
    let value: unknown = text;
    if (kind === 'int') {
      value = /^-?\d+$/.test(text.trim()) ? Number(text) : NaN;
      if (Number.isNaN(value)) {
        problems.push(`${variable} (${field}): expected a whole number, got "${text}"`);
        continue;
      }
    } else if (kind === 'nullable-string' && (text === 'null' || text === 'training')) {
      value = null;
    } else if (kind === 'list') {
      value = text.split(',').map((item) => item.trim());
    }
    setPath(overridden, field, value);
  }
  if (problems.length > 0) throw new ConfigError(`${source} + environment`, problems);
  return parseKioskConfig(overridden, source);
}

export function parseKioskConfig(raw: unknown, source = 'configuration'): KioskConfig {
  const result = kioskConfigSchema.safeParse(raw);
  if (!result.success) {
    throw new ConfigError(
      source,
      result.error.issues.map((issue) => `field ${issue.path.join('.') || '(root)'}: ${issue.message}`),
    );
  }
  return result.data;
}

function setPath(target: Record<string, unknown>, dotted: string, value: unknown): void {
  const keys = dotted.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (!next || typeof next !== 'object') node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys.at(-1) as string] = value;
}
