// Training mode's billing centre: the reference server on a file in the kiosk's data folder. The
// core host loads this module only when the configuration asks for training mode.
import type { TrainingBilling } from '../core/kiosk-core';
import { startReferenceBillingServer } from './reference-billing-server';
import { smsSentForAccount } from './training-sms';

export async function startTrainingBilling(dbFile: string): Promise<TrainingBilling> {
  const server = await startReferenceBillingServer({ dbFile });
  return {
    url: server.url,
    smsInbox: (accountNumber) => smsSentForAccount(server.db, accountNumber).map(({ body, sentAt }) => ({ text: body, sentAt })),
    close: () => server.close(),
  };
}
