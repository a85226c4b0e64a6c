// Training mode's billing centre: the reference server on a file in the kiosk's data folder. The
// core host loads this module only when the configuration asks for training mode.
import type { TrainingBilling } from '../core/kiosk-core';
import { ufaDate } from '../core/time/calendar';
import type { TrainingDemoBill } from '../features/training-bill/training-demo-bill';
import type { BillingDatabase } from './billing-database';
import { BillingLedger } from './billing-ledger';
import { DEMO_ACCOUNTS, type DemoAccountName } from './demo-data';
import { startReferenceBillingServer } from './reference-billing-server';
import { DEMO_PAYEE } from './reference-content';
import { smsSentForAccount } from './training-sms';

export async function startTrainingBilling(dbFile: string): Promise<TrainingBilling> {
  const server = await startReferenceBillingServer({ dbFile });
  const ledger = new BillingLedger(server.db);
  return {
    url: server.url,
    smsInbox: (accountNumber) => smsSentForAccount(server.db, accountNumber).map(({ body, sentAt }) => ({ text: body, sentAt })),
    // Today as the reference server sees it (it runs on the same clock), so the bill shows what a session would.
    demoBills: () => demoBills(server.db, ledger, ufaDate(Date.now())),
    close: () => server.close(),
  };
}

/** The fixed demo accounts' last bills: what is due now, the code printed on the last bill, the activation code if unregistered. */
function demoBills(db: BillingDatabase, ledger: BillingLedger, today: string): TrainingDemoBill[] {
  const account = db.prepare<[string], { activation_code: string; registered_at: string | null }>(
    'SELECT activation_code, registered_at FROM account WHERE account_number = ?',
  );
  const billCode = db.prepare<[string, string], { code: string }>('SELECT code FROM bill_code WHERE account_number = ? AND period = ?');
  return (Object.entries(DEMO_ACCOUNTS) as Array<[DemoAccountName, string]>).flatMap(([demoName, accountNumber]) => {
    const row = account.get(accountNumber);
    const period = ledger.lastBilledPeriod(accountNumber);
    const code = period ? billCode.get(accountNumber, period) : undefined;
    if (!row || !code) return [];
    return [
      {
        demoName,
        billCode: code.code,
        activationCode: row.registered_at === null ? row.activation_code : null,
        invoice: ledger.invoice(accountNumber, today, DEMO_PAYEE),
      },
    ];
  });
}
