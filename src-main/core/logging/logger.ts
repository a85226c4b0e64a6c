// Structured log lines (JSON, one per line) on pino, into a size-rotated file and/or stderr.
// Secrets and personal data are removed by explicit redact paths; account numbers are masked.
import pino from 'pino';
import { maskAccountNumber, maskAccountNumbersIn } from '../security/account-number-mask';
import { DEFAULT_ROTATION, RotatingLogFile, type LogRotation } from './rotating-log-file';

export type { LogRotation } from './rotating-log-file';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(message: string, details?: Record<string, unknown>): void;
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

/** Field names whose value is a secret or personal data; redacted at the top level and two levels down. */
const HIDDEN_FIELDS = [
  'password',
  'newPassword',
  'oldPassword',
  'currentPassword',
  'pin',
  'newPin',
  'pinHash',
  'token',
  'sessionToken',
  'billingToken',
  'accessToken',
  'terminalKey',
  'authorization',
  'Authorization',
  'cookie',
  'headers',
  'captchaAnswer',
  'answer',
  'phone',
  'email',
  'fullName',
  'address',
] as const;

/** Whole branches that carry credentials or customer data: axios request headers and bodies, answers from the billing centre. */
const HIDDEN_BRANCHES = [
  'error.config.headers',
  'error.config.data',
  'error.cause.config.headers',
  'error.cause.config.data',
  'error.response.data',
  'error.response.headers',
  'error.cause.response.data',
  'error.cause.response.headers',
  'error.request',
  'error.cause.request',
  'error.cause.cause.config.headers',
  'error.cause.cause.config.data',
] as const;

const MASKED_FIELDS = ['accountNumber', 'payerAccount'] as const;

const atDepths = (names: readonly string[]) => names.flatMap((name) => [name, `*.${name}`, `*.*.${name}`]);

/** Every path pino redacts, exported so a test can show what is hidden. */
export const REDACT_PATHS: readonly string[] = [...atDepths(HIDDEN_FIELDS), ...HIDDEN_BRANCHES, ...atDepths(MASKED_FIELDS)];

const HIDDEN = '[hidden]';
const MASKED = new Set<string>(MASKED_FIELDS);

function censor(value: unknown, redactedPath: string[]): unknown {
  if (!MASKED.has(redactedPath.at(-1) ?? '')) return HIDDEN;
  if (value === null || value === undefined) return value;
  // The screens' mask, so a log line and the staff journal name an account alike.
  return maskAccountNumber(String(value));
}

/** Removes what must never be logged from free text: account numbers, e-mails, phone numbers. */
export function redactText(text: string): string {
  return maskAccountNumbersIn(text)
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '<e-mail>')
    .replace(/\+?\d[\d\s()-]{9,}\d/g, '<phone>');
}

const MAX_DEPTH = 6;

/**
 * Turns details into plain JSON data: errors become `{type, message, stack, …}` with their causes,
 * free text is scrubbed by `redactText`, class instances other than errors are named, not dumped.
 * The redact paths then apply to the result.
 */
export function toLogData(value: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) return '…';
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return typeof value === 'function' || typeof value === 'symbol' ? undefined : value;
  if (value instanceof Error) return errorData(value, depth);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Array.isArray(value)) return value.slice(0, 50).map((item) => toLogData(item, depth + 1));
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return `[${value.constructor?.name ?? 'object'}]`;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = toLogData(item, depth + 1);
  return out;
}

interface AxiosLikeError extends Error {
  isAxiosError: true;
  code?: string;
  status?: number;
  config?: { method?: string; baseURL?: string; url?: string; timeout?: number };
  response?: { status?: number };
}

function errorData(error: Error, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = { type: error.name, message: redactText(error.message) };
  if ((error as Partial<AxiosLikeError>).isAxiosError === true) {
    // An axios error holds the whole request (headers with the terminal key, the body with a
    // password) and the socket: only what says where and why it failed is kept.
    const axiosError = error as AxiosLikeError;
    const { method, baseURL, url, timeout } = axiosError.config ?? {};
    Object.assign(out, {
      code: axiosError.code,
      status: axiosError.status ?? axiosError.response?.status,
      config: toLogData({ method, baseURL, url, timeout }, depth + 1),
    });
    return out;
  }
  if (error.stack) out.stack = redactText(error.stack);
  for (const [key, item] of Object.entries(error)) {
    if (key !== 'cause' && key !== 'name' && !(key in out)) out[key] = toLogData(item, depth + 1);
  }
  if (error.cause !== undefined) out.cause = toLogData(error.cause, depth + 1);
  return out;
}

export interface LoggerOptions {
  /** The live log file; rotated by size next to it. */
  file?: string;
  level?: LogLevel;
  stderr?: boolean;
  rotation?: Partial<LogRotation>;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const streams: pino.StreamEntry[] = [];
  // Plain synchronous streams in this thread, not worker transports: transports break in the
  // bundled core, and a line must be on disk before the code that logged it can crash.
  if (options.file)
    streams.push({ stream: new RotatingLogFile(options.file, { ...DEFAULT_ROTATION, ...options.rotation }), level: 'debug' });
  if (options.stderr) streams.push({ stream: process.stderr, level: 'debug' });
  if (streams.length === 0) return silentLogger;
  const destination = streams.length === 1 ? (streams[0] as pino.StreamEntry).stream : pino.multistream(streams);
  const log = pino(
    {
      level: options.level ?? 'info',
      base: undefined,
      messageKey: 'message',
      timestamp: () => `,"at":"${new Date().toISOString()}"`,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: [...REDACT_PATHS], censor },
    },
    destination,
  );
  const write = (level: LogLevel, message: string, details?: Record<string, unknown>) => {
    if (!log.isLevelEnabled(level)) return;
    log[level](details ? (toLogData(details) as object) : {}, '%s', redactText(message));
  };
  return {
    debug: (message, details) => write('debug', message, details),
    info: (message, details) => write('info', message, details),
    warn: (message, details) => write('warn', message, details),
    error: (message, details) => write('error', message, details),
  };
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
