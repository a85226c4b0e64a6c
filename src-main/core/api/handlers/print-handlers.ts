// Handlers for receipts (written in full by the printing change).
import type { KioskServices } from '../../kiosk-services';

export function createPrintHandlers(services: KioskServices) {
  void services;
  return {};
}
