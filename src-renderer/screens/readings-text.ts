// The readings screen's texts built from data: a meter's problem, a high consumption, and the
// core's and billing centre's refusals in the customer's language.
import { formatNumber, formatReading, type ReadingProblemKind } from '../../src-main/features/readings/reading-checks';
import { i18n } from '../lib/i18n.svelte';
import type { KioskError } from '../lib/kiosk-api';
import { ufaDateTime, type LineResult, type Meter, type ReadingsForm } from './readings-form.svelte';

export const serviceName = (meter: Meter): string =>
  i18n.t(meter.service === 'heating' ? 'readings.serviceHeating' : 'readings.serviceHotWater');

export const readingText = (meter: Meter, value: number): string => formatReading(value, meter.fractionDigits);

export function problemText(meter: Meter, kind: ReadingProblemKind): string {
  switch (kind) {
    case 'not-a-number':
      return i18n.t('readings.problemNotANumber');
    case 'too-many-digits':
      return meter.fractionDigits > 0
        ? i18n.t('readings.problemTooManyDigits', { integer: meter.integerDigits, fraction: meter.fractionDigits })
        : i18n.t('readings.problemTooManyDigitsWhole', { integer: meter.integerDigits });
    case 'lower-than-previous':
      return i18n.t('readings.problemLowerThanPrevious', { previous: readingText(meter, meter.lastReading?.value ?? 0) });
    case 'verification-expired':
      return i18n.t('readings.verificationExpired', { date: i18n.formatDate(meter.verificationDueOn) });
  }
}

export function highText(meter: Meter, result: LineResult): string {
  return i18n.t('readings.highConsumption', {
    consumption: formatNumber(result.consumption ?? 0),
    unit: meter.unit,
    ratio: formatNumber(result.high?.ratio ?? 0),
    usual: formatNumber(meter.averageMonthlyConsumption ?? 0),
  });
}

export function dateTime(iso: string): { date: string; time: string } {
  const { date, time } = ufaDateTime(iso);
  return { date: i18n.formatDate(date), time };
}

/** The core's refusals in the customer's language: its Russian text, or the catalog text by reason. */
export function refusalText(form: ReadingsForm, error: KioskError): string {
  const details = error.details ?? {};
  if (i18n.language === 'ru') return i18n.error(error);
  if (error.code === 'billing-refused') return billingRefusalText(form, error);
  if (details.reason === 'outside-window') {
    return i18n.t('readings.refusalOutsideWindow', {
      fromDay: details.fromDay ?? '',
      toDay: details.toDay ?? '',
      opensOn: i18n.formatDate(String(details.opensOn)),
      closesOn: i18n.formatDate(String(details.closesOn)),
      period: i18n.formatPeriod(String(details.period)),
    });
  }
  if (details.reason === 'correction-target-unknown') return i18n.t('readings.refusalCorrectionTarget');
  const meter = typeof details.meterId === 'string' ? form.meters.find((item) => item.meterId === details.meterId) : undefined;
  const kind = details.reason as ReadingProblemKind | 'high-consumption' | undefined;
  if (meter && kind && kind !== 'high-consumption') {
    return i18n.t('readings.refusalForMeter', { serial: meter.serialNumber, problem: problemText(meter, kind) });
  }
  return i18n.error(error);
}

/** The billing centre writes in Russian; its usual refusals are translated, anything else is shown as it came. */
function billingRefusalText(form: ReadingsForm, error: KioskError): string {
  const window = form.data?.readingWindow;
  if (error.billingCode === 'outside-window' && window) {
    return i18n.t('readings.billingOutsideWindow', { fromDay: window.fromDay, toDay: window.toDay });
  }
  if (error.billingCode === 'lower-than-previous') return i18n.t('readings.billingLowerThanPrevious');
  if (error.billingCode === 'verification-expired') {
    const serial = form.meters.find((meter) => error.message.includes(meter.serialNumber))?.serialNumber;
    if (serial) return i18n.t('readings.billingVerificationExpired', { serial });
  }
  return i18n.error(error);
}
