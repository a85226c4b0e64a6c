// The start screen's data: what this terminal is, whether the billing centre answers, and the
// utility's announcements (cached so the screen works offline).
import { readReferenceData } from '../../core/reference/reference-data';
import type { KioskHandlers } from '../kiosk-methods';
import type { KioskServices } from '../../core/kiosk-services';
import { CONTACT_CENTRE_PHONE } from '../../core/billing/billing-link';
import { terminalFacts } from '../../core/events/core-events';

type TerminalHandlers = Pick<KioskHandlers, 'terminal.status' | 'reference.startScreen'>;

export function createTerminalHandlers(services: KioskServices): TerminalHandlers {
  const { billingLink } = services;
  return {
    async 'terminal.status'() {
      return { ...terminalFacts(services), billingOnline: billingLink.online };
    },

    async 'reference.startScreen'() {
      const cached = await readReferenceData(services);
      const reference = cached.value;
      return {
        utilityName: reference.utilityName,
        utilityShortName: reference.utilityShortName,
        contactCentrePhone: reference.contactCentrePhone || CONTACT_CENTRE_PHONE,
        announcements: reference.announcements,
        // Fresh from the cache but with the link known to be down is still "saved data" to the customer.
        fromCache: cached.fromCache || !billingLink.online,
      };
    },
  };
}
