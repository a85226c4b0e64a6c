// The terminal's configuration: a JSON file validated field by field, then environment overrides.
// A bad value stops the start with a message that names the field and says what is allowed.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const languageSchema = z.enum(['ru', 'ba', 'en']);

export const kioskConfigSchema = z
  .object({
    terminalId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,32}$/, { error: 'letters, digits, "-" or "_", at most 32 characters' })
      .default('UIS-TRAINING-01'),
    officeName: z.string().min(1).max(120).default('Офис обслуживания потребителей МУП УИС'),
    billing: z
      .object({
        /** Base URL of the central billing API; null = training mode with the built-in reference server. */
        url: z
          .url({ protocol: /^https?$/, error: 'an http(s) URL, or null for training mode' })
          .nullable()
          .default(null),
        terminalKey: z.string().min(1).max(200).default('training'),
        timeoutMs: z.number().int().min(500).max(60_000).default(5_000),
      })
      .strict()
      .prefault({}),
    printer: z
      .object({
        /** `tcp://host:9100`, a device file such as `/dev/usb/lp0`, or `file://<folder>`; null = a folder in the data dir. */
        interface: z
          .string()
          .regex(/^(tcp:\/\/[\w.-]+:\d{1,5}|file:\/\/.+|\/dev\/.+)$/, { error: 'tcp://host:port, file://<folder> or a /dev/ device path' })
          .nullable()
          .default(null),
        commandSet: z.enum(['epson', 'star']).default('epson'),
        widthMm: z.union([z.literal(58), z.literal(80)]).default(80),
        codePage: z.enum(['cp866', 'wpc1251']).default('cp866'),
        timeoutMs: z.number().int().min(200).max(30_000).default(3_000),
      })
      .strict()
      .prefault({}),
    ui: z
      .object({
        orientation: z.enum(['landscape', 'portrait']).default('landscape'),
        idleTimeoutSeconds: z.number().int().min(20).max(600).default(60),
        idleWarningSeconds: z.number().int().min(20).max(120).default(20),
        languages: z.array(languageSchema).min(1).default(['ru', 'ba', 'en']),
      })
      .strict()
      .prefault({}),
    limits: z
      .object({
        loginFailuresPerAccount: z.number().int().min(1).max(100).default(5),
        loginFailuresPerTerminal: z.number().int().min(1).max(1000).default(20),
        /** Refused registrations or password resets on this terminal (any account) before a pause. */
        registrationFailuresPerTerminal: z.number().int().min(1).max(1000).default(10),
        loginLockoutMinutes: z
          .number()
          .int()
          .min(1)
          .max(24 * 60)
          .default(15),
      })
      .strict()
      .prefault({}),
    delivery: z
      .object({
        /** Exponential back-off of outbox retries: first delay and cap (full jitter below the cap). */
        retryBaseMs: z.number().int().min(10).max(60_000).default(1_000),
        retryCapMs: z
          .number()
          .int()
          .min(100)
          .max(60 * 60_000)
          .default(5 * 60_000),
        /** After 5 failures in a row the outbox pauses this long before trying the billing centre again. */
        breakerCooldownMs: z
          .number()
          .int()
          .min(50)
          .max(10 * 60_000)
          .default(30_000),
        /** Seconds between heartbeats to the billing centre. */
        heartbeatSeconds: z.number().int().min(5).max(3_600).default(60),
      })
      .strict()
      .prefault({}),
    retention: z
      .object({
        /** Days after which delivered submissions and printed receipts lose their personal content. */
        settledDays: z.number().int().min(1).max(365).default(30),
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
      .default([]),
    /** Port of the loopback HTTP transport in browser mode; 0 picks a free one. */
    httpPort: z.number().int().min(0).max(65_535).default(0),
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

/** Environment variables that override a field of the file, and how to read each. */
const ENV_OVERRIDES: ReadonlyArray<[variable: string, field: string, kind: 'string' | 'int' | 'nullable-string' | 'list']> = [
  ['KIOSK_TERMINAL_ID', 'terminalId', 'string'],
  ['KIOSK_OFFICE', 'officeName', 'string'],
  ['KIOSK_BILLING_URL', 'billing.url', 'nullable-string'],
  ['KIOSK_BILLING_TERMINAL_KEY', 'billing.terminalKey', 'string'],
  ['KIOSK_BILLING_TIMEOUT_MS', 'billing.timeoutMs', 'int'],
  ['KIOSK_PRINTER', 'printer.interface', 'nullable-string'],
  ['KIOSK_PRINTER_COMMAND_SET', 'printer.commandSet', 'string'],
  ['KIOSK_PRINTER_WIDTH_MM', 'printer.widthMm', 'int'],
  ['KIOSK_PRINTER_CODE_PAGE', 'printer.codePage', 'string'],
  ['KIOSK_ORIENTATION', 'ui.orientation', 'string'],
  ['KIOSK_IDLE_TIMEOUT_S', 'ui.idleTimeoutSeconds', 'int'],
  ['KIOSK_LANGUAGES', 'ui.languages', 'list'],
  ['KIOSK_PORT', 'httpPort', 'int'],
  ['KIOSK_RETRY_BASE_MS', 'delivery.retryBaseMs', 'int'],
  ['KIOSK_RETRY_CAP_MS', 'delivery.retryCapMs', 'int'],
  ['KIOSK_HEARTBEAT_S', 'delivery.heartbeatSeconds', 'int'],
  ['KIOSK_RETENTION_DAYS', 'retention.settledDays', 'int'],
];

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
  for (const [variable, field, kind] of ENV_OVERRIDES) {
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
