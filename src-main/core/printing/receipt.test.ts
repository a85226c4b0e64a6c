import { describe, expect, it } from 'vitest';
import { decodeEscPos } from '../../../tests/support/printer-emulator';
import { printableText } from './code-page-text';
import { encodeReceipt } from './escpos-encoder';
import { parseRealTimeStatus, parseStarAutomaticStatus, starStatusFrameLength, starStatusLength } from './printer-transport';
import { fitQr, printableDots, qrModules } from './qr-fit';
import { columnsFor, formatRubles, layoutReceipt, printable, receiptText, wrap, type Receipt } from './receipt';

const QR =
  'ST00012|Name=МУП «УИС»|PersonalAcc=40702810206000012345|BankName=ПАО СБЕРБАНК|BIC=048073601|CorrespAcc=30101810300000000601|Sum=123241';

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

/** A full GOST R 56042 payment payload of about 470 bytes, as the payment slip prints it. */
const FULL_QR = [
  'ST00012',
  'Name=Муниципальное унитарное предприятие «Уфимские инженерные сети» городского округа город Уфа',
  'PersonalAcc=40702810206000012345',
  'BankName=ПАО СБЕРБАНК',
  'BIC=048073601',
  'CorrespAcc=30101810300000000601',
  'PayeeINN=0276000000',
  'KPP=027601001',
  'Sum=123241',
  'PersAcc=820000001',
  'PaymPeriod=10.2026',
  'LastName=Иванова',
  'Purpose=Оплата за отопление и горячее водоснабжение',
  'PayerAddress=г. Уфа, ул. Ленина, д. 1, кв. 1',
].join('|');

describe('receipt layout', () => {
  it('fits 32 columns on 58 mm paper and 48 on 80 mm', () => {
    for (const width of [58, 80] as const) {
      const columns = columnsFor(width);
      for (const line of receiptText(layoutReceipt(receipt, columns), columns)) expect(line.length).toBeLessThanOrEqual(columns);
    }
    const total = 'К оплате'.padEnd(48 - '1 232,41 руб.'.length) + '1 232,41 руб.';
    expect(receiptText(layoutReceipt(receipt, 48), 48)).toContain(total);
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

describe('characters a code page lacks', () => {
  it('are spelled plainly, never "?": in both code pages when none is given', () => {
    expect(printable('«Ёлка» — 100 ₽…')).toBe('"Ёлка" - 100 руб....');
    expect(printable('9,236 м³ · № 12\u00a0345')).toBe('9,236 м3 · № 12 345');
    expect(printable('Башҡортостан, Өфө, Һәйбәт')).toBe('Башкортостан, Офо, Хайбат');
    expect(printable('Café ½ 😀')).toBe('Cafe 1/2 ');
  });

  it('keep what the configured code page has: WPC1251 has «», № and dashes, CP866 has №', () => {
    expect(printableText('«Ёлка» — № 5', 'wpc1251')).toBe('«Ёлка» — № 5');
    expect(printableText('«Ёлка» — № 5', 'cp866')).toBe('"Ёлка" - № 5');
    expect(printableText('м³ ₽', 'wpc1251')).toBe('м3 руб.');
  });

  it('print and preview the same, with no "?" on either code page', () => {
    const readings: Receipt = { kind: 'readings-confirmation', blocks: [{ kind: 'pair', label: 'Расход', value: '9,236 м³' }] };
    for (const commandSet of ['epson', 'star'] as const) {
      for (const codePage of ['cp866', 'wpc1251'] as const) {
        const lines = layoutReceipt(readings, 48);
        const decoded = decodeEscPos(encodeReceipt(lines, { commandSet, codePage, columns: 48 }), commandSet);
        expect(decoded.lines).toEqual(receiptText(lines, 48));
        expect(decoded.lines[0]).toMatch(/9,236 м3$/);
        expect(decoded.lines.join('')).not.toContain('?');
      }
    }
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

    it(`${commandSet}: the title is bold and double size, the rest of the text normal`, () => {
      const lines = layoutReceipt(receipt, 48);
      const decoded = decodeEscPos(encodeReceipt(lines, { commandSet, codePage: 'cp866', columns: 48 }), commandSet);
      expect(decoded.styledLines[0]).toEqual({ text: 'Квитанция на оплату', bold: true, large: true });
      expect(decoded.styledLines.find((line) => line.text.startsWith('Лицевой счёт'))).toMatchObject({ bold: false, large: false });
      expect(decoded.styledLines.find((line) => line.text.startsWith('К оплате'))).toMatchObject({ bold: true, large: false });
    });
  }

  it('never lets text smuggle printer commands: control bytes are left out', () => {
    const hostile: Receipt = { kind: 'appeal-ticket', blocks: [{ kind: 'text', text: 'Тема: \u001b@\u001dV\u0000<script>\u0007' }] };
    const lines = layoutReceipt(hostile, 48);
    expect(lines).toEqual([{ kind: 'text', text: 'Тема: @V<script>', align: 'left', bold: false, large: false }]);
    const decoded = decodeEscPos(encodeReceipt(lines, { commandSet: 'epson', codePage: 'cp866', columns: 48 }), 'epson');
    expect(decoded.cuts).toBe(1);
    expect(decoded.lines[0]).toBe('Тема: @V<script>');
  });

  it('writes the QR length in bytes, not characters (Cyrillic is 2 bytes in UTF-8)', () => {
    const bytes = encodeReceipt([{ kind: 'qr', payload: 'ST00012|Name=Ё', moduleSize: 6 }], {
      commandSet: 'epson',
      codePage: 'cp866',
      columns: 48,
    });
    const store = bytes.indexOf(Buffer.from([0x31, 0x50, 0x30]));
    expect(bytes[store - 2]).toBe(Buffer.byteLength('ST00012|Name=Ё') + 3);
  });
});

describe('QR size', () => {
  it('a full payment payload fits 58 mm paper with smaller modules, and 80 mm with the usual 6 dots', () => {
    expect(Buffer.byteLength(FULL_QR)).toBeGreaterThan(400);
    const modules = qrModules(FULL_QR);
    expect(modules * 6).toBeGreaterThan(printableDots(32));
    for (const columns of [32, 48]) {
      const fit = fitQr(FULL_QR, columns);
      expect(fit).toMatchObject({ fits: true, payload: FULL_QR, shortened: [] });
      if (!fit.fits) continue;
      expect(fit.moduleSize * fit.modules).toBeLessThanOrEqual(printableDots(columns));
      expect(fit.moduleSize).toBeGreaterThanOrEqual(3);
    }
    expect(fitQr(FULL_QR, 48)).toMatchObject({ moduleSize: 6 });
  });

  it('the encoder tells the printer the module size that fits, on both command sets', () => {
    for (const commandSet of ['epson', 'star'] as const) {
      const lines = layoutReceipt({ kind: 'payment-slip', blocks: [{ kind: 'qr', payload: FULL_QR }] }, 32);
      const [symbol] = decodeEscPos(encodeReceipt(lines, { commandSet, codePage: 'cp866', columns: 32 }), commandSet).qrSymbols;
      expect(symbol?.payload).toBe(FULL_QR);
      expect(symbol?.errorCorrection).toBe('M');
      expect((symbol?.moduleSize ?? 99) * (symbol?.modules ?? 99)).toBeLessThanOrEqual(384);
    }
  });

  it('shortens the payer address, then the purpose, when a payload does not fit even at 3 dots, and says so', () => {
    const long = `${FULL_QR.replace(/\|PayerAddress=.*$/, '')}|Purpose=${'Оплата '.repeat(30).trim()}|PayerAddress=${'Уфа, '.repeat(40).trim()}`;
    const cleaned = long.replace(/\|Purpose=Оплата за отопление и горячее водоснабжение/, '');
    const fit = fitQr(cleaned, 32);
    expect(fit.fits).toBe(true);
    if (!fit.fits) return;
    expect(fit.shortened[0]).toBe('payer-address-removed');
    expect(fit.payload).not.toContain('PayerAddress=');
    expect(fit.payload).toContain('Sum=123241');
    expect(fit.moduleSize * fit.modules).toBeLessThanOrEqual(384);
    const text = receiptText(layoutReceipt({ kind: 'payment-slip', blocks: [{ kind: 'qr', payload: cleaned }] }, 32), 32)
      .map((line) => line.trim())
      .join(' ');
    expect(text).toContain('без адреса плательщика');
  });

  it('says plainly when a QR code cannot fit at all', () => {
    const huge = `ST00012|Name=${'Я'.repeat(1400)}|Sum=1`;
    expect(fitQr(huge, 32).fits).toBe(false);
    const lines = layoutReceipt({ kind: 'payment-slip', blocks: [{ kind: 'qr', payload: huge }] }, 32);
    expect(lines.some((line) => line.kind === 'qr')).toBe(false);
    expect(
      receiptText(lines, 32)
        .map((line) => line.trim())
        .join(' '),
    ).toContain('QR-код не помещается на бумагу');
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

describe('Star automatic status (ESC ACK SOH)', () => {
  it('reads the byte count from header 1', () => {
    expect(starStatusLength(0x0f)).toBe(7);
    expect(starStatusLength(0x23)).toBe(9);
    expect(starStatusLength(0x12)).toBeNull(); // an ESC/POS or EOT status byte, not a header 1
  });

  it('knows where a status ends, with or without the LAN length', () => {
    expect(starStatusFrameLength([0x0f])).toBeNull();
    expect(starStatusFrameLength([0x0f, 0x02])).toBe(7);
    expect(starStatusFrameLength([0x23, 0x86, 0, 0, 0, 0, 0, 0, 0])).toBeNull();
    expect(starStatusFrameLength([0x23, 0x86, 0, 0, 0, 0, 0, 0, 0, 0x00, 0x00])).toBe(11);
    expect(() => starStatusFrameLength([0x12, 0x12])).toThrow();
  });

  it('reads paper out, cover open, offline, errors and paper near end', () => {
    const status = (status1: number, status2: number, status4: number) => [0x0f, 0x02, status1, status2, 0, status4, 0];
    expect(parseStarAutomaticStatus(status(0, 0, 0))).toEqual({ state: 'ready', paperNearEnd: false });
    expect(parseStarAutomaticStatus(status(0, 0, 0x04))).toEqual({ state: 'ready', paperNearEnd: true });
    expect(parseStarAutomaticStatus(status(0x08, 0, 0x0c)).state).toBe('paper-out');
    expect(parseStarAutomaticStatus(status(0x28, 0, 0)).state).toBe('cover-open');
    expect(parseStarAutomaticStatus(status(0x08, 0, 0)).state).toBe('offline');
    expect(parseStarAutomaticStatus(status(0, 0x08, 0)).state).toBe('offline'); // auto-cutter error
  });
});
