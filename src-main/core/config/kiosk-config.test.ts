import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadKioskConfig } from './kiosk-config';

function writeConfig(content: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-config-')), 'kiosk-config.json');
  fs.writeFileSync(file, content);
  return file;
}

describe('loadKioskConfig', () => {
  it('uses safe defaults: training mode, 60 s idle timeout, Russian first', () => {
    const config = loadKioskConfig({ file: undefined, env: {} });
    expect(config.billing.url).toBeNull();
    expect(config.ui.idleTimeoutSeconds).toBe(60);
    expect(config.ui.languages[0]).toBe('ru');
    expect(config.limits.loginFailuresPerAccount).toBe(5);
  });

  it('reads the file and lets the environment override it', () => {
    const file = writeConfig(JSON.stringify({ terminalId: 'UFA-01', billing: { url: 'https://billing.example/api', timeoutMs: 4000 } }));
    const config = loadKioskConfig({ file, env: { KIOSK_BILLING_TIMEOUT_MS: '2500', KIOSK_PORT: '8421' } });
    expect(config.terminalId).toBe('UFA-01');
    expect(config.billing.url).toBe('https://billing.example/api');
    expect(config.billing.timeoutMs).toBe(2500);
    expect(config.httpPort).toBe(8421);
  });

  it('names the field and what is allowed when a value is bad', () => {
    const file = writeConfig(JSON.stringify({ billing: { timeoutMs: 'fast' }, printer: { interface: 'lpt1' } }));
    expect(() => loadKioskConfig({ file, env: {} })).toThrow(ConfigError);
    try {
      loadKioskConfig({ file, env: {} });
    } catch (error) {
      expect((error as Error).message).toContain('field billing.timeoutMs');
      expect((error as Error).message).toContain('field printer.interface: tcp://host:port');
    }
  });

  it('refuses unknown fields, so a typo does not silently keep a default', () => {
    const file = writeConfig(JSON.stringify({ billng: { url: null } }));
    expect(() => loadKioskConfig({ file, env: {} })).toThrow(/billng|Unrecognized/);
  });

  it('explains a file that is not JSON and an environment value that is not a number', () => {
    expect(() => loadKioskConfig({ file: writeConfig('{ not json'), env: {} })).toThrow(/not valid JSON/);
    expect(() => loadKioskConfig({ file: undefined, env: { KIOSK_PORT: 'eighty' } })).toThrow(
      /KIOSK_PORT \(httpPort\): expected a whole number/,
    );
  });
});

describe('billing.url: https, except to this machine', () => {
  const billingUrl = (url: string) => () => loadKioskConfig({ file: undefined, env: { KIOSK_BILLING_URL: url } });

  it.each([
    'https://billing.uis.ru/api',
    'https://10.0.0.5:8443/',
    'http://127.0.0.1:8080/api',
    'http://localhost:3000',
    'http://[::1]:9000/',
  ])('accepts %s', (url) => expect(billingUrl(url)().billing.url).toBe(url));

  it.each([
    'http://billing.uis.ru/api',
    'http://10.0.0.5/',
    'http://localhost.evil.example/',
    'http://127.0.0.1.evil.example/',
    'ftp://billing.uis.ru/',
  ])('refuses %s, naming the rule', (url) =>
    expect(billingUrl(url)).toThrow(/billing\.url: an https URL \(plain http only to this machine/),
  );
});
