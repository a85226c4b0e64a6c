import { describe, expect, it } from 'vitest';
import { decodeEscPos } from '../../../tests/support/printer-emulator';
import { encodeReceipt } from './escpos-encoder';
import { parseRealTimeStatus } from './printer-transport';
import { columnsFor, formatRubles, layoutReceipt, printable, receiptText, wrap, type Receipt } from './receipt';

const QR =
  'ST00012|Name=МУП «УИС»|PersonalAcc=40702810406000012345|BankName=ПАО СБЕРБАНК|BIC=048073601|CorrespAcc=30101810300000000601|Sum=123241';

const receipt: Receipt = {
  kind: 'payment-slip',
  blocks: [
    { kind: 'title', text: 'Квитанция на оплату' },
    { kind: 'text', text: 'МУП «Уфимские инженерные сети» — отопление и горячая вода', align: 'center' },
    { kind: 'rule' },
    { kind: 'pair', label: 'Лицевой счёт', value: '820000001' },
    { kind: 'pair', label: 'К оплате', value: formatRubles(123241), bold: true },
    { kind: 'qr', payload: QR, caption: 'Оплатите по QR-коду в приложении банка' },
  ],
};

describe('receipt layout', () => {
  it('fits 32 columns on 58 mm paper and 48 on 80 mm', () => {
    for (const width of [58, 80] as const) {
      const columns = columnsFor(width);
      for (const line of receiptText(layoutReceipt(receipt, columns), columns)) expect(line.length).toBeLessThanOrEqual(columns);
    }
    const total = 'К оплате'.padEnd(48 - '1 232,41 руб.'.length) + '1 232,41 руб.';
    expect(receiptText(layoutReceipt(receipt, 48), 48)).toContain(total);
  });

  it('replaces what a Cyrillic code page cannot print', () => {
    expect(printable('«Ёлка» — 100 ₽…')).toBe('"Ёлка" - 100 руб....');
    expect(printable('Башҡорт 😀')).toBe('Баш?орт ?');
  });

  it('wraps words and cuts only words longer than a line', () => {
    expect(wrap('Оплата за отопление и ГВС', 10)).toEqual(['Оплата за', 'отопление', 'и ГВС']);
    expect(wrap('абвгдежзийклм', 5)).toEqual(['абвгд', 'ежзий', 'клм']);
  });

  it('formats money the Russian way', () => {
    expect(formatRubles(123241)).toBe('1 232,41 руб.');
    expect(formatRubles(-5)).toBe('-0,05 руб.');
  });
});

describe('ESC/POS bytes', () => {
  for (const commandSet of ['epson', 'star'] as const) {
    for (const codePage of ['cp866', 'wpc1251'] as const) {
      it(`${commandSet} with ${codePage}: decodes back to the same Russian text, QR payload and one cut`, () => {
        const lines = layoutReceipt(receipt, 48);
        const decoded = decodeEscPos(encodeReceipt(lines, { commandSet, codePage, columns: 48 }), commandSet);
        expect(decoded.codePages).toEqual([codePage === 'cp866' ? 'cp866' : 'win1251']);
        expect(decoded.lines).toEqual(lines.map((line) => (line.kind === 'text' ? line.text : '')));
        expect(decoded.qrPayloads).toEqual([QR]);
        expect(decoded.cuts).toBe(1);
      });
    }
  }

  it('never lets text smuggle printer commands: control bytes become "?"', () => {
    const hostile: Receipt = { kind: 'appeal-ticket', blocks: [{ kind: 'text', text: 'Тема: \u001b@\u001dV\u0000<script>\u0007' }] };
    const lines = layoutReceipt(hostile, 48);
    expect(lines).toEqual([{ kind: 'text', text: 'Тема: ?@?V?<script>?', align: 'left', bold: false, large: false }]);
    const decoded = decodeEscPos(encodeReceipt(lines, { commandSet: 'epson', codePage: 'cp866', columns: 48 }), 'epson');
    expect(decoded.cuts).toBe(1);
    expect(decoded.lines[0]).toBe('Тема: ?@?V?<script>?');
  });

  it('writes the QR length in bytes, not characters (Cyrillic is 2 bytes in UTF-8)', () => {
    const bytes = encodeReceipt([{ kind: 'qr', payload: 'ST00012|Name=Ё' }], { commandSet: 'epson', codePage: 'cp866', columns: 48 });
    const store = bytes.indexOf(Buffer.from([0x31, 0x50, 0x30]));
    expect(bytes[store - 2]).toBe(Buffer.byteLength('ST00012|Name=Ё') + 3);
  });
});

describe('real-time status (DLE EOT)', () => {
  it('reads paper out, cover open, offline and paper near end', () => {
    expect(parseRealTimeStatus(0x12, 0x12, 0x12)).toEqual({ state: 'ready', paperNearEnd: false });
    expect(parseRealTimeStatus(0x12, 0x12, 0x1e)).toEqual({ state: 'ready', paperNearEnd: true });
    expect(parseRealTimeStatus(0x1a, 0x32, 0x72).state).toBe('paper-out');
    expect(parseRealTimeStatus(0x1a, 0x16, 0x12).state).toBe('cover-open');
    expect(parseRealTimeStatus(0x1a, 0x12, 0x12).state).toBe('offline');
  });
});
