// Training mode's billing centre: the reference server on a file in the kiosk's data folder. The
// core host loads this module only when the configuration asks for training mode.
import { startReferenceBillingServer } from './reference-billing-server';

export async function startTrainingBilling(dbFile: string): Promise<{ url: string; close(): Promise<void> }> {
  return startReferenceBillingServer({ dbFile });
}
