// Handlers of the registration service (written in full by the service's own change).
import type { KioskServices } from '../../kiosk-services';

export function createRegistrationHandlers(services: KioskServices) {
  void services;
  return {};
}
