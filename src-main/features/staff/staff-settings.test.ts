import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { STAFF_SETTINGS } from '../../core/config/config-fields';
import { parseKioskConfig } from '../../core/config/kiosk-config';
import { applySettings, currentSettings, readConfigFile, settingsOverriddenByEnvironment, writeFileAtomically } from './staff-settings';
import { SETTING_NAMES } from './staff-settings-schema';

const defaults = currentSettings(parseKioskConfig({}));

describe('staff settings', () => {
  it('merges into the file, keeps everything else, and lists what changed', () => {
    const file = { terminalId: 'UFA-01', staff: [], printer: { codePage: 'wpc1251' } };
    const running = currentSettings(parseKioskConfig(file));
    const check = applySettings(
      file,
      { ...running, officeName: '  Офис на Ленина  ', billingUrl: 'https://billing.example.ru/api' },
      running,
    );
    expect(check).toEqual({
      ok: true,
      file: {
        terminalId: 'UFA-01',
        staff: [],
        officeName: 'Офис на Ленина',
        billing: { url: 'https://billing.example.ru/api', timeoutMs: 5000 },
        printer: { codePage: 'wpc1251', interface: null, commandSet: 'epson', widthMm: 80, timeoutMs: 3000 },
        ui: { idleTimeoutSeconds: 60 },
      },
      changed: {
        officeName: ['Офис обслуживания потребителей МУП УИС', 'Офис на Ленина'],
        billingUrl: ['', 'https://billing.example.ru/api'],
      },
    });
  });

  it('refuses each bad field with its Russian message, using the configuration schema', () => {
    const check = applySettings(
      {},
      { ...defaults, officeName: ' ', billingUrl: 'billing.ufa', billingTimeoutMs: 100, printerTimeoutMs: 1.5, printerWidthMm: 60 },
      defaults,
    );
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(Object.keys(check.fields).sort()).toEqual([
      'billingTimeoutMs',
      'billingUrl',
      'officeName',
      'printerTimeoutMs',
      'printerWidthMm',
    ]);
    expect(check.fields.printerWidthMm).toBe('Ширина бумаги — 58 или 80 мм.');
    expect(check.message).toBe(check.fields[Object.keys(check.fields)[0] as keyof typeof check.fields]);
  });

  it('words ranges and choices from the field declarations', () => {
    const check = applySettings(
      {},
      { ...defaults, officeName: '', billingTimeoutMs: 60_001, printerTimeoutMs: 199, idleTimeoutSeconds: 601, printerWidthMm: 60 },
      defaults,
    );
    expect(check.ok ? {} : check.fields).toEqual({
      officeName: 'Укажите название офиса: от 1 до 120 символов.',
      billingTimeoutMs: 'Время ожидания расчётного центра — целое число миллисекунд от 500 до 60 000.',
      printerTimeoutMs: 'Время ожидания принтера — целое число миллисекунд от 200 до 30 000.',
      idleTimeoutSeconds: 'Время бездействия до предупреждения — целое число секунд от 20 до 600.',
      printerWidthMm: 'Ширина бумаги — 58 или 80 мм.',
    });
    expect(SETTING_NAMES).toEqual(STAFF_SETTINGS.map(({ name }) => name));
  });

  it('does not save over a file that is broken elsewhere', () => {
    const check = applySettings({ limits: { loginLockoutMinutes: 0 } }, defaults, defaults);
    expect(check).toMatchObject({ ok: false, message: 'Файл настроек терминала содержит ошибку вне этого экрана. Обратитесь к технику.' });
  });

  it('names the settings an environment variable overrides', () => {
    expect(settingsOverriddenByEnvironment({ KIOSK_PRINTER: 'tcp://127.0.0.1:9100', KIOSK_OFFICE: '' })).toEqual(['printerInterface']);
  });

  it('writes the file atomically and reads it back', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-settings-unit-'));
    const file = path.join(dir, 'kiosk-config.json');
    expect(readConfigFile(file)).toEqual({});
    writeFileAtomically(file, '{"officeName":"А"}\n');
    writeFileAtomically(file, '{"officeName":"Б"}\n');
    expect(readConfigFile(file)).toEqual({ officeName: 'Б' });
    expect(fs.readdirSync(dir)).toEqual(['kiosk-config.json']);
    fs.writeFileSync(file, '[1]');
    expect(() => readConfigFile(file)).toThrow(/JSON object/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
