// Handlers of the readings service (written in full by the service's own change).
import type { KioskServices } from '../../kiosk-services';

export function createReadingsHandlers(services: KioskServices) {
  void services;
  return {};
}
