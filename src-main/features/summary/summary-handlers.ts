// The home screen's account summary, straight from the billing centre.
import type { KioskServices } from '../../core/kiosk-services';
import type { KioskHandlers } from '../kiosk-methods';

type SummaryHandlers = Pick<KioskHandlers, 'account.summary'>;

export function createSummaryHandlers(services: KioskServices): SummaryHandlers {
  const { billing, billingLink } = services;
  return {
    async 'account.summary'() {
      const session = services.requireBillHolder();
      return billingLink.call(() => billing.getAccountSummary(session.billingToken));
    },
  };
}
