// Structured log lines (JSON) to a file and/or stderr. Personal data never reaches a log: keys that
// name secrets are dropped, account numbers and contacts are masked before anything is written.
import fs from 'node:fs';
import path from 'node:path';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(message: string, details?: Record<string, unknown>): void;
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

const LEVEL_ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const SECRET_KEY = /pass(word)?|pin|token|secret|key|code|captcha/i;

/** Masks a 9-digit account number to its last three digits: `820000001` → `******001`. */
export function maskAccountNumber(value: string): string {
  return value.replace(/\b\d{6}(\d{3})\b/g, '******$1');
}

/** Removes what must never be logged from any text: account numbers, e-mails, phone numbers. */
export function redactText(text: string): string {
  return maskAccountNumber(text)
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '<e-mail>')
    .replace(/\+?\d[\d\s()-]{9,}\d/g, '<phone>');
}

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6) return '…';
  if (typeof value === 'string') return redactText(value);
  if (value instanceof Error) {
    return { name: value.name, message: redactText(value.message), stack: value.stack ? redactText(value.stack) : undefined };
  }
  if (Array.isArray(value)) return value.slice(0, 50).map((item) => redact(item, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      out[key] = SECRET_KEY.test(key) ? '<hidden>' : redact(item, depth + 1);
    }
    return out;
  }
  return value;
}

export interface LoggerOptions {
  file?: string;
  level?: LogLevel;
  stderr?: boolean;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const minimum = LEVEL_ORDER[options.level ?? 'info'];
  let fd: number | undefined;
  if (options.file) {
    fs.mkdirSync(path.dirname(options.file), { recursive: true });
    fd = fs.openSync(options.file, 'a');
  }
  const write = (level: LogLevel, message: string, details?: Record<string, unknown>) => {
    if (LEVEL_ORDER[level] < minimum) return;
    const line = JSON.stringify({
      at: new Date().toISOString(),
      level,
      message: redactText(message),
      ...(details ? (redact(details) as object) : {}),
    });
    if (fd !== undefined) fs.writeSync(fd, line + '\n');
    if (options.stderr) process.stderr.write(line + '\n');
  };
  return {
    debug: (message, details) => write('debug', message, details),
    info: (message, details) => write('info', message, details),
    warn: (message, details) => write('warn', message, details),
    error: (message, details) => write('error', message, details),
  };
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
