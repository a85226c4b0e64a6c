// The checks a reading passes before it is queued for the billing centre, each with the message a
// customer reads: not a number, too many digits, lower than the previous reading, far above the
// usual consumption (asks to confirm), an expired verification (explained). Also the meter's
// verification state and the reading window of the month. Pure: the renderer mirrors these
// checks for immediate feedback through `./index`, the core applies them authoritatively.
import { addMonths, dateInPeriod, daysBetween, periodOf } from '../../core/time/calendar';

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

export type ReadingProblemKind = 'not-a-number' | 'too-many-digits' | 'lower-than-previous' | 'verification-expired';

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

/** A verification due within this many days is flagged as expiring soon. */
export const EXPIRING_SOON_DAYS = 60;

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
          ? `У этого счётчика ${digits(meter.maxDigits)} до запятой и ${meter.decimals} после. Проверьте показание.`
          : `У этого счётчика ${digits(meter.maxDigits)} и нет дробной части. Проверьте показание.`,
    });
    return result;
  }
  const value = Number(normalized);
  result.value = value;
  if (meter.verificationDueOn < today) {
    result.problems.push({ kind: 'verification-expired', message: verificationExpiredMessage(meter.verificationDueOn) });
  }
  if (meter.previousValue !== null) {
    const consumption = round(value - meter.previousValue, meter.decimals);
    if (consumption < 0) {
      result.problems.push({
        kind: 'lower-than-previous',
        message:
          `Показание меньше предыдущего (${formatReading(meter.previousValue, meter.decimals)}) и не может быть принято. ` +
          'Если счётчик заменили или он прошёл полный круг, обратитесь в офис обслуживания: замена счётчика оформляется в офисе.',
      });
      return result;
    }
    result.consumption = consumption;
    const usual = meter.averageMonthlyConsumption;
    if (usual !== null && usual > 0 && consumption > usual * HIGH_CONSUMPTION_RATIO) {
      const ratio = round(consumption / usual, 1);
      result.highConsumption = {
        ratio,
        message:
          `Расход ${formatNumber(consumption)} — в ${formatNumber(ratio)} раза больше обычного (${formatNumber(usual)} в месяц). ` +
          'Проверьте показание. Если оно верно, подтвердите передачу.',
      };
    }
  }
  return result;
}

/** What an expired verification means for the customer's bill, and what to do. */
export function verificationExpiredMessage(dueOn: string): string {
  return (
    `Срок поверки счётчика истёк ${formatRuDate(dueOn)}. Показания такого счётчика не принимаются к расчёту: ` +
    'начисление идёт по среднему потреблению за 3 месяца, а затем — по нормативу. ' +
    'Закажите поверку в аккредитованной организации и принесите свидетельство о поверке в офис обслуживания.'
  );
}

export type VerificationState = 'valid' | 'expiring' | 'expired';

/** Whether the meter's verification is valid, due within EXPIRING_SOON_DAYS, or past due. */
export function verificationStatus(dueOn: string, today: string): { state: VerificationState; daysLeft: number } {
  const daysLeft = daysBetween(today, dueOn);
  if (daysLeft < 0) return { state: 'expired', daysLeft };
  return { state: daysLeft <= EXPIRING_SOON_DAYS ? 'expiring' : 'valid', daysLeft };
}

export interface ReadingWindow {
  fromDay: number;
  toDay: number;
}

export interface ReadingWindowState extends ReadingWindow {
  openToday: boolean;
  /** The billing period readings passed in the current (or next) window count for. */
  countsForPeriod: string;
  /** First and last day of the window the readings can be passed in (today's window when open). */
  opensOn: string;
  closesOn: string;
}

/** Where today falls against the billing centre's window (days of the month, inclusive). */
export function readingWindowState(window: ReadingWindow, today: string): ReadingWindowState {
  const period = periodOf(today);
  const day = Number(today.slice(8, 10));
  const beforeWindow = day < window.fromDay;
  const openToday = !beforeWindow && day <= window.toDay;
  const countsForPeriod = openToday || beforeWindow ? period : addMonths(period, 1);
  return {
    fromDay: window.fromDay,
    toDay: window.toDay,
    openToday,
    countsForPeriod,
    opensOn: openToday ? today : dateInPeriod(countsForPeriod, window.fromDay),
    closesOn: dateInPeriod(countsForPeriod, window.toDay),
  };
}

/** The refusal when readings are passed outside the window: the window, and when and for what month to pass them. */
export function outsideWindowMessage(state: ReadingWindowState): string {
  return (
    `Показания принимаются с ${state.fromDay} по ${state.toDay} число месяца, сегодня приём закрыт. ` +
    `Передайте показания с ${formatRuDate(state.opensOn)} по ${formatRuDate(state.closesOn)}: ` +
    `они будут учтены в расчёте за ${RU_MONTHS[Number(state.countsForPeriod.slice(5, 7)) - 1]} ${state.countsForPeriod.slice(0, 4)} г.`
  );
}

/** A reading as the meter's dial shows it: `123,456` (always `decimals` places). */
export function formatReading(value: number, decimals: number): string {
  return value.toFixed(decimals).replace('.', ',');
}

/** A consumption or ratio without trailing zeros: `4,5`. */
export function formatNumber(value: number): string {
  return String(round(value, 3)).replace('.', ',');
}

const RU_MONTHS = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** `3 цифры`, `5 цифр`, `21 цифра`. */
function digits(count: number): string {
  const lastTwo = count % 100;
  const last = count % 10;
  const word = lastTwo >= 11 && lastTwo <= 14 ? 'цифр' : last === 1 ? 'цифра' : last >= 2 && last <= 4 ? 'цифры' : 'цифр';
  return `${count} ${word}`;
}

function formatRuDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}.${month}.${year}`;
}
