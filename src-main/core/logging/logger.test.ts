import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger, redact } from './logger';

describe('logger', () => {
  it('never writes passwords, full account numbers or contacts', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-log-')), 'kiosk.log');
    const logger = createLogger({ file });
    logger.info('login 820000001 failed', {
      accountNumber: '820000001',
      password: 'demo1234',
      email: 'ivanova@example.ru',
      phone: '+7 (917) 555-55-55',
      nested: { pin: '1234', note: 'call 8 917 555 55 55' },
    });
    const text = fs.readFileSync(file, 'utf8');
    for (const secret of ['820000001', 'demo1234', 'ivanova@example.ru', '555-55-55', '555 55 55', '"1234"']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('******001');
  });

  it('keeps harmless values as they are', () => {
    expect(redact({ method: 'account.summary', count: 3 })).toEqual({ method: 'account.summary', count: 3 });
  });
});
