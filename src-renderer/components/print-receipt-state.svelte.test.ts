import { afterEach, describe, expect, it, vi } from 'vitest';
import { bridgeAnswering } from '../../tests/support/kiosk-bridge-stub';
import { LONG_RECEIPT_LINES, PrintReceiptState, type PrintableDocument } from './print-receipt-state.svelte';

const slip: PrintableDocument = { type: 'payment-slip', amountKopecks: 50_000 };
const preview = (lines: number) => ({
  ok: true as const,
  value: { columns: 32, lines: Array.from({ length: lines }, (_, index) => `line ${index}`), qrPayloads: [], paperMm: lines * 4 },
});
const outcome = (status: 'printed' | 'failed', jobId = 7) => ({
  ok: true as const,
  value: { jobId, status, printerState: status === 'printed' ? 'ready' : 'paper-out', message: null },
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('PrintReceiptState', () => {
  it('prints at one tap, and shows the lines printed beside whether they came out', async () => {
    const calls = bridgeAnswering({ 'print.preview': preview(12), 'print.document': outcome('printed') });
    const receipt = new PrintReceiptState();
    await receipt.print(slip);
    expect(calls.map((call) => call.method).sort()).toEqual(['print.document', 'print.preview']);
    expect(calls.every((call) => JSON.stringify(call.input) === JSON.stringify({ document: slip }))).toBe(true);
    expect(receipt.shown).toBe(true);
    expect(receipt.preview?.lines).toHaveLength(12);
    expect(receipt.outcome?.status).toBe('printed');
    expect(receipt.failed).toBe(false);
    receipt.close();
    expect([receipt.shown, receipt.preview, receipt.outcome]).toEqual([false, null, null]);
  });

  it('after printer trouble, tries the same job again rather than printing a second one', async () => {
    const calls = bridgeAnswering({
      'print.preview': preview(12),
      'print.document': outcome('failed', 41),
      'print.retry': outcome('printed', 41),
    });
    const receipt = new PrintReceiptState();
    await receipt.print(slip);
    expect(receipt.failed).toBe(true);
    await receipt.retry();
    expect(calls.filter((call) => call.method === 'print.document')).toHaveLength(1);
    expect(calls.at(-1)).toEqual({ method: 'print.retry', input: { jobId: 41 } });
    expect(receipt.outcome?.status).toBe('printed');
  });

  it('measures a document without printing it: long enough, the compact form is offered', async () => {
    const calls = bridgeAnswering({ 'print.preview': preview(LONG_RECEIPT_LINES + 1) });
    const receipt = new PrintReceiptState();
    await receipt.measure(slip);
    expect(calls.map((call) => call.method)).toEqual(['print.preview']);
    expect(receipt.length).toEqual({ lines: LONG_RECEIPT_LINES + 1, metres: ((LONG_RECEIPT_LINES + 1) * 4) / 1000 });
    expect(receipt.long).toBe(true);
    expect(receipt.shown).toBe(false);

    bridgeAnswering({ 'print.preview': preview(LONG_RECEIPT_LINES) });
    await receipt.measure(slip);
    expect(receipt.long).toBe(false);
  });
});
