import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { AxiosError, AxiosHeaders, type InternalAxiosRequestConfig } from 'axios';
import { afterEach, describe, expect, it } from 'vitest';
import { KioskFailure } from '../api/contract';
import { BillingError } from '../billing/billing-error';
import { message } from '../messages/messages';
import { createLogger, toLogData } from './logger';

const folders: string[] = [];
function logFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-log-'));
  folders.push(dir);
  return path.join(dir, 'logs', 'kiosk.log');
}
afterEach(() => {
  for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const lines = (text: string) =>
  text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('logger', () => {
  it('keeps the reason of a rejection: code, billingCode, reason and harmless look-alike names', () => {
    const file = logFile();
    const logger = createLogger({ file });
    logger.warn('outbox message rejected', {
      id: 7,
      kind: 'readings',
      code: 'outside-window',
      billingCode: 'outside-window',
      reason: 'Приём показаний закрыт до 15-го числа',
      keyboardLayout: 'cyrillic',
    });
    // Written synchronously: the line is in the file before the call returns.
    const [line] = lines(fs.readFileSync(file, 'utf8'));
    expect(line).toMatchObject({
      level: 'warn',
      message: 'outbox message rejected',
      id: 7,
      code: 'outside-window',
      billingCode: 'outside-window',
      reason: 'Приём показаний закрыт до 15-го числа',
      keyboardLayout: 'cyrillic',
    });
    expect(Date.parse(line?.at as string)).not.toBeNaN();
  });

  it('writes a refusal as its code and catalog key, without its text or values', () => {
    const file = logFile();
    const logger = createLogger({ file });
    const refusal = new KioskFailure({
      code: 'billing-refused',
      message: message('errors.billingRefusedText', { billingText: 'Лицевой счёт Ивановой М. П. закрыт' }),
      billingCode: 'account-closed',
    });
    logger.warn('reference data unavailable for the pay screen', { error: refusal });
    const text = fs.readFileSync(file, 'utf8');
    expect(lines(text)[0]?.error).toMatchObject({
      type: 'KioskFailure',
      message: 'billing-refused: errors.billingRefusedText',
      code: 'billing-refused',
      key: 'errors.billingRefusedText',
    });
    expect(text).not.toContain('Ивановой');
  });

  it('never writes passwords, PINs, tokens, the terminal key, contacts or full account numbers', () => {
    const file = logFile();
    const logger = createLogger({ file, level: 'debug' });
    const config = {
      method: 'post',
      baseURL: 'https://billing.example/api/v1',
      url: '/sessions',
      headers: new AxiosHeaders({ 'X-Terminal-Key': 'tk-7f3a9c', Authorization: 'Bearer sess-4412' }),
      data: JSON.stringify({ accountNumber: '820000009', password: 'pw-in-body' }),
    } as InternalAxiosRequestConfig;
    const network = new AxiosError('connect ECONNREFUSED 192.0.2.1:443', 'ECONNREFUSED', config);
    logger.info('login 820000001 failed', {
      accountNumber: '820000001',
      password: 'demo1234',
      email: 'ivanova@example.ru',
      phone: '+7 (917) 555-55-55',
      nested: { pin: '1234', note: 'call 8 917 555 55 55' },
    });
    logger.info('password change submitted', {
      payload: { oldPassword: 'old-pw-1', newPassword: 'new-pw-2', accountNumber: '820000002' },
      sessionToken: 'sess-9981',
      billingToken: 'bill-7765',
      terminalKey: 'tk-7f3a9c',
      captcha: { id: 'c-1', answer: 'k7x2q' },
      profile: { contacts: { phone: '+79175554433', email: 'petrov@example.ru' } },
    });
    logger.error('handler failed', { error: new BillingError('unavailable', { cause: network }) });
    logger.error('axios error seen bare', { error: network, response: { config: { headers: { 'X-Terminal-Key': 'tk-7f3a9c' } } } });
    logger.debug('staff screen', { staff: { staffNumber: '1001', pin: '654321' } });

    const text = fs.readFileSync(file, 'utf8');
    for (const secret of [
      '820000001',
      '820000002',
      '820000009',
      'demo1234',
      'old-pw-1',
      'new-pw-2',
      'pw-in-body',
      '"1234"',
      '654321',
      'sess-9981',
      'sess-4412',
      'bill-7765',
      'tk-7f3a9c',
      'k7x2q',
      'ivanova@example.ru',
      'petrov@example.ru',
      '555-55-55',
      '555 55 55',
      '5554433',
    ]) {
      expect(text).not.toContain(secret);
    }
    const [login, change, failed, bare] = lines(text);
    expect(login).toMatchObject({ message: 'login •••••0001 failed', accountNumber: '•••••0001', password: '[hidden]' });
    expect(change).toMatchObject({ payload: { accountNumber: '•••••0002' }, captcha: { id: 'c-1', answer: '[hidden]' } });
    // What says where and why a call failed stays.
    expect(failed).toMatchObject({
      error: {
        type: 'BillingError',
        kind: 'unavailable',
        cause: { type: 'AxiosError', code: 'ECONNREFUSED', config: { method: 'post', url: '/sessions' } },
      },
    });
    expect(bare).toMatchObject({ error: { code: 'ECONNREFUSED' }, response: { config: { headers: '[hidden]' } } });
  });

  it('rotates by size, keeping the configured number of gzipped files', () => {
    const file = logFile();
    const logger = createLogger({ file, rotation: { maxBytes: 2_000, files: 3, compress: true } });
    for (let index = 0; index < 200; index += 1) logger.info('heartbeat delivered', { index });
    const names = fs.readdirSync(path.dirname(file)).sort();
    expect(names).toEqual(['kiosk.log', 'kiosk.log.1.gz', 'kiosk.log.2.gz', 'kiosk.log.3.gz']);
    expect(fs.statSync(file).size).toBeLessThanOrEqual(2_000);
    // Still JSON lines, in order: the newest rotated file ends right before the live one starts.
    const newestRotated = lines(zlib.gunzipSync(fs.readFileSync(`${file}.1.gz`)).toString('utf8'));
    const live = lines(fs.readFileSync(file, 'utf8'));
    expect(live.at(-1)?.index).toBe(199);
    expect((newestRotated.at(-1)?.index as number) + 1).toBe(live[0]?.index);
  });

  it('rotates plain files when compression is off and picks up an existing file after a restart', () => {
    const file = logFile();
    const rotation = { maxBytes: 1_000, files: 2, compress: false };
    const first = createLogger({ file, rotation });
    for (let index = 0; index < 5; index += 1) first.info('kiosk core started', { index });
    const again = createLogger({ file, rotation });
    for (let index = 5; index < 60; index += 1) again.info('kiosk core started', { index });
    expect(fs.readdirSync(path.dirname(file)).sort()).toEqual(['kiosk.log', 'kiosk.log.1', 'kiosk.log.2']);
    expect(lines(fs.readFileSync(`${file}.1`, 'utf8')).length).toBeGreaterThan(0);
  });

  it('drops lines below the level and writes nothing without a file or stderr', () => {
    const file = logFile();
    createLogger({ file, level: 'warn' }).info('not shown');
    expect(fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '').toBe('');
    expect(() => createLogger().error('nowhere', { error: new Error('x') })).not.toThrow();
  });

  it('turns details into plain data and keeps harmless values as they are', () => {
    expect(toLogData({ method: 'account.summary', count: 3, at: new Date(0) })).toEqual({
      method: 'account.summary',
      count: 3,
      at: '1970-01-01T00:00:00.000Z',
    });
    expect(toLogData({ socket: new (class Socket {})() })).toEqual({ socket: '[Socket]' });
  });
});
