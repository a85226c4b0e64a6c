// The staff mode of the real kiosk core (training mode: the in-process reference billing server,
// real SQLite in a temp folder): PIN login and lockout, the outbox (a real refusal of the billing
// centre, retried and marked handled), the print journal against the TCP printer emulator
// (paper out → reprint), assisted service with its audit rows, settings validation and the
// in-place restart through the core host, and exit.
import { ufaDate } from '../../src-main/core/time/calendar';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KioskResult } from '../../src-main/core/api/contract';
import type { KioskDispatch } from '../../src-main/core/api/dispatcher';
import { loadKioskConfig } from '../../src-main/core/config/kiosk-config';
import { silentLogger } from '../../src-main/core/logging/logger';
import { hashSecret } from '../../src-main/core/security/secret-hash';
import { startCoreHost } from '../../src-main/core/host/core-host';
import { startCoreFixture, type CoreFixture } from '../support/kiosk-core-fixture';
import { PrinterEmulator } from '../support/printer-emulator';
import { readingsSubmission } from '../../src-main/features/readings/readings-submission';
import type { Message } from '../../src-main/core/messages/messages';
import { DEMO } from '../support/demo-accounts';
import type { KioskOutput } from '../../src-main/features/kiosk-methods';

type Entry = KioskOutput<'staff.audit.list'>['entries'][number];

async function ok<T = Record<string, unknown>>(dispatch: KioskDispatch, method: string, input: unknown = {}): Promise<T> {
  const result = await dispatch(method, input);
  if (!result.ok) throw new Error(`${method} refused: ${result.error.code} ${result.error.message.key}`);
  return result.value as T;
}

async function refusal(dispatch: KioskDispatch, method: string, input: unknown = {}) {
  const result = (await dispatch(method, input)) as KioskResult<unknown>;
  if (result.ok) throw new Error(`${method} was accepted`);
  return result.error;
}

async function auditTrail(dispatch: KioskDispatch): Promise<Entry[]> {
  return (await ok<{ entries: Entry[] }>(dispatch, 'staff.audit.list')).entries;
}

const cheapHash = (pin: string) => hashSecret(pin, { N: 2 ** 10, r: 8, p: 1 });

let fixture: CoreFixture;
let emulator: PrinterEmulator;

beforeAll(async () => {
  emulator = new PrinterEmulator('epson');
  const printerUrl = await emulator.start();
  fixture = await startCoreFixture({
    printer: { interface: printerUrl, timeoutMs: 500 },
    staff: [{ staffNumber: '2002', displayName: 'Иванова Е. П.', pinHash: cheapHash('246810') }],
  });
});

afterAll(async () => {
  await fixture?.close();
  await emulator?.stop();
});

describe('staff login', () => {
  it('refuses staff methods before login, and logs the training member in with PIN 123456', async () => {
    const { dispatch } = fixture.core;
    expect(await refusal(dispatch, 'staff.status')).toMatchObject({ code: 'staff-only' });
    expect(await refusal(dispatch, 'staff.print.journal')).toMatchObject({ code: 'staff-only' });
    expect(await refusal(dispatch, 'staff.login', { staffNumber: '1001', pin: '12' })).toMatchObject({
      code: 'invalid-input',
      message: { key: 'staff.errors.pinFormat' },
    });
    expect(await ok(dispatch, 'staff.login', { staffNumber: '1001', pin: '123456' })).toEqual({ staffName: 'Сотрудник (учебный режим)' });
    const status = await ok<{ trainingMode: boolean; printer: { state: string }; disk: { freeBytes: number } }>(dispatch, 'staff.status');
    expect(status.trainingMode).toBe(true);
    expect(status.printer.state).toBe('ready');
    expect(status.disk.freeBytes).toBeGreaterThan(0);
    expect((await auditTrail(dispatch))[0]).toMatchObject({
      event: { action: 'staff.login' },
      staffNumber: '1001',
      staffName: 'Сотрудник (учебный режим)',
    });
    await ok(dispatch, 'staff.logout');
    expect(await refusal(dispatch, 'staff.status')).toMatchObject({ code: 'staff-only' });
  });

  it('locks a staff number after five wrong PINs, even against the right PIN, with the time left', async () => {
    const { dispatch } = fixture.core;
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      const error = await refusal(dispatch, 'staff.login', { staffNumber: '2002', pin: '000000' });
      expect(error).toMatchObject({
        code: 'wrong-credentials',
        message: { key: 'staff.errors.wrong-credentials', values: { attemptsLeft: 5 - attempt } },
      });
    }
    const locked = await refusal(dispatch, 'staff.login', { staffNumber: '2002', pin: '000000' });
    expect(locked.code).toBe('locked-out');
    expect(locked.retryAfterSeconds).toBeGreaterThan(14 * 60);
    // The words name no time: the screen counts retryAfterSeconds down beside them.
    expect(locked.message).toEqual({ key: 'staff.errors.locked-out' });
    expect(await refusal(dispatch, 'staff.login', { staffNumber: '2002', pin: '246810' })).toMatchObject({ code: 'locked-out' });
    // Another member is not affected.
    await ok(dispatch, 'staff.login', { staffNumber: '1001', pin: '123456' });
    await ok(dispatch, 'staff.logout');
  });
});

describe('the outbox', () => {
  it('shows a row the billing centre refused with its reason; retry and mark handled are audited', async () => {
    const { dispatch, services } = fixture.core;
    const accepted = services.submissions.accept(
      readingsSubmission,
      DEMO.owesMoney.accountNumber,
      null,
      (submittedAt) => ({ readings: [{ meterId: 'no-such-meter', value: 1 }], submittedAt }),
      { countsForPeriod: null, lines: [] },
    );
    await expect.poll(() => services.outbox.get(accepted.messageId)?.status).toBe('rejected');

    await ok(dispatch, 'staff.login', { staffNumber: '1001', pin: '123456' });
    const listed = await ok<{ messages: Array<Record<string, unknown>> }>(dispatch, 'staff.outbox.list', { status: 'rejected' });
    expect(listed.messages).toContainEqual(
      expect.objectContaining({
        id: accepted.messageId,
        kind: 'readings',
        accountNumberMasked: '•••••0001',
        rejectionCode: 'unknown-meter',
        rejectionMessage: 'Прибор учёта не найден на этом лицевом счёте.',
      }),
    );
    // Sent again, refused again (the meter still does not exist).
    expect(await ok(dispatch, 'staff.outbox.retry', { messageId: accepted.messageId })).toEqual({ status: 'rejected' });
    expect(await ok(dispatch, 'staff.outbox.markHandled', { messageId: accepted.messageId })).toEqual({ status: 'handled' });
    expect(services.outbox.get(accepted.messageId)?.status).toBe('handled');
    expect(await refusal(dispatch, 'staff.outbox.markHandled', { messageId: accepted.messageId })).toMatchObject({ code: 'invalid-input' });

    const trail = await auditTrail(dispatch);
    expect(trail.slice(0, 2).map((entry) => [entry.event, entry.accountLastDigits])).toEqual([
      [{ action: 'outbox.mark-handled', messageId: accepted.messageId, kind: 'readings', rejectionCode: 'unknown-meter' }, '0001'],
      [{ action: 'outbox.retry', messageId: accepted.messageId, kind: 'readings' }, '0001'],
    ]);
    await ok(dispatch, 'staff.logout');
  });
});

describe('the print journal', () => {
  it('a test page that failed on paper out is reprinted by staff once paper is back', async () => {
    const { dispatch } = fixture.core;
    await ok(dispatch, 'staff.login', { staffNumber: '1001', pin: '123456' });
    emulator.state = 'paper-out';
    expect(await ok(dispatch, 'staff.printer.status')).toMatchObject({ state: 'paper-out', twoWay: true });
    const failed = await ok<{ jobId: number; status: string; message: Message }>(dispatch, 'staff.print.testPage');
    expect(failed.status).toBe('failed');
    expect(failed.message).toEqual({ key: 'print.problems.failed', values: { state: 'paperOut', document: 'testPage' } });
    const journal = await ok<{ jobs: Array<{ id: number; status: string; reprintable: boolean; kind: string }> }>(
      dispatch,
      'staff.print.journal',
    );
    expect(journal.jobs[0]).toMatchObject({ id: failed.jobId, kind: 'test-page', status: 'failed', reprintable: true });

    emulator.state = 'ready';
    const before = emulator.printed().length;
    const reprinted = await ok<{ jobId: number; status: string }>(dispatch, 'staff.print.reprint', { jobId: failed.jobId });
    expect(reprinted.status).toBe('printed');
    await expect.poll(() => emulator.printed().length).toBe(before + 1);
    const testPage = emulator.printed().at(-1)?.lines.join('\n') ?? '';
    expect(testPage).toContain('Тестовая страница');
    // Ufa time, whatever zone this machine's clock is in (the fixture's clock is real time).
    expect(testPage).toContain(`${ufaDate(Date.now()).split('-').reverse().join('.')}`);
    expect(testPage).toMatch(/\d\d:\d\d \(время\s+уфимское\)/);
    const after = await ok<{ jobs: Array<{ id: number; reprintOf: number | null }> }>(dispatch, 'staff.print.journal');
    expect(after.jobs[0]).toMatchObject({ id: reprinted.jobId, reprintOf: failed.jobId });
    expect(await refusal(dispatch, 'staff.print.reprint', { jobId: 999_999 })).toMatchObject({ code: 'not-found' });

    const trail = await auditTrail(dispatch);
    expect(trail.slice(0, 2).map((entry) => entry.event)).toEqual([
      { action: 'print.reprint', jobId: failed.jobId, reprintJobId: reprinted.jobId, status: 'printed' },
      { action: 'print.test-page', jobId: failed.jobId, status: 'failed' },
    ]);
    await ok(dispatch, 'staff.logout');
  });
});

describe('assisted service', () => {
  it('opens a customer account without the password; every customer call is audited with its outcome', async () => {
    const { dispatch } = fixture.core;
    // Not for customers, not without staff.
    expect(
      await refusal(dispatch, 'staff.assist.open', { accountNumber: DEMO.paidInAdvance.accountNumber, reason: 'readings' }),
    ).toMatchObject({
      code: 'staff-only',
    });
    await ok(dispatch, 'staff.login', { staffNumber: '1001', pin: '123456' });
    expect(
      await refusal(dispatch, 'staff.assist.open', { accountNumber: DEMO.paidInAdvance.accountNumber, reason: 'because' }),
    ).toMatchObject({
      code: 'invalid-input',
      message: { key: 'staff.errors.assistReason' },
    });
    expect(await refusal(dispatch, 'staff.assist.open', { accountNumber: '829999999', reason: 'readings' })).toMatchObject({
      code: 'billing-refused',
      message: { key: 'staff.errors.unknownAccount' },
    });

    expect(await ok(dispatch, 'staff.assist.open', { accountNumber: DEMO.paidInAdvance.accountNumber, reason: 'forgot-password' })).toEqual(
      {
        accountNumberMasked: '•••••0002',
      },
    );
    const summary = await ok<{ accountNumber: string }>(dispatch, 'account.summary');
    expect(summary.accountNumber).toBe(DEMO.paidInAdvance.accountNumber);
    // A refused customer call is audited too, with the refusal's code.
    const refused = await refusal(dispatch, 'readings.submit', {});
    await ok(dispatch, 'staff.assist.end');
    expect(await refusal(dispatch, 'account.summary')).toMatchObject({ code: 'not-logged-in' });

    const trail = (await auditTrail(dispatch)).slice(0, 5);
    expect(trail.map((entry) => [entry.event, entry.accountLastDigits])).toEqual([
      [{ action: 'assist.end', minutes: 0 }, '0002'],
      [{ action: 'assisted-call', method: 'readings.submit', outcome: refused.code }, '0002'],
      [{ action: 'assisted-call', method: 'account.summary', outcome: 'ok' }, '0002'],
      [{ action: 'assist.open', reason: 'forgot-password' }, '0002'],
      [{ action: 'assist.refused', reason: 'readings', code: 'unknown-account' }, '9999'],
    ]);

    // The billing centre knows the session was opened by staff, with the reason.
    const billingDb = new Database(path.join(fixture.dataDir, 'training-billing.sqlite'), { readonly: true });
    const opened = billingDb
      .prepare<[], { assisted_by: string }>(
        `SELECT assisted_by FROM session WHERE account_number = '${DEMO.paidInAdvance.accountNumber}' AND assisted_by IS NOT NULL`,
      )
      .get();
    billingDb.close();
    expect(opened?.assisted_by).toBe('1001: Клиент не помнит пароль от личного кабинета');
    await ok(dispatch, 'staff.logout');
  });

  it('a customer who logs in with a password is not audited, and staff logout ends an assisted visit', async () => {
    const { dispatch } = fixture.core;
    await ok(dispatch, 'session.login', { accountNumber: DEMO.expiredVerification.accountNumber, password: 'demo1234' });
    await ok(dispatch, 'account.summary');
    await ok(dispatch, 'session.logout');
    await ok(dispatch, 'staff.login', { staffNumber: '1001', pin: '123456' });
    expect((await auditTrail(dispatch)).some((entry) => entry.accountLastDigits === DEMO.expiredVerification.accountNumber.slice(-4))).toBe(
      false,
    );

    await ok(dispatch, 'staff.assist.open', { accountNumber: DEMO.owesMoney.accountNumber, reason: 'payment' });
    await ok(dispatch, 'staff.logout');
    expect(await refusal(dispatch, 'account.summary')).toMatchObject({ code: 'not-logged-in' });
    await ok(dispatch, 'staff.login', { staffNumber: '1001', pin: '123456' });
    const actions = (await auditTrail(dispatch)).slice(0, 4).map((entry) => entry.event.action);
    expect(actions).toEqual(['staff.login', 'staff.logout', 'assist.end', 'assist.open']);
    await ok(dispatch, 'staff.logout');
  });
});

describe('settings and restart', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-settings-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('refuses a bad value field by field, saves good ones atomically, restarts in place and audits it', async () => {
    const configFile = path.join(dir, 'kiosk-config.json');
    fs.writeFileSync(configFile, JSON.stringify({ terminalId: 'UFA-07', limits: { loginLockoutMinutes: 10 } }));
    let exits = 0;
    const host = await startCoreHost({
      dataDir: dir,
      configFile,
      loadConfig: () => loadKioskConfig({ file: configFile, env: {} }),
      logger: silentLogger,
      exit: () => (exits += 1),
    });
    try {
      const { dispatch } = host;
      await ok(dispatch, 'staff.login', { staffNumber: '1001', pin: '123456' });
      const current = await ok<{ values: Record<string, unknown> }>(dispatch, 'staff.settings.get');
      expect(current.values).toMatchObject({
        officeName: 'Офис обслуживания потребителей МУП УИС',
        billingUrl: '',
        idleTimeoutSeconds: 60,
      });

      const bad = await refusal(dispatch, 'staff.settings.save', {
        ...current.values,
        billingUrl: 'ftp://billing',
        printerInterface: 'lpt1',
        idleTimeoutSeconds: 5,
      });
      expect(bad.code).toBe('invalid-input');
      expect(bad.fields).toEqual({
        billingUrl: { key: 'staff.settings.errors.billingUrl' },
        printerInterface: { key: 'staff.settings.errors.printerInterface' },
        idleTimeoutSeconds: { key: 'staff.settings.errors.idleTimeoutSeconds', values: { min: '20', max: '600' } },
      });
      expect(JSON.parse(fs.readFileSync(configFile, 'utf8'))).toEqual({ terminalId: 'UFA-07', limits: { loginLockoutMinutes: 10 } });
      expect(host.restarts).toBe(0);

      const saved = await ok<{ changed: string[]; restarting: boolean }>(dispatch, 'staff.settings.save', {
        ...current.values,
        officeName: 'Офис на ул. Ленина, 2',
        idleTimeoutSeconds: 90,
      });
      expect(saved).toEqual({ changed: ['officeName', 'idleTimeoutSeconds'], restarting: true });
      // The transport's dispatch waits for the new core and then reaches it.
      await expect.poll(() => host.restarts).toBe(1);
      const status = await ok<{ officeName: string; idleTimeoutSeconds: number; terminalId: string }>(dispatch, 'terminal.status');
      expect(status).toMatchObject({ officeName: 'Офис на ул. Ленина, 2', idleTimeoutSeconds: 90, terminalId: 'UFA-07' });
      // Everything else in the file is kept; no temporary file is left behind.
      expect(JSON.parse(fs.readFileSync(configFile, 'utf8'))).toMatchObject({
        terminalId: 'UFA-07',
        limits: { loginLockoutMinutes: 10 },
        officeName: 'Офис на ул. Ленина, 2',
        ui: { idleTimeoutSeconds: 90 },
        billing: { url: null },
      });
      expect(fs.readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);

      // The restart ended the staff session; the audit log survived it.
      expect(await refusal(dispatch, 'staff.status')).toMatchObject({ code: 'staff-only' });
      await ok(dispatch, 'staff.login', { staffNumber: '1001', pin: '123456' });
      const saveEntry = (await auditTrail(dispatch)).find((entry) => entry.event.action === 'settings.save');
      expect(saveEntry?.event).toEqual({
        action: 'settings.save',
        changed: { officeName: ['Офис обслуживания потребителей МУП УИС', 'Офис на ул. Ленина, 2'], idleTimeoutSeconds: [60, 90] },
      });

      expect(await ok(dispatch, 'staff.restart')).toEqual({ restarting: true });
      await expect.poll(() => host.restarts).toBe(2);
      await ok(dispatch, 'staff.login', { staffNumber: '1001', pin: '123456' });
      expect(await ok(dispatch, 'staff.exit')).toEqual({ exiting: true });
      await expect.poll(() => exits).toBe(1);
      const actions = (await auditTrail(dispatch)).slice(0, 4).map((entry) => entry.event.action);
      expect(actions).toEqual(['kiosk.exit', 'staff.login', 'kiosk.restart', 'staff.login']);
    } finally {
      await host.close();
    }
  });

  it('a bare core without a host saves settings but says it cannot restart by itself', async () => {
    const { dispatch, services } = fixture.core;
    await ok(dispatch, 'staff.login', { staffNumber: '1001', pin: '123456' });
    const current = await ok<{ values: Record<string, unknown> }>(dispatch, 'staff.settings.get');
    const saved = await ok(dispatch, 'staff.settings.save', { ...current.values, printerWidthMm: 58 });
    expect(saved).toEqual({ changed: ['printerWidthMm'], restarting: false });
    expect(JSON.parse(fs.readFileSync(services.configFile, 'utf8'))).toMatchObject({ printer: { widthMm: 58 } });
    expect(await refusal(dispatch, 'staff.settings.save', { ...current.values, printerWidthMm: 60 })).toMatchObject({
      fields: { printerWidthMm: { key: 'staff.settings.errors.printerWidthMm' } },
    });
    await ok(dispatch, 'staff.logout');
  });
});
