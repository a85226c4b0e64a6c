// The history of accepted readings, from the billing centre's meters answer, joined with the
// readings of this account still waiting in this terminal's outbox.
import type { Meter } from '../../core/billing/billing-wire';
import type { KioskServices } from '../../core/kiosk-services';
import type { KioskHandlers } from '../kiosk-methods';
import { readingsSubmission } from '../readings/readings-submission';

type ReadingsHistoryHandlers = Pick<KioskHandlers, 'readings.history'>;

/** More than a visit can queue; the outbox keeps at most this many pending rows in view. */
const PENDING_SCAN_LIMIT = 500;

export function createReadingsHistoryHandlers(services: KioskServices): ReadingsHistoryHandlers {
  const { billing, billingLink, outbox } = services;

  return {
    async 'readings.history'() {
      const session = services.requireCustomer();
      const response = await billingLink.call(() => billing.getMeters(session.billingToken));
      const byId = new Map(response.meters.map((meter) => [meter.meterId, meter]));
      // A reading of a meter the billing centre no longer lists is left out rather than guessed at.
      const readingsOf = (readings: ReadonlyArray<{ meterId: string; value: number }>) =>
        readings.flatMap(({ meterId, value }) => {
          const meter = byId.get(meterId);
          return meter ? [historyReading(meter, value)] : [];
        });

      const waiting = outbox
        .list({ status: 'pending', limit: PENDING_SCAN_LIMIT })
        .filter((message) => message.kind === readingsSubmission.kind && message.accountNumber === session.accountNumber)
        .reverse()
        .map((message) => {
          const payload = readingsSubmission.payload.parse(message.payload);
          return { localReference: message.localReference, submittedAt: payload.submittedAt, readings: readingsOf(payload.readings) };
        });

      return {
        meters: response.meters.map((meter) => ({
          serialNumber: meter.serialNumber,
          service: meter.service,
          unit: meter.unit,
          fractionDigits: meter.fractionDigits,
          lastAccepted: meter.lastReading,
        })),
        accepted: response.submissions.map((submission) => ({
          registrationNumber: submission.registrationNumber,
          acceptedAt: submission.acceptedAt,
          readings: readingsOf(submission.readings),
        })),
        waiting,
      };
    },
  };
}

function historyReading(meter: Meter, value: number) {
  return { serialNumber: meter.serialNumber, unit: meter.unit, value, fractionDigits: meter.fractionDigits };
}
