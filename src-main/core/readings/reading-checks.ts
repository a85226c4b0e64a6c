// The checks a reading passes before it is queued for the billing centre, each with the message a
// customer reads: not a number, too many digits, lower than the previous reading, far above the
// usual consumption (asks to confirm), an expired verification (explained).

export interface MeterForCheck {
  meterId: string;
  /** How many whole digits the meter's counter has. */
  maxDigits: number;
  /** Decimal places the meter shows (readings may carry up to this many). */
  decimals: number;
  previousValue: number | null;
  /** Average monthly consumption of this meter, if the history allows one. */
  averageMonthlyConsumption: number | null;
  verificationDueOn: string;
}

export type ReadingProblem =
  | { kind: 'not-a-number'; message: string }
  | { kind: 'too-many-digits'; message: string }
  | { kind: 'lower-than-previous'; message: string }
  | { kind: 'verification-expired'; message: string };

export interface ReadingCheck {
  meterId: string;
  value: number | null;
  consumption: number | null;
  problems: ReadingProblem[];
  /** Set when consumption is far above the usual: the customer must confirm it. */
  highConsumption: { message: string; ratio: number } | null;
}

/** How many times the usual monthly consumption counts as "far above". */
export const HIGH_CONSUMPTION_RATIO = 3;

export function checkReading(meter: MeterForCheck, text: string, today: string): ReadingCheck {
  const result: ReadingCheck = { meterId: meter.meterId, value: null, consumption: null, problems: [], highConsumption: null };
  const normalized = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(normalized)) {
    result.problems.push({ kind: 'not-a-number', message: 'Введите показание цифрами, например 01234,567.' });
    return result;
  }
  const [whole = '', fraction = ''] = normalized.split('.');
  if (whole.replace(/^0+(?=\d)/, '').length > meter.maxDigits || fraction.length > meter.decimals) {
    result.problems.push({
      kind: 'too-many-digits',
      message:
        meter.decimals > 0
          ? `У этого счётчика ${meter.maxDigits} цифр до запятой и ${meter.decimals} после. Проверьте показание.`
          : `У этого счётчика ${meter.maxDigits} цифр. Проверьте показание.`,
    });
    return result;
  }
  const value = Number(normalized);
  result.value = value;
  if (meter.verificationDueOn < today) {
    result.problems.push({
      kind: 'verification-expired',
      message:
        `Срок поверки счётчика истёк ${formatRuDate(meter.verificationDueOn)}. Показания такого счётчика не принимаются к расчёту: ` +
        'начисление идёт по среднему потреблению, а через три месяца — по нормативу. Закажите поверку или замену счётчика.',
    });
  }
  if (meter.previousValue !== null) {
    const consumption = round(value - meter.previousValue, meter.decimals);
    if (consumption < 0) {
      result.problems.push({
        kind: 'lower-than-previous',
        message:
          `Показание меньше предыдущего (${meter.previousValue}). Если счётчик заменили или он прошёл круг, ` +
          'обратитесь в офис обслуживания: такие показания принимает сотрудник.',
      });
      return result;
    }
    result.consumption = consumption;
    const usual = meter.averageMonthlyConsumption;
    if (usual !== null && usual > 0 && consumption > usual * HIGH_CONSUMPTION_RATIO) {
      result.highConsumption = {
        ratio: round(consumption / usual, 1),
        message: `Расход ${consumption} — в ${round(consumption / usual, 1)} раза больше обычного (${usual} в месяц). Проверьте показание. Если оно верно, подтвердите передачу.`,
      };
    }
  }
  return result;
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

function formatRuDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}.${month}.${year}`;
}
