// Передать показания: the account's meters with the verification state and the month's reading
// window judged in the core, and the submission, checked here (authoritatively) against the meters
// the screen opened with and then written ahead into the outbox before the billing centre sees it.
import { KioskFailure } from '../../core/api/contract';
import type { KioskHandlers, KioskOutput } from '../kiosk-methods';
import type { KioskServices } from '../../core/kiosk-services';
import { readingsResponseSchema, type Meter, type MetersResponse } from '../../core/billing/billing-wire';
import { billingWords } from '../../core/billing/billing-link';
import { message, type Message } from '../../core/messages/messages';
import type { SubmissionOutcome } from '../../core/outbox/customer-submissions';
import {
  checkReading,
  formatReading,
  meterRefusal,
  outsideWindowMessage,
  readingWindowState,
  verificationStatus,
  type ReadingCheck,
  type ReadingWindowState,
} from '../readings/reading-checks';
import { ufaDate } from '../../core/time/calendar';
import { readingsSubmission } from './readings-submission';
import { VisitCopy } from '../../core/session/visit-copy';
import { METERS_REUSE_MS, withSubmission } from './visit-meters';

type ReadingsHandlers = Pick<KioskHandlers, 'readings.meters' | 'readings.submit'>;

interface CheckedLine {
  meter: Meter;
  check: ReadingCheck;
}

/** What the confirmation screen and the receipt show for one meter. */
export interface ReadingsReceiptLine {
  meterId: string;
  serialNumber: string;
  unit: Meter['unit'];
  previous: number | null;
  value: number;
  consumption: number | null;
}

/**
 * The billing centre's refusal of readings. Russian shows its own words; for the refusals it
 * usually gives, the other languages say what it means (the window, the meter) in theirs.
 */
function billingRefusal(rejection: SubmissionOutcome['rejection'], window: ReadingWindowState, meters: readonly Meter[]): Message {
  const billingText = rejection?.message;
  if (!billingText) return message('readings.refusals.rejected');
  if (rejection.code === 'outside-window') {
    return message('readings.billingOutsideWindow', { billingText, fromDay: window.fromDay, toDay: window.toDay });
  }
  if (rejection.code === 'lower-than-previous') return message('readings.billingLowerThanPrevious', { billingText });
  const named = meters.find((meter) => billingText.includes(meter.serialNumber));
  if (rejection.code === 'verification-expired' && named) {
    return message('readings.billingVerificationExpired', { billingText, serial: named.serialNumber });
  }
  return billingWords(billingText, message('readings.refusals.rejected'));
}

/** The screen's view of the billing centre's meters answer, judged on `date` (the terminal's day in Ufa). */
function metersView(response: MetersResponse, date: string): KioskOutput<'readings.meters'> {
  return {
    today: date,
    readingWindow: readingWindowState(response.readingWindow, date),
    meters: response.meters.map((meter) => {
      const verification = verificationStatus(meter.verificationDueOn, date);
      return {
        meterId: meter.meterId,
        service: meter.service,
        unit: meter.unit,
        serialNumber: meter.serialNumber,
        installedOn: meter.installedOn,
        verificationDueOn: meter.verificationDueOn,
        verificationState: verification.state,
        daysLeft: verification.daysLeft,
        integerDigits: meter.integerDigits,
        fractionDigits: meter.fractionDigits,
        lastReading: meter.lastReading,
        averageMonthlyConsumption: meter.averageMonthlyConsumption,
        acceptsReadings: verification.state !== 'expired',
      };
    }),
    submissions: response.submissions,
  };
}

export function createReadingsHandlers(services: KioskServices): ReadingsHandlers {
  const { billing, billingLink } = services;
  const today = () => ufaDate(services.clock());

  // The meters of the current visit as last fetched: the submission checks against them, and when
  // the billing centre goes away mid-visit the customer keeps working from them while the readings
  // queue in the outbox. Forgotten at logout.
  const visitMeters = new VisitCopy<MetersResponse>(services.customerSession, services.clock, METERS_REUSE_MS, (visit) =>
    billingLink.call(() => billing.getMeters(visit.billingToken)),
  );

  /** Runs every reading through the checks; a meter that is not on the account, or given twice, is refused outright. */
  const checkAll = (response: MetersResponse, readings: Array<{ meterId: string; value: string | number }>, date: string) => {
    const seen = new Set<string>();
    return readings.map(({ meterId, value }): CheckedLine => {
      const meter = response.meters.find((candidate) => candidate.meterId === meterId);
      if (!meter) {
        throw new KioskFailure({ code: 'not-found', message: message('readings.refusals.meterUnknown') });
      }
      if (seen.has(meterId)) {
        throw new KioskFailure({
          code: 'invalid-input',
          message: message('readings.refusals.duplicate', { serial: meter.serialNumber }),
          fields: { [meterId]: message('readings.refusals.duplicateField') },
        });
      }
      seen.add(meterId);
      const text = typeof value === 'number' ? String(value) : value;
      const check = checkReading(
        {
          meterId,
          maxDigits: meter.integerDigits,
          decimals: meter.fractionDigits,
          previousValue: meter.lastReading?.value ?? null,
          averageMonthlyConsumption: meter.averageMonthlyConsumption,
          verificationDueOn: meter.verificationDueOn,
        },
        text,
        date,
      );
      return { meter, check };
    });
  };

  return {
    async 'readings.meters'() {
      const session = services.requireBillHolder();
      return metersView(await visitMeters.fetch(session), today());
    },

    async 'readings.submit'({ readings, confirmHighConsumption, correctsRegistrationNumber }) {
      const session = services.requireBillHolder();
      // The meters the screen opened with, while they are recent; the same checks then ran there.
      const response = await visitMeters.reuseOrFetch(session);
      const date = today();

      const window = readingWindowState(response.readingWindow, date);
      if (!window.openToday) {
        throw new KioskFailure({ code: 'invalid-input', message: outsideWindowMessage(window) });
      }

      const lines = checkAll(response, readings, date);
      for (const { meter, check } of lines) {
        const problem = check.problems[0];
        if (problem) {
          throw new KioskFailure({
            code: 'invalid-input',
            message: meterRefusal(meter.serialNumber, problem.message),
            fields: { [meter.meterId]: problem.message },
          });
        }
      }
      const high = lines.find(({ check }) => check.highConsumption !== null);
      if (high?.check.highConsumption && confirmHighConsumption !== true) {
        throw new KioskFailure({
          code: 'invalid-input',
          message: meterRefusal(high.meter.serialNumber, high.check.highConsumption.message),
          fields: { [high.meter.meterId]: high.check.highConsumption.message },
        });
      }
      if (
        correctsRegistrationNumber &&
        !response.submissions.some((earlier) => earlier.registrationNumber === correctsRegistrationNumber)
      ) {
        throw new KioskFailure({ code: 'not-found', message: message('readings.refusalCorrectionTarget') });
      }

      const receiptLines: ReadingsReceiptLine[] = lines.map(({ meter, check }) => ({
        meterId: meter.meterId,
        serialNumber: meter.serialNumber,
        unit: meter.unit,
        previous: meter.lastReading?.value ?? null,
        value: check.value as number,
        consumption: check.consumption,
      }));
      const outcome = await services.submissions.submit(
        readingsSubmission,
        session.accountNumber,
        session.sessionId,
        (submittedAt) => ({
          readings: receiptLines.map(({ meterId, value }) => ({ meterId, value })),
          submittedAt,
          ...(correctsRegistrationNumber ? { correctsRegistrationNumber } : {}),
        }),
        {
          countsForPeriod: window.countsForPeriod,
          corrects: correctsRegistrationNumber ?? null,
          lines: receiptLines.map((line) => ({
            ...line,
            value: formatReading(line.value, lines.find(({ meter }) => meter.meterId === line.meterId)?.meter.fractionDigits ?? 0),
          })),
        },
      );

      if (outcome.delivery === 'rejected') {
        // The refusal may come from what the copy does not know (another terminal, the office): the next try fetches.
        visitMeters.markStale(session.sessionId);
        // The billing centre's own words: the customer can correct the readings right here.
        throw new KioskFailure({
          code: 'billing-refused',
          message: billingRefusal(outcome.rejection, window, response.meters),
          ...(outcome.rejection ? { billingCode: outcome.rejection.code } : {}),
        });
      }
      services.logger.info('readings submitted', {
        accountNumber: session.accountNumber,
        localReference: outcome.localReference,
        delivery: outcome.delivery,
      });

      if (outcome.delivery === 'pending') {
        return {
          delivery: 'pending' as const,
          registrationNumber: null,
          localReference: outcome.localReference,
          submittedAt: outcome.submittedAt,
          acceptedAt: null,
          countsForPeriod: window.countsForPeriod,
          corrects: correctsRegistrationNumber ?? null,
          lines: receiptLines,
          message: message('readings.outcome.pending', { reference: outcome.localReference }),
          // Not registered yet: the billing centre lists what it listed before.
          updatedMeters: metersView(response, date),
        };
      }

      const answer = readingsResponseSchema.safeParse(outcome.result);
      const registered = answer.success ? answer.data : null;
      // What the billing centre lists now: this submission on top of the month's. The visit's copy
      // takes it in (a correction of it checks against it); after an unreadable answer the copy is
      // behind the billing centre, and the next submission fetches afresh.
      const after = registered
        ? withSubmission(response, {
            registrationNumber: registered.registrationNumber,
            acceptedAt: registered.acceptedAt,
            readings: registered.readings.map(({ meterId, value }) => ({ meterId, value })),
          })
        : response;
      if (registered) visitMeters.update(session.sessionId, after);
      else visitMeters.markStale(session.sessionId);
      const confirmedLines = receiptLines.map((line) => {
        const confirmed = registered?.readings.find((reading) => reading.meterId === line.meterId);
        return confirmed ? { ...line, previous: confirmed.previousValue, consumption: confirmed.consumption } : line;
      });
      return {
        delivery: 'delivered' as const,
        registrationNumber: registered?.registrationNumber ?? null,
        localReference: outcome.localReference,
        submittedAt: outcome.submittedAt,
        acceptedAt: registered?.acceptedAt ?? null,
        countsForPeriod: window.countsForPeriod,
        corrects: correctsRegistrationNumber ?? null,
        lines: confirmedLines,
        message: registered
          ? message('readings.outcome.delivered', { number: registered.registrationNumber })
          : message('readings.outcome.deliveredLocal', { reference: outcome.localReference }),
        updatedMeters: metersView(after, date),
      };
    },
  };
}
