// Receipts through the kiosk core: the documents are built from the billing centre's data and
// this visit's submissions, previewed line for line as printed, and printed over TCP to the
// printer emulator; printer trouble leaves the operation standing and the job in the journal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCoreFixture, type CoreFixture } from '../support/kiosk-core-fixture';
import { PrinterEmulator } from '../support/printer-emulator';
import { russianText } from '../../src-main/core/messages/message-test-kit';
import type { Message } from '../../src-main/core/messages/messages';
import { DEMO } from '../support/demo-accounts';

let fixture: CoreFixture;
let emulator: PrinterEmulator;

beforeAll(async () => {
  emulator = new PrinterEmulator('epson');
  const printer = await emulator.start();
  fixture = await startCoreFixture({ printer: { interface: printer, widthMm: 58, timeoutMs: 500 } });
});

afterAll(async () => {
  await fixture?.close();
  await emulator?.stop();
});

async function call(method: string, input: unknown) {
  const result = await fixture.core.dispatch(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message.key}`);
  return result.value as Record<string, unknown>;
}

describe('printing documents from the core', () => {
  it('a customer must be logged in', async () => {
    const result = await fixture.core.dispatch('print.preview', { document: { type: 'payment-slip', amountKopecks: 100 } });
    expect(result.ok ? null : result.error.code).toBe('not-logged-in');
  });

  it('previews and prints a payment slip whose decoded bytes match the preview, with the QR for the chosen sum', async () => {
    await call('session.login', { accountNumber: DEMO.owesMoney.accountNumber, password: 'demo1234' });
    const document = { type: 'payment-slip', amountKopecks: 150_050 };
    const preview = (await call('print.preview', { document })) as { columns: number; lines: string[]; qrPayloads: string[] };
    expect(preview.columns).toBe(32);
    expect(preview.lines.join('\n')).toContain('1 500,50 руб.');
    expect(preview.lines.join('\n')).toContain(DEMO.owesMoney.accountNumber);
    expect(preview.qrPayloads[0]).toMatch(/^ST00012\|Name=.*\|Sum=150050(\||$)/);

    const outcome = await call('print.document', { document });
    expect(outcome).toMatchObject({ status: 'printed', message: null });
    await expect.poll(() => emulator.printed().length).toBe(1);
    const printed = emulator.printed()[0];
    expect(printed?.lines).toEqual(preview.lines.map((line) => (line === '[QR]' ? '' : line.trim())));
    expect(printed?.qrPayloads).toEqual(preview.qrPayloads);
  });

  it('refuses a zero amount with a clear message', async () => {
    const result = await fixture.core.dispatch('print.document', { document: { type: 'payment-slip', amountKopecks: 0 } });
    expect(result.ok ? null : result.error.message).toEqual({ key: 'pay.errors.notPositive' });
  });

  it('paper out: a clear message, the journal keeps the job, and the customer can print again once it is fixed', async () => {
    emulator.state = 'paper-out';
    const outcome = await call('print.document', { document: { type: 'statement', from: '2026-08', to: '2026-10' } });
    expect(outcome.status).toBe('failed');
    expect(outcome.message).toEqual({ key: 'print.problems.failed', values: { state: 'paperOut' } });
    expect(russianText(outcome.message as Message)).toMatch(/^В принтере закончилась бумага\. Операция при этом выполнена\./);
    expect(fixture.core.services.printing.journal().find((job) => job.id === outcome.jobId)?.status).toBe('failed');

    emulator.state = 'ready';
    const before = emulator.printed().length;
    const retried = await call('print.retry', { jobId: outcome.jobId });
    expect(retried.status).toBe('printed');
    await expect.poll(() => emulator.printed().length).toBe(before + 1);
    expect(emulator.printed()[before]?.lines.join(' ')).toContain('Начисления и платежи');
  });

  it('prints the appeal ticket with its number and topic', async () => {
    const submitted = await call('appeals.submit', {
      topicId: 'heating-quality',
      text: 'В квартире холодно, батареи еле тёплые.',
      answerTo: 'profile',
    });
    expect(submitted.delivery).toBe('delivered');
    const before = emulator.printed().length;
    const outcome = await call('print.document', { document: { type: 'appeal-ticket', localReference: submitted.localReference } });
    expect(outcome.status).toBe('printed');
    await expect.poll(() => emulator.printed().length).toBe(before + 1);
    const text = emulator.printed()[before]?.lines.join('\n') ?? '';
    expect(text).toContain('Обращение');
    expect(text).toContain(String(submitted.appealNumber));
    expect(text).toContain('Качество отопления');
  });

  it('a receipt of another visit cannot be printed, and logout forgets unprinted receipts', async () => {
    emulator.state = 'paper-out';
    const failed = await call('print.document', { document: { type: 'statement', from: '2026-10', to: '2026-10' } });
    emulator.state = 'ready';
    await call('session.logout', {});
    expect(fixture.core.services.printing.journal().find((job) => job.id === failed.jobId)?.reprintable).toBe(false);
    await call('session.login', { accountNumber: DEMO.paidInAdvance.accountNumber, password: 'demo1234' });
    const other = await fixture.core.dispatch('print.retry', { jobId: failed.jobId as number });
    expect(other.ok ? null : other.error.code).toBe('not-found');
    const stranger = await fixture.core.dispatch('print.preview', {
      document: { type: 'readings-confirmation', localReference: 'UIS-TRAINING-01-000001' },
    });
    expect(stranger.ok ? null : stranger.error.code).toBe('not-found');
  });
});
