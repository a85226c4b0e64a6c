// How large a QR code's modules can be on this paper. A symbol's size in modules follows from its
// version, which follows from the payload's length (a full GOST R 56042 payment payload of ~470
// bytes needs version 16–17, 81–85 modules); at a fixed 6 dots per module that is over 480 dots,
// wider than the 384 printable dots of 58 mm paper, and the printer then prints nothing at all.
// So the module size is computed: as large as fits (up to 6 dots, which phones read easily), never
// below 3 dots (0.375 mm at 203 dpi, the smallest a phone camera reads reliably). The quiet zone
// of 4 modules is the paper's unprinted margin (≥ 4 mm each side, ≥ 4 × 6 dots at 8 dots/mm).
// When even 3 dots do not fit, the optional fields GOST R 56042 allows to leave out are shortened
// (the payer's address first, then the purpose), and the receipt says so.
import iconv from 'iconv-lite';
import QRCode from 'qrcode';

/** Printer font A is 12 dots wide: 32 columns are the 384 printable dots of 58 mm paper, 48 the 576 of 80 mm. */
const DOTS_PER_COLUMN = 12;
const LARGEST_MODULE_DOTS = 6;
const SMALLEST_MODULE_DOTS = 3;
/** GOST R 56042's usual error correction level; the encoder tells the printer the same. */
const QR_ERROR_CORRECTION = 'M';

export function printableDots(columns: number): number {
  return columns * DOTS_PER_COLUMN;
}

/** The bytes a QR payload is stored as: windows-1251 when its GOST header says so (`ST00011`), else UTF-8. */
export function qrPayloadBytes(payload: string): Buffer {
  return payload.startsWith('ST00011') ? iconv.encode(payload, 'win1251') : Buffer.from(payload, 'utf8');
}

/** Modules per side of the symbol that holds `payload` in byte mode at level M (byte mode is the largest a printer chooses). */
export function qrModules(payload: string): number {
  return QRCode.create([{ data: qrPayloadBytes(payload), mode: 'byte' }], { errorCorrectionLevel: QR_ERROR_CORRECTION }).modules.size;
}

export type QrFit =
  | { fits: true; payload: string; moduleSize: number; modules: number; shortened: ShortenedField[] }
  | { fits: false; shortened: ShortenedField[] };

/** What was taken out of a GOST payload to make it fit. */
export type ShortenedField = 'payer-address-removed' | 'purpose-cut' | 'purpose-removed';

/** The largest module size at which the symbol fits `columns`, or null below the smallest readable one. */
function moduleSizeFor(payload: string, columns: number): { moduleSize: number; modules: number } | null {
  let modules: number;
  try {
    modules = qrModules(payload);
  } catch {
    return null; // longer than a version 40 symbol holds
  }
  const moduleSize = Math.min(LARGEST_MODULE_DOTS, Math.floor(printableDots(columns) / modules));
  return moduleSize >= SMALLEST_MODULE_DOTS ? { moduleSize, modules } : null;
}

/** Purpose cut to this many characters before it is left out entirely. */
const SHORT_PURPOSE = 60;

/**
 * Fits a payload to the paper, shortening GOST R 56042's optional fields if it must: first without
 * the payer's address, then with the purpose cut short, then without the purpose. Other payloads
 * (not GOST) are never changed.
 */
export function fitQr(payload: string, columns: number): QrFit {
  const steps: Array<{ payload: string; shortened: ShortenedField[] }> = [{ payload, shortened: [] }];
  const gost = /^ST0001[123]/.test(payload) && payload.length > 7;
  if (gost) {
    const withoutAddress = withoutField(payload, 'PayerAddress');
    const address: ShortenedField[] = withoutAddress === payload ? [] : ['payer-address-removed'];
    const purpose = fieldValue(payload, 'Purpose');
    steps.push({ payload: withoutAddress, shortened: address });
    if (purpose !== null && purpose.length > SHORT_PURPOSE) {
      steps.push({
        payload: withField(withoutAddress, 'Purpose', `${purpose.slice(0, SHORT_PURPOSE - 3)}...`),
        shortened: [...address, 'purpose-cut'],
      });
    }
    if (purpose !== null) steps.push({ payload: withoutField(withoutAddress, 'Purpose'), shortened: [...address, 'purpose-removed'] });
  }
  for (const step of steps) {
    const size = moduleSizeFor(step.payload, columns);
    if (size) return { fits: true, payload: step.payload, ...size, shortened: step.shortened };
  }
  return { fits: false, shortened: [] };
}

function fields(payload: string): { header: string; separator: string; parts: string[] } {
  const separator = payload.charAt(7);
  const [header = '', ...parts] = payload.split(separator);
  return { header, separator, parts };
}

function fieldValue(payload: string, name: string): string | null {
  const part = fields(payload).parts.find((candidate) => candidate.startsWith(`${name}=`));
  return part === undefined ? null : part.slice(name.length + 1);
}

function withoutField(payload: string, name: string): string {
  const { header, separator, parts } = fields(payload);
  return [header, ...parts.filter((part) => !part.startsWith(`${name}=`))].join(separator);
}

function withField(payload: string, name: string, value: string): string {
  const { header, separator, parts } = fields(payload);
  return [header, ...parts.map((part) => (part.startsWith(`${name}=`) ? `${name}=${value}` : part))].join(separator);
}
