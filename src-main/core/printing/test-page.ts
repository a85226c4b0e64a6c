// The staff test page: the printer's settings, Russian sample lines in the configured code page
// (garbage here means the code page setting is wrong for this model), a QR code and a ruler that
// shows whether the paper width setting matches the paper.
import type { Receipt } from './receipt';

export interface TestPageSettings {
  printerDescription: string;
  commandSet: string;
  codePage: string;
  widthMm: number;
  columns: number;
  terminalId: string;
  printedAt: string;
}

export function testPageReceipt(settings: TestPageSettings): Receipt {
  const ruler = Array.from({ length: settings.columns }, (_, index) => String((index + 1) % 10)).join('');
  return {
    kind: 'test-page',
    blocks: [
      { kind: 'title', text: 'Тестовая страница' },
      { kind: 'pair', label: 'Терминал', value: settings.terminalId },
      { kind: 'pair', label: 'Принтер', value: settings.printerDescription },
      { kind: 'pair', label: 'Система команд', value: settings.commandSet === 'star' ? 'Star' : 'Epson ESC/POS' },
      { kind: 'pair', label: 'Кодовая страница', value: settings.codePage === 'cp866' ? 'CP866' : 'WPC1251' },
      { kind: 'pair', label: 'Ширина бумаги', value: `${settings.widthMm} мм, ${settings.columns} зн.` },
      { kind: 'pair', label: 'Напечатано', value: settings.printedAt },
      { kind: 'rule' },
      { kind: 'text', text: 'Съешь же ещё этих мягких французских булок, да выпей чаю.' },
      { kind: 'text', text: 'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ' },
      { kind: 'text', text: 'абвгдеёжзийклмнопрстуфхцчшщъыьэюя № 0123456789' },
      // Characters a code page may lack, spelled plainly where it does (м3, руб., "", -), never "?".
      { kind: 'text', text: 'Замены: 12 м³ · 100 ₽ · «кавычки» — тире' },
      { kind: 'rule' },
      { kind: 'text', text: 'Линейка ширины: последняя цифра у правого края бумаги' },
      { kind: 'text', text: ruler },
      { kind: 'qr', payload: 'ST00012|Name=Проверка печати QR-кода', caption: 'QR-код должен читаться камерой телефона' },
    ],
  };
}
