// Handlers of the profile service (written in full by the service's own change).
import type { KioskServices } from '../../kiosk-services';

export function createProfileHandlers(services: KioskServices) {
  void services;
  return {};
}
