// Receipts through the kiosk core: the documents are built from the billing centre's data and
// this visit's submissions, previewed line for line as printed (on screen the account number
// masked, on paper whole), and printed over TCP to the
// printer emulator; printer trouble leaves the operation standing and the job in the journal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCoreFixture, type CoreFixture } from '../support/kiosk-core-fixture';
import { PrinterEmulator } from '../support/printer-emulator';
import { russianText } from '../../src-main/core/messages/message-test-kit';
import { maskAccountNumber, maskAccountNumberIn } from '../../src-main/core/security/account-number-mask';
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
    // On screen the account number is masked; the paper and its QR code carry it whole.
    const account = DEMO.owesMoney.accountNumber;
    expect(preview.lines.join('\n')).toContain(maskAccountNumber(account));
    expect(preview.lines.join('\n')).not.toContain(account);
    expect(preview.qrPayloads[0]).toMatch(/^ST00012\|Name=.*\|Sum=150050(\||$)/);

    const outcome = await call('print.document', { document });
    expect(outcome).toMatchObject({ status: 'printed', message: null });
    await expect.poll(() => emulator.printed().length).toBe(1);
    const printed = emulator.printed()[0];
    expect(printed?.lines.join('\n')).toContain(account);
    expect(printed?.lines.map((line) => maskAccountNumberIn(line, account))).toEqual(
      preview.lines.map((line) => (line === '[QR]' ? '' : line.trim())),
    );
    expect(printed?.qrPayloads).toEqual(preview.qrPayloads);
    expect(printed?.qrPayloads[0]).toContain(`PersAcc=${account}`);
  });

  it('refuses a zero amount with a clear message', async () => {
    const result = await fixture.core.dispatch('print.document', { document: { type: 'payment-slip', amountKopecks: 0 } });
    expect(result.ok ? null : result.error.message).toEqual({ key: 'pay.errors.notPositive' });
  });

  it('paper out: a clear message, the journal keeps the job, and the customer can print again once it is fixed', async () => {
    emulator.state = 'paper-out';
    const outcome = await call('print.document', { document: { type: 'statement', from: '2026-08', to: '2026-10' } });
    expect(outcome.status).toBe('failed');
    expect(outcome.message).toEqual({ key: 'print.problems.failed', values: { state: 'paperOut', document: 'statement' } });
    expect(russianText(outcome.message as Message)).toMatch(
      /^В принтере закончилась бумага\. Выписка не напечатана\. Её можно посмотреть на экране/,
    );
    expect(fixture.core.services.printing.journal().find((job) => job.id === outcome.jobId)?.status).toBe('failed');

    emulator.state = 'ready';
    const before = emulator.printed().length;
    const retried = await call('print.retry', { jobId: outcome.jobId });
    expect(retried.status).toBe('printed');
    await expect.poll(() => emulator.printed().length).toBe(before + 1);
    // The first paper there is: a retry is no copy.
    expect(emulator.printed()[before]?.lines[0]).toBe('Начисления и');
    expect(emulator.printed()[before]?.lines.join(' ')).not.toContain('КОПИЯ');
  });

  it('prints a statement in compact form, one line a month', async () => {
    const period = { type: 'statement', from: '2025-11', to: '2026-10' };
    const full = (await call('print.preview', { document: period })) as { lines: string[]; paperMm: number };
    const compact = (await call('print.preview', { document: { ...period, form: 'compact' } })) as { lines: string[]; paperMm: number };
    expect(compact.lines.length).toBe(full.lines.length - 12 * 3 + 3);
    expect(compact.paperMm).toBeLessThan(full.paperMm);
    const refused = await fixture.core.dispatch('print.preview', { document: { ...period, form: 'tiny' } });
    expect(refused.ok ? null : refused.error.code).toBe('invalid-input');
  });

  it('a staff reprint of a printed statement says «КОПИЯ» with both Ufa times; the rest is the original', async () => {
    const original = await call('print.document', { document: { type: 'statement', from: '2026-08', to: '2026-10' } });
    expect(original.status).toBe('printed');
    await expect.poll(() => emulator.printed().length).toBeGreaterThan(0);
    const originalPaper = emulator.printed().at(-1)?.lines ?? [];
    expect(originalPaper.join(' ')).not.toContain('КОПИЯ');

    await call('staff.login', { staffNumber: '1001', pin: '123456' });
    const before = emulator.printed().length;
    const copy = await call('staff.print.reprint', { jobId: original.jobId });
    expect(copy.status).toBe('printed');
    await expect.poll(() => emulator.printed().length).toBe(before + 1);
    const copyPaper = emulator.printed()[before];
    expect(copyPaper?.styledLines[0]).toEqual({ text: 'КОПИЯ', bold: true, large: true });
    const rule = copyPaper?.lines.indexOf('-'.repeat(32)) ?? -1;
    const header = copyPaper?.lines.slice(0, rule).join(' ') ?? '';
    expect(header).toMatch(/Напечатано впервые: \d\d\.\d\d\.\d{4} \d\d:\d\d \(время уфимское\)/);
    expect(header).toMatch(/Копия напечатана: \d\d\.\d\d\.\d{4} \d\d:\d\d \(время уфимское\)/);
    expect(copyPaper?.lines.slice(rule + 1)).toEqual(originalPaper);
    await call('staff.logout', {});
    await call('session.login', { accountNumber: DEMO.owesMoney.accountNumber, password: 'demo1234' });
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
