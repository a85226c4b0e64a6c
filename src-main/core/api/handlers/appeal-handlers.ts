// Handlers of the appeal service (written in full by the service's own change).
import type { KioskServices } from '../../kiosk-services';

export function createAppealHandlers(services: KioskServices) {
  void services;
  return {};
}
