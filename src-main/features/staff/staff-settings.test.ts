import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import ru from '../../../resources/messages/ru.json';
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

  it('refuses each bad field with its message, using the configuration schema', () => {
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
    expect(check.fields.printerWidthMm).toEqual({ key: 'staff.settings.errors.printerWidthMm' });
    expect(check.message).toBe(check.fields[Object.keys(check.fields)[0] as keyof typeof check.fields]);
  });

  it('refuses a billing centre reached by plain http unless it is on this machine', () => {
    const remote = applySettings({}, { ...defaults, billingUrl: 'http://billing.uis.ru/api' }, defaults);
    expect(remote.ok).toBe(false);
    if (!remote.ok) expect(remote.fields.billingUrl).toEqual({ key: 'staff.settings.errors.billingUrl' });
    expect(applySettings({}, { ...defaults, billingUrl: 'http://127.0.0.1:8080/api' }, defaults).ok).toBe(true);
  });

  it('words ranges and choices from the field declarations', () => {
    const check = applySettings(
      {},
      { ...defaults, officeName: '', billingTimeoutMs: 60_001, printerTimeoutMs: 199, idleTimeoutSeconds: 601, printerWidthMm: 60 },
      defaults,
    );
    expect(check.ok ? {} : check.fields).toEqual({
      officeName: { key: 'staff.settings.errors.officeName', values: { min: '1', max: '120' } },
      billingTimeoutMs: { key: 'staff.settings.errors.billingTimeoutMs', values: { min: '500', max: '60 000' } },
      printerTimeoutMs: { key: 'staff.settings.errors.printerTimeoutMs', values: { min: '200', max: '30 000' } },
      idleTimeoutSeconds: { key: 'staff.settings.errors.idleTimeoutSeconds', values: { min: '20', max: '600' } },
      printerWidthMm: { key: 'staff.settings.errors.printerWidthMm' },
    });
    expect(SETTING_NAMES).toEqual(STAFF_SETTINGS.map(({ name }) => name));
    // The catalog names the choices in its text: it must name the ones declared.
    const errors: Record<string, string> = ru.staff.settings.errors;
    for (const { name, field } of STAFF_SETTINGS) {
      if (field.kind !== 'choice') continue;
      for (const choice of field.choices) expect(errors[name]?.toLowerCase(), name).toContain(String(choice));
    }
  });

  it('does not save over a file that is broken elsewhere', () => {
    const check = applySettings({ limits: { loginLockoutMinutes: 0 } }, defaults, defaults);
    expect(check).toMatchObject({ ok: false, message: { key: 'staff.errors.settingsFileBroken' } });
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
