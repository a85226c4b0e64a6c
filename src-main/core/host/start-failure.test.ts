import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config/kiosk-config';
import { StoreUnusableError } from '../store/database';
import { explainStartFailure } from './start-failure';

const context = { dataDir: '/var/lib/uis-kiosk', configFile: '/etc/uis-kiosk/kiosk-config.json' };
const systemError = (code: string, path: string) => Object.assign(new Error(`${code}: failed, mkdir '${path}'`), { code, path });

describe('explainStartFailure', () => {
  it.each([
    ['no right to write', systemError('EACCES', '/var/lib/uis-kiosk/logs'), ['/var/lib/uis-kiosk/logs', 'нет права записи']],
    ['a missing folder', systemError('ENOENT', '/var/lib/uis-kiosk/logs'), ['/var/lib/uis-kiosk/logs', context.configFile]],
    ['a full disk', systemError('ENOSPC', '/var/lib/uis-kiosk/logs/kiosk.log'), ['не осталось свободного места']],
    ['a read-only disk', systemError('EROFS', '/var/lib/uis-kiosk'), ['только для чтения']],
    [
      'a store that cannot open',
      new StoreUnusableError('/x/kiosk.sqlite', 'cannot-open', new Error('unable to open')),
      ['/x/kiosk.sqlite', 'unable to open'],
    ],
    ['anything else', new TypeError('boom\n    at somewhere (file.js:1:2)'), ['непредвиденной ошибки', context.dataDir]],
  ])('%s: one paragraph naming the place and saying what to do', (_name, error, mentions) => {
    const text = explainStartFailure(error, context);
    expect(text).not.toContain('\n');
    for (const mention of mentions) expect(text).toContain(mention);
    expect(text).toContain('Сотруднику:');
  });

  it('keeps a configuration error as the loader worded it, on one line', () => {
    const error = new ConfigError('/etc/x.json', ['billing.timeoutMs: from 500 to 60000', 'ui.orientation: landscape or portrait']);
    expect(explainStartFailure(error, context)).toBe(
      'Configuration error in /etc/x.json: - billing.timeoutMs: from 500 to 60000 - ui.orientation: landscape or portrait',
    );
  });
});
