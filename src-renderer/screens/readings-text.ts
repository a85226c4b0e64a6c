// The readings screen's texts built from data: a meter's problem found by the screen's own checks,
// a high consumption, dates and times.
import { formatNumber, formatReading, type ReadingProblemKind } from '../../src-main/features/readings/reading-checks';
import { i18n } from '../lib/i18n.svelte';
import { ufaDateTime } from '../lib/date-formats';
import type { LineResult, Meter } from './readings-form.svelte';

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
