// The checks a reading passes before it is queued for the billing centre, each with the message a
// customer reads: not a number, too many digits, lower than the previous reading, far above the
// usual consumption (asks to confirm), an expired verification (explained). Also the meter's
// verification state and the reading window of the month. Pure: the renderer mirrors these
// checks for immediate feedback through `./index`, the core applies them authoritatively.
import { addMonths, dateInPeriod, daysBetween, periodOf } from '../../core/time/calendar';
import { message, type Message, type MessageKey } from '../../core/messages/messages';

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

export interface ReadingProblem {
  kind: ReadingProblemKind;
  message: Message;
}

export interface ReadingCheck {
  meterId: string;
  value: number | null;
  consumption: number | null;
  problems: ReadingProblem[];
  /** Set when consumption is far above the usual: the customer must confirm it. */
  highConsumption: { message: Message; ratio: number } | null;
}

/** How many times the usual monthly consumption counts as "far above". */
export const HIGH_CONSUMPTION_RATIO = 3;

/** A verification due within this many days is flagged as expiring soon. */
export const EXPIRING_SOON_DAYS = 60;

export function checkReading(meter: MeterForCheck, text: string, today: string): ReadingCheck {
  const result: ReadingCheck = { meterId: meter.meterId, value: null, consumption: null, problems: [], highConsumption: null };
  const normalized = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(normalized)) {
    result.problems.push({ kind: 'not-a-number', message: message('readings.problemNotANumber') });
    return result;
  }
  const [whole = '', fraction = ''] = normalized.split('.');
  if (whole.replace(/^0+(?=\d)/, '').length > meter.maxDigits || fraction.length > meter.decimals) {
    result.problems.push({
      kind: 'too-many-digits',
      message:
        meter.decimals > 0
          ? message('readings.problemTooManyDigits', { integer: meter.maxDigits, fraction: meter.decimals })
          : message('readings.problemTooManyDigitsWhole', { integer: meter.maxDigits }),
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
        message: message('readings.problemLowerThanPrevious', { previous: formatReading(meter.previousValue, meter.decimals) }),
      });
      return result;
    }
    result.consumption = consumption;
    const usual = meter.averageMonthlyConsumption;
    if (usual !== null && usual > 0 && consumption > usual * HIGH_CONSUMPTION_RATIO) {
      const ratio = round(consumption / usual, 1);
      result.highConsumption = {
        ratio,
        message: message('readings.problemHighConsumption', {
          consumption: formatNumber(consumption),
          ratio: formatNumber(ratio),
          usual: formatNumber(usual),
        }),
      };
    }
  }
  return result;
}

/** What an expired verification means for the customer's bill, and what to do. */
export function verificationExpiredMessage(dueOn: string): Message {
  return message('readings.problemVerificationExpired', { date: writtenDate(dueOn) });
}

/** A problem of one meter as a refusal of the whole submission: the same text, naming the meter. */
const METER_REFUSALS: Partial<Record<MessageKey, MessageKey>> = {
  'readings.problemNotANumber': 'readings.meterRefusals.notANumber',
  'readings.problemTooManyDigits': 'readings.meterRefusals.tooManyDigits',
  'readings.problemTooManyDigitsWhole': 'readings.meterRefusals.tooManyDigitsWhole',
  'readings.problemLowerThanPrevious': 'readings.meterRefusals.lowerThanPrevious',
  'readings.problemVerificationExpired': 'readings.meterRefusals.verificationExpired',
  'readings.problemHighConsumption': 'readings.meterRefusals.highConsumption',
};

export function meterRefusal(serialNumber: string, problem: Message): Message {
  const key = METER_REFUSALS[problem.key];
  return key ? message(key, { ...problem.values, serial: serialNumber }) : problem;
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
export function outsideWindowMessage(state: ReadingWindowState): Message {
  return message('readings.refusalOutsideWindow', {
    fromDay: state.fromDay,
    toDay: state.toDay,
    opensOn: writtenDate(state.opensOn),
    closesOn: writtenDate(state.closesOn),
    // The month's name is the catalog's, chosen by its number (`11` → «ноябрь», «November»).
    month: String(Number(state.countsForPeriod.slice(5, 7))),
    year: state.countsForPeriod.slice(0, 4),
  });
}

/** A reading as the meter's dial shows it: `123,456` (always `decimals` places). */
export function formatReading(value: number, decimals: number): string {
  return value.toFixed(decimals).replace('.', ',');
}

/** A consumption or ratio without trailing zeros: `4,5`. */
export function formatNumber(value: number): string {
  return String(round(value, 3)).replace('.', ',');
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** `2026-11-25` → `25.11.2026`, as a date is written in the refusals of every language. */
function writtenDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}.${month}.${year}`;
}
